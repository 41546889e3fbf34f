"""Settings shared by every environment.

Every environment variable the project reads is read here, once, with its type and
default (see the table in README.md). dev/test/production only change what differs
between them; production refuses to start without the security-related variables.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp import constants as csp
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_str(name, default=None):
    value = os.environ.get(name)
    return default if value in (None, "") else value


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def env_int(name, default):
    value = os.environ.get(name)
    return default if value in (None, "") else int(value)


def env_url(name, schemes=("http", "https")):
    """A URL such as http://127.0.0.1:9200, or None; anything else stops the start naming the variable."""
    value = env_str(name)
    if value is None:
        return None
    try:
        parts = urlsplit(value)
        valid = parts.scheme in schemes and bool(parts.hostname) and parts.port != 0
    except ValueError:  # a port that is not a number
        valid = False
    if not valid:
        raise ImproperlyConfigured(
            f"{name}={value!r} is not a URL like {schemes[0]}://127.0.0.1:9200 (scheme {' or '.join(schemes)}, host, port)."
        )
    return value


def env_list(name, default=()):
    value = os.environ.get(name)
    if value in (None, ""):
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


# --- Environment ---------------------------------------------------------------------
# name                         type   default (None: the environment decides, see below)
SECRET_KEY = env_str("SECRET_KEY")  # str, none: dev/test set their own, production requires it
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")  # comma list, none: production requires it
DEBUG = env_bool("DEBUG", False)
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
REDIS_URL = env_str("REDIS_URL")  # cache; local memory without it
OPENSEARCH_URL = env_url("OPENSEARCH_URL")  # search engine; database backend without it
ELASTICSEARCH_URL = env_url("ELASTICSEARCH_URL")  # the same with Elasticsearch 9 instead
SEARCH_INDEX_PREFIX = env_str("SEARCH_INDEX_PREFIX", "kotoutuminen_")  # engine index names start with it
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
MEDIA_ROOT = env_str("MEDIA_ROOT", str(BASE_DIR / "media"))
MEDIA_URL = env_str("MEDIA_URL", "/media/")
STATIC_ROOT = env_str("STATIC_ROOT", str(BASE_DIR / "static_collected"))
EMAIL_HOST = env_str("EMAIL_HOST", "")  # SMTP server; console backend without it
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "noreply@kotoutuminen.example")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
CENTRE_NOTIFY_EMAIL = env_str("CENTRE_NOTIFY_EMAIL", "osaamiskeskus@kotoutuminen.example")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
FRONTEND_CACHE_VARNISH_URL = env_str("FRONTEND_CACHE_VARNISH_URL")  # purge target
DEEPL_API_KEY = env_str("DEEPL_API_KEY")  # machine translation; button absent without it
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # dev/test turn it off
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)  # anonymous whole-page cache; 0 turns it off
# How long a CDN or proxy in front may keep a public page: nobody tells it about a publish.
FRONTEND_CACHE_SECONDS = env_int("FRONTEND_CACHE_SECONDS", 60)
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)  # own proxies in front; 0: REMOTE_ADDR is the client
ADMINS = [(address, address) for address in env_list("ADMINS")]  # comma list: get every 500 by e-mail
BLOG_COMMENT_RATE = env_str("BLOG_COMMENT_RATE", "5/10m")  # comment posts per client address
ADMIN_LOGIN_RATE = env_str("ADMIN_LOGIN_RATE", "10/5m")  # admin login attempts per client address
PRACTICE_SUBMISSION_RATE = env_str("PRACTICE_SUBMISSION_RATE", "5/h")  # practice submissions per address
COMMENT_IP_RETENTION_DAYS = env_int("COMMENT_IP_RETENTION_DAYS", 90)  # then purge_personal_data clears it
SUBMISSION_EMAIL_RETENTION_DAYS = env_int("SUBMISSION_EMAIL_RETENTION_DAYS", 180)  # rejected submissions
SUBSCRIPTION_RATE = env_str("SUBSCRIPTION_RATE", "5/h")  # subscription forms sent per client address
ADOPTION_REPORT_RATE = env_str("ADOPTION_REPORT_RATE", "5/h")  # adoption reports sent per client address
ADOPTION_REPORT_REJECTED_RETENTION_DAYS = env_int("ADOPTION_REPORT_REJECTED_RETENTION_DAYS", 90)  # then purged
SUBSCRIPTION_CONFIRMATION_DAYS = env_int("SUBSCRIPTION_CONFIRMATION_DAYS", 7)  # then unconfirmed ones are deleted
# ---------------------------------------------------------------------------------------

