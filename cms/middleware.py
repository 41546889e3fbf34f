"""Site-wide HTTP behaviour: the Permissions-Policy header, admin login throttling, anonymous page cache."""

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from .page_cache import is_cacheable_request, is_cacheable_response, lookup, run_on_hit, store, timeout
from .rate_limits import over_limit


class PermissionsPolicyMiddleware:
    """Adds the Permissions-Policy header, which neither Django 5.2 nor a library we use has a setting for.

    The Content-Security-Policy is django-csp's (CONTENT_SECURITY_POLICY in the settings) and
    Cross-Origin-Opener-Policy Django's SecurityMiddleware (SECURE_CROSS_ORIGIN_OPENER_POLICY).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
        return response


class AdminLoginRateLimitMiddleware:
    """At most ADMIN_LOGIN_RATE login attempts per client address; more get 429."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path == settings.ADMIN_LOGIN_PATH:
            if over_limit(request, "admin-login", settings.ADMIN_LOGIN_RATE):
                return HttpResponse(
                    _("Too many login attempts from your address. Wait a few minutes and try again."),
                    status=429,
                    content_type="text/plain; charset=utf-8",
                )
        return self.get_response(request)


class AnonymousPageCacheMiddleware:
    """Whole-page cache for anonymous visitors, emptied whenever what they may see changes.

    Used only with a cache that every worker shares (see `page_cache`). Only GET/HEAD
    requests without a session or a logged-in user are served from it, and only 200
    responses that set no cookie and are not marked private are stored: a page with a
    form (CSRF cookie) or a comment form (`Cache-Control: private`) never is. It sits just
    inside the request id, so the stored copy carries every other header; under gunicorn
    `page_cache.serve_from_cache` answers the hits before Django runs.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        found = lookup(request.META)
        if found is not None:
            status, headers, body, on_hit = found
            run_on_hit(on_hit)
            response = HttpResponse(body, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if is_cacheable_response(response):
            seconds = timeout(settings.PAGE_CACHE_SECONDS, request)
            if seconds <= 0:
                return response
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            request.get_host()  # a host Django refuses is never stored
            patch_cache_control(
                response, public=True, max_age=0, s_maxage=min(seconds, settings.FRONTEND_CACHE_SECONDS)
            )
            store(request, response, seconds)
            response["X-Page-Cache"] = "miss"
        return response
