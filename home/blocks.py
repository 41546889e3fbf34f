"""The home page's stream: the shared blocks plus the blocks that pull in content."""

from cms.blocks import BaseStreamBlock


class HomeStreamBlock(BaseStreamBlock):
    pass
