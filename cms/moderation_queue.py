"""What the admin's moderation queues share (held comments, adoption reports): who may enter, what was chosen."""

from functools import wraps

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

MAX_ID_DIGITS = 18  # always within a 64-bit primary key


def moderators_only(can_moderate, template, title, icon):
    """A view decorator: a real 403 page (not Wagtail's redirect with a message) for users `can_moderate` refuses."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not can_moderate(request.user):
                context = {"page_title": title, "header_title": title, "header_icon": icon}
                return TemplateResponse(request, template, context, status=403)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def chosen(request, actions, field):
    """(action, ids) of a queue's POST: one item (`<action>_one`) or the ticked ones (`action` + `field`).

    Ids that are not plain numbers of at most 18 digits are dropped; the action may be one not in `actions`.
    """
    action, ids = request.POST.get("action"), request.POST.getlist(field)
    for name in actions:
        if request.POST.get(f"{name}_one"):
            action, ids = name, [request.POST[f"{name}_one"]]
            break
    return action, [int(value) for value in ids if value.isascii() and value.isdigit() and len(value) <= MAX_ID_DIGITS]


def queue_page(request, queryset, title, icon, page_size):
    """The admin frame of a queue page (title, icon, breadcrumbs) and its page of `queryset` (`?p=`)."""
    page_obj = Paginator(queryset, page_size).get_page(request.GET.get("p"))
    return {
        "page_title": title,
        "header_title": title,
        "header_icon": icon,
        "breadcrumbs_items": [{"url": reverse("wagtailadmin_home"), "label": _("Home")}, {"url": "", "label": title}],
        "page_obj": page_obj,
    }