INSTALLED_APPS = [
    "cms",
    "home",
    "practices",
    "materials",
    "blog",
    "trainings",  # app label "events" (see trainings/apps.py)
    "subscriptions",
    "search",
    "opendata",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "django_comments_xtd",
    "django_comments",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # Outermost, so every log record of the request carries its id.
    "cms.request_log.RequestIdMiddleware",
    # Each request its own store of sites/locales/view-restriction look-ups (cms.request_cache).
    "cms.request_cache.RequestCacheMiddleware",
    # Early, so a cached page skips sessions, locale, CSRF and auth altogether; the copy it
    # stores carries the headers of the middleware below it.
    "cms.middleware.AnonymousPageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "cms.middleware.PermissionsPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads request.POST (CSRF): a non-UTF-8 form body is a 400, see the module.
    "cms.django_form_charset.FormCharsetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "cms.middleware.AdminLoginRateLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The admin autosaves while an editor types; take the write lock at the start of each
    # transaction and wait for it, instead of failing with "database is locked". Write-ahead
    # logging lets readers go on while one writes, and with it `synchronous=NORMAL` is still
    # safe against corruption (a power cut may lose the last commits, not the file) while a
    # commit no longer waits for the disk: the demo load makes ~3 000 of them.
    # https://www.sqlite.org/wal.html, https://docs.djangoproject.com/en/5.2/ref/databases/#setting-pragma-options
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "kotoutuminen",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The page cache and the site-frame cache are emptied by a generation number kept in the
# cache, which a per-process (local memory) cache cannot share between workers: they are
# used with it only where one process serves everything (dev and test set this), and
# `check --deploy` asks production for REDIS_URL (cms.checks, cms.page_cache).
SERVES_FROM_ONE_PROCESS = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages ---------------------------------------------------------------------------
# Finnish is the source language; Swedish and English are translated from it.
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", "Suomi"), ("sv", "Svenska"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# The project's own strings; then the Finnish and Swedish of Wagtail and wagtail-localize strings
# that upstream left untranslated (LOCALE_PATHS win over app catalogs, the first entry first).
LOCALE_PATHS = [PROJECT_DIR / "locale", PROJECT_DIR / "locale_upstream"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

# --- Static and media ----------------------------------------------------------------------
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_URL = "/static/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Wagtail -------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Kotoutuminen.fi"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "vtt", "mp3"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents are always sent as attachments, so an uploaded HTML or SVG file is never
# rendered in the site's origin.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party request for avatars in the admin
WAGTAIL_ALLOW_UNICODE_SLUGS = False

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

WAGTAILLOCALIZE_JQUERY_PATH = None
# Submitting a page for translation saves the translation as a draft instead of publishing
# the source-language text under the other language's URL; the translator publishes it.
# A draft never changes what visitors see (cms.wagtail_localize_alias_drafts).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
if DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY},
    }

if FRONTEND_CACHE_VARNISH_URL:
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_VARNISH_URL,
        }
    }

# --- Comments ------------------------------------------------------------------------------
SITE_ID = 1
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_CONFIRM_EMAIL = False
COMMENTS_XTD_MAX_THREAD_LEVEL = 1
COMMENTS_XTD_SALT = b"kotoutuminen-comments"
COMMENTS_XTD_FROM_EMAIL = DEFAULT_FROM_EMAIL
COMMENTS_XTD_CONTACT_EMAIL = DEFAULT_FROM_EMAIL
COMMENT_MAX_LENGTH = 3000

# --- Blog ----------------------------------------------------------------------------------
# Comments on a post close this many days after its publication date (0: never).
BLOG_COMMENTS_CLOSE_AFTER_DAYS = 90

