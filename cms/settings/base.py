"""Settings shared by every environment.

Every environment variable the project reads is read here, once, with its type and
default (see the table in README.md). dev/test/production only change what differs
between them; production refuses to start without the security-related variables.
"""

import os
from pathlib import Path

import dj_database_url

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
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")  # search; database backend without it
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
# ---------------------------------------------------------------------------------------

INSTALLED_APPS = [
    "cms",
    "home",
    "practices",
    "materials",
    "blog",
    "search",
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
    "cms.middleware.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Early, so a cached page skips sessions, locale, CSRF and auth altogether.
    "cms.middleware.AnonymousPageCacheMiddleware",
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
    # transaction and wait for it, instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}
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
LOCALE_PATHS = [PROJECT_DIR / "locale"]
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

if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": "kotoutuminen_",
            "TIMEOUT": 10,
        }
    }
else:
    # SQLite FTS5 over the terms of search.analysis (see README.md, "Search").
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.sqlite"}}

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

WAGTAILLOCALIZE_JQUERY_PATH = None
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
# Comment posts per client address (django-ratelimit rate: 5 per 10 minutes).
BLOG_COMMENT_RATE = "5/10m"

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
# The only third-party content: videos, and only after the visitor presses play.
CSP_FRAME_SOURCES = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
ADMIN_LOGIN_PATH = "/admin/login/"
ADMIN_LOGIN_RATE = "10/5m"
RATELIMIT_USE_CACHE = "default"
SESSION_COOKIE_HTTPONLY = True

LOGIN_URL = "wagtailadmin_login"

# --- Search --------------------------------------------------------------------------------
# Every backend indexes and searches the terms of one analysis (search/analysis.py: base
# forms and compound parts of Finnish, Swedish and English words); on PostgreSQL (without an
# engine) they are kept in modelsearch's tsvector table; see README.md, "Search".
if not ELASTICSEARCH_URL and DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.postgres"}}
