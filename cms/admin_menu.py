"""An admin menu item shown only to whom it concerns, with the number of things waiting for them."""

from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem


class WaitingCountMenuItem(MenuItem):
    """`is_allowed(user)` decides who sees it; `waiting()` counts what waits (held comments, held reports)."""

    def __init__(self, label, url, *, is_allowed, waiting, **kwargs):
        super().__init__(label, url, **kwargs)
        self.is_allowed = is_allowed
        self.waiting = waiting

    def is_shown(self, request):
        return self.is_allowed(request.user)

    def render_component(self, request):
        count = self.waiting()
        label = f"{self.label} ({count})" if count else self.label
        return LinkMenuItem(self.name, label, self.url, icon_name=self.icon_name, classname=self.classname, attrs=self.attrs)