# --- Practices -----------------------------------------------------------------------------
# The expert panel approves practices without page permissions of its own; its task's
# approval publishes (see practices.workflows.publish_workflow_state).
WAGTAIL_FINISH_WORKFLOW_ACTION = "practices.workflows.publish_workflow_state"

# --- E-mail --------------------------------------------------------------------------------
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# --- Security defaults (production tightens them) ------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Wagtail's preview views opt in to same-origin framing themselves.
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): what every public page satisfies. No inline script or
# style anywhere (tests/test_http.py); the only third-party content is a video, and only
# after the visitor presses play. The Wagtail admin relies on inline scripts and styles, so
# it is left out; X-Frame-Options (DENY, SAMEORIGIN for Wagtail's previews) guards its framing.
# Views that set their own policy keep it (Wagtail serves documents with "default-src 'none'").
VIDEO_FRAME_SOURCES = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "script-src": [csp.SELF],
        "style-src": [csp.SELF],
        "img-src": [csp.SELF, "data:"],
        "font-src": [csp.SELF],
        "connect-src": [csp.SELF],
        "frame-src": VIDEO_FRAME_SOURCES,
        "media-src": [csp.SELF],
        "object-src": [csp.NONE],
        "base-uri": [csp.SELF],
        "form-action": [csp.SELF],
        "frame-ancestors": [csp.SELF],  # the admin's preview frames pages
    },
}
ADMIN_LOGIN_PATH = "/admin/login/"
# Rate limits (BLOG_COMMENT_RATE, ADMIN_LOGIN_RATE, PRACTICE_SUBMISSION_RATE, ADOPTION_REPORT_RATE) count in the
# shared cache, so they hold across workers and servers when it is Redis (production), and
# key on the client address from cms.client_address (TRUSTED_PROXY_COUNT).
RATELIMIT_USE_CACHE = "default"
RATELIMIT_IP_META_KEY = "cms.client_address.client_ip"
SESSION_COOKIE_HTTPONLY = True

LOGIN_URL = "wagtailadmin_login"

# --- Logging -------------------------------------------------------------------------------
# Warnings and errors to stderr, each with its request id (cms.request_log): every 500 with
# its traceback, every 4xx that Django logs, every e-mail that could not be sent. With
# ADMINS set, every 500 is also mailed to them (Django's AdminEmailHandler).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "cms.request_log.RequestIdFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "formatters": {
        "with_request_id": {
            "format": "%(asctime)s %(levelname)s %(name)s [request %(request_id)s] %(message)s",
        },
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "filters": ["request_id"],
            "formatter": "with_request_id",
        },
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false", "request_id"],
        },
    },
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["stderr", "mail_admins"], "level": "WARNING", "propagate": False},
        "django.server": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}

# --- Search --------------------------------------------------------------------------------
# A search engine when one is configured (OPENSEARCH_URL or ELASTICSEARCH_URL), otherwise the
# database (search.backends.postgres on PostgreSQL, search.backends.sqlite with FTS5). Every
# backend indexes and searches the terms of one analysis (search/analysis.py: base forms and
# compound parts of Finnish, Swedish and English words); see README.md, "Search".
if OPENSEARCH_URL and ELASTICSEARCH_URL:
    raise ImproperlyConfigured("Set OPENSEARCH_URL or ELASTICSEARCH_URL, not both: the site uses one search engine.")
SEARCH_ENGINE_BACKEND = None
if OPENSEARCH_URL or ELASTICSEARCH_URL:
    SEARCH_ENGINE_BACKEND = {
        "BACKEND": "search.backends.opensearch" if OPENSEARCH_URL else "search.backends.elasticsearch",
        "URLS": [OPENSEARCH_URL or ELASTICSEARCH_URL],
        "URL_SETTING": "OPENSEARCH_URL" if OPENSEARCH_URL else "ELASTICSEARCH_URL",
        "INDEX_PREFIX": SEARCH_INDEX_PREFIX,
        "TIMEOUT": 10,
    }
DATABASE_SEARCH_BACKEND = {
    "BACKEND": "search.backends.postgres"
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    else "search.backends.sqlite"
}
WAGTAILSEARCH_BACKENDS = {"default": SEARCH_ENGINE_BACKEND or DATABASE_SEARCH_BACKEND}
