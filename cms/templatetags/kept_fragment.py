"""`{% keptfragment "name" var1 var2 %}…{% endkeptfragment %}`: a part of a page kept as HTML
under the same rule as every other kept answer (`cms.visibility.kept_for_the_public`).

Like Wagtail's `{% wagtailpagecache %}` (wagtail/templatetags/wagtail_cache.py) it renders
afresh in a preview and varies on the site and the language; unlike it, the HTML is not kept
for a fixed time nor keyed on the page's own `cache_key` (its last publish): it is renewed
whenever anything the public sees changes (another page's publish, an image, a document, a
snippet) and not kept past the next scheduled change of visibility. Without a shared cache it
renders every time.

For parts that depend only on published content and the variables named, never on the
visitor (no forms, no CSRF token, no CSP nonce, no per-request attribute) nor on the clock (an
answer kept inside the part with an end of its own, such as an event list, does not end the
part): a card, a material's language versions. Variables the part sets are not seen by what
follows it.
"""

from django import template
from django.core.cache.utils import make_template_fragment_key
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.models import Site

from cms.visibility import kept_for_the_public

register = template.Library()


class KeptFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        site = Site.find_for_request(request)
        vary_on = [translation.get_language(), site.pk if site else None]
        vary_on += [variable.resolve(context) for variable in self.vary_on]
        key = make_template_fragment_key(self.name, vary_on)
        return mark_safe(kept_for_the_public("fragment", key, lambda: str(self.nodelist.render(context))))  # noqa: S308 - our own template's output


@register.tag("keptfragment")
def keptfragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "'\"" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a quoted name, then the variables it varies on.")
    nodelist = parser.parse(("endkeptfragment",))
    parser.delete_first_token()
    return KeptFragmentNode(nodelist, bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]])
