"""The home page's stream: the shared blocks plus the blocks that pull content from the apps."""

from blog.blocks import LatestPostsBlock
from cms.blocks import BaseStreamBlock
from materials.blocks import MaterialsBlock
from practices.featured import FeaturedPracticesBlock
from trainings.blocks import UpcomingEventsBlock


class HomeStreamBlock(BaseStreamBlock):
    latest_posts = LatestPostsBlock()
    featured_practices = FeaturedPracticesBlock()
    materials = MaterialsBlock()
    upcoming_events = UpcomingEventsBlock()


class ProjectStreamBlock(BaseStreamBlock):
    """A project's body can also show the materials the project produced."""

    materials = MaterialsBlock()
