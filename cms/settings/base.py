"""Settings shared by every environment.

This is the only settings module that reads the environment; the others import
``env`` from here. Defaults are the embedded ones (SQLite, eager Celery) so a
fresh clone runs with nothing configured.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from kombu import Exchange, Queue

BASE_DIR = Path(__file__).resolve().parent.parent.parent

_NOT_SET = object()


def env(name, default=_NOT_SET):
    """Read one environment variable; without a default it is required."""
    value = os.environ.get(name)
    if value in (None, ""):
        if default is _NOT_SET:
            raise ImproperlyConfigured(f"Set the {name} environment variable.")
        return default
    return value


def env_bool(name, default=False):
    return str(env(name, str(default))).lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY", "insecure-dev-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "cms",
    "territory",
    "outbox",
    "courses",
    "learners",
    "certification",
    "reporting",
    "privacy",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
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
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outermost after security: compresses what every other layer produced.
    "cms.middleware.CompressTextMiddleware",
    "cms.middleware.PlayerOriginMiddleware",
    "core.site_url.RequestOriginMiddleware",
    "cms.csp.SiteCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "cms.middleware.SiteLookupCacheMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "learners.middleware.StaffAccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "privacy.middleware.NoticeAcceptanceMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "privacy.context_processors.privacy_notice",
            ],
        },
    },
]

DB_CONN_MAX_AGE = int(env("DB_CONN_MAX_AGE", "0"))
# The xAPI ingest's read is prepared on the server once per connection
# (learners/services/xapi_store/db.py); 0 behind PgBouncer before 1.21.
DB_PREPARED_STATEMENTS = env_bool("DB_PREPARED_STATEMENTS", True)
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=DB_CONN_MAX_AGE,
    )
}
# Coordinators' dashboards may read from a PostgreSQL read replica: the
# `reporting` alias, used by cms.db_routers.ReportingRouter for reads of the
# rollup tables (writes and everything else stay on `default`). Unset: no alias,
# every read on `default`.
REPORTING_DATABASE_URL = env("REPORTING_DATABASE_URL", "")
if REPORTING_DATABASE_URL:
    DATABASES["reporting"] = {
        **dj_database_url.parse(REPORTING_DATABASE_URL, conn_max_age=DB_CONN_MAX_AGE),
        # Tests read the primary through this alias: no second test database.
        "TEST": {"MIRROR": "default"},
    }
DATABASE_ROUTERS = ["cms.db_routers.ReportingRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Sessions are read from the cache first (one query less per request), the
# database behind it; CACHE_URL=redis://… shares that cache (and the rate
# limits kept in it) between processes and hosts in production.
CACHE_URL = env("CACHE_URL", "")
CACHES = {
    "default": (
        {
            "BACKEND": "core.redis_cache.RedisCache",
            "LOCATION": CACHE_URL,
        }
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTH_USER_MODEL = "learners.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend, reading the signed-in user in plain SQL.
    "learners.backends.AccountBackend",
]
LOGIN_URL = "learners:login"
LOGIN_REDIRECT_URL = "landing"  # cms.views.landing: each to what they use
LOGOUT_REDIRECT_URL = "/"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: French (Canada) is the source language, English second.
LANGUAGE_CODE = "fr-ca"
LANGUAGES = [("fr-ca", "Français"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["cms.formats"]
TIME_ZONE = "America/Montreal"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
# npm packages (the H5P player…) installed by `make` from package-lock.json.
STATICFILES_DIRS = [("vendor", BASE_DIR / "node_modules")]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
# Media (uploads, H5P and SCORM packages, certificates, exports) go through
# Django's storage API: on disk under MEDIA_ROOT, or, when a bucket is named, in
# S3-compatible object storage shared by every host (django-storages). Objects
# stay private: the app serves H5P files itself and signs other URLs.
# Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, read by boto3 itself
# (or an instance role). docs/deployment.md lists the variables.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", "")
S3_MEDIA_OPTIONS = {
    "bucket_name": AWS_STORAGE_BUCKET_NAME,
    "endpoint_url": env("AWS_S3_ENDPOINT_URL", None),
    "region_name": env("AWS_S3_REGION_NAME", None),
    "location": env("AWS_LOCATION", ""),
    # "path" for MinIO and most S3-compatible services; unset: AWS's default.
    "addressing_style": env("AWS_S3_ADDRESSING_STYLE", None),
    "signature_version": "s3v4",
    "default_acl": None,
    "querystring_auth": True,
    "querystring_expire": int(env("AWS_QUERYSTRING_EXPIRE", "3600")),
    # Two uploads of "logo.png" keep two files, as on disk.
    "file_overwrite": False,
}
MEDIA_STORAGE = (
    {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": S3_MEDIA_OPTIONS}
    if AWS_STORAGE_BUCKET_NAME
    else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
)
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

EMAIL_BACKEND = env("EMAIL_BACKEND", "cms.mail.ConsoleBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Virage <no-reply@virage.example>")

# Celery: eager by default; CELERY_BROKER_URL switches to a real broker.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", "memory://")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", "cache+memory://")
CELERY_TASK_ALWAYS_EAGER = env_bool(
    "CELERY_TASK_ALWAYS_EAGER", CELERY_BROKER_URL == "memory://"
)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Two queues: "celery" (Celery's default name: e-mails, reminders, short jobs)
# and "heavy" (exports, imports, certificates, "Mes données" archives,
# retention), so a long export never holds up an e-mail. A worker started
# without -Q consumes both; `-Q heavy` on a host of its own takes the heavy
# jobs only (docs/deployment.md).
CELERY_TASK_DEFAULT_QUEUE = "celery"
CELERY_HEAVY_QUEUE = "heavy"
# Each queue its own exchange and routing key: a bare Queue("heavy") would be
# bound with the default key too, and get a copy of every ordinary message.
CELERY_TASK_QUEUES = [
    Queue(name, Exchange(name), routing_key=name)
    for name in (CELERY_TASK_DEFAULT_QUEUE, CELERY_HEAVY_QUEUE)
]
CELERY_HEAVY_TASKS = [
    "certification.tasks.certificate_batch_run",
    "certification.tasks.certificate_issue_task",
    "learners.tasks.imports.enrolment_import_process",
    "privacy.tasks.data_export_build",
    "privacy.tasks.retention_apply",
    "reporting.tasks.export_build",
    "reporting.tasks.rollup_refresh",
]
CELERY_TASK_ROUTES = {t: {"queue": CELERY_HEAVY_QUEUE} for t in CELERY_HEAVY_TASKS}
CELERY_BEAT_SCHEDULE = {
    # Reminders go 48 hours before a session; every 15 minutes keeps them on time.
    "session-reminders": {
        "task": "learners.tasks.sessions.session_reminders_send",
        "schedule": 15 * 60,
    },
    # Keeps the reporting summary tables exact, at most a minute behind.
    "reporting-rollup-refresh": {
        "task": "reporting.tasks.rollup_refresh",
        "schedule": 60,
    },
    # Export files may name learners: they are kept a few days, not forever.
    "reporting-exports-purge": {
        "task": "reporting.tasks.export_jobs_purge",
        "schedule": 60 * 60,
    },
    # Law 25: what is no longer needed is anonymised or deleted (docs/privacy.md).
    "privacy-retention": {
        "task": "privacy.tasks.retention_apply",
        "schedule": 24 * 60 * 60,
    },
    # E-mails whose task was lost (a worker died, the broker dropped it) go again.
    "outbox-lost": {"task": "outbox.tasks.lost_reschedule", "schedule": 5 * 60},
}
REPORTING_SMALL_CELL = int(env("REPORTING_SMALL_CELL", "5"))
REPORTING_EXPORT_ASYNC_ROWS = int(env("REPORTING_EXPORT_ASYNC_ROWS", "1000"))
REPORTING_EXPORT_RETENTION_DAYS = int(env("REPORTING_EXPORT_RETENTION_DAYS", "7"))
# Retention (docs/privacy.md), in days.
PRIVACY_INACTIVE_ACCOUNT_DAYS = int(env("PRIVACY_INACTIVE_ACCOUNT_DAYS", "1095"))
PRIVACY_XAPI_RAW_DAYS = int(env("PRIVACY_XAPI_RAW_DAYS", "365"))
PRIVACY_H5P_STATE_DAYS = int(env("PRIVACY_H5P_STATE_DAYS", "180"))
PRIVACY_LOG_DAYS = int(env("PRIVACY_LOG_DAYS", "90"))
PRIVACY_RETENTION_BATCH = int(env("PRIVACY_RETENTION_BATCH", "500"))
# Bulk enrolment (CSV): a longer file is refused whole; split it in several.
ENROLMENT_IMPORT_MAX_ROWS = int(env("ENROLMENT_IMPORT_MAX_ROWS", "20000"))
# A "Mes données" archive past this many xAPI statements is built by Celery.
PRIVACY_EXPORT_ASYNC_STATEMENTS = int(env("PRIVACY_EXPORT_ASYNC_STATEMENTS", "20000"))

# Wagtail
WAGTAIL_SITE_NAME = "Virage"
WAGTAIL_ALLOW_UNICODE_SLUGS = False  # /catalogue/securite-…, not s%C3%A9curit%C3%A9
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Unset (development): links in e-mails, calendars and QR codes follow the
# address the site was reached at (core/site_url.py).
VIRAGE_BASE_URL_FROM_REQUEST = not os.environ.get("WAGTAILADMIN_BASE_URL")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "docx",
    "xlsx",
    "pptx",
    "odt",
    "ods",
    "odp",
    "csv",
    "txt",
    # Hosted lesson videos and their captions (courses.blocks.VideoBlock).
    "mp4",
    "webm",
    "vtt",
]
WAGTAIL_PASSWORD_RESET_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# No avatar from an outside site (CSP, privacy): Wagtail shows its default.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor a call home for new releases from the admin dashboard.
WAGTAIL_ENABLE_UPDATE_CHECK = False

# H5P code (third-party JavaScript) runs only on this origin, in a sandboxed
# iframe: another host than the site's, which gets no cookie of the site
# (courses/player.py). Development: the site on 127.0.0.1:8000, the player on
# localhost:8000 (the same process). Production: a host of its own, ideally
# under another registrable domain (docs/security.md).
H5P_PLAYER_ORIGIN = env("H5P_PLAYER_ORIGIN", "http://localhost:8000")

# Content-Security-Policy (django-csp): no inline script, no outside origin.
# Inline style attributes stay allowed (templates and Wagtail use them); the
# Wagtail admin gets its own policy (cms.csp), the player another
# (courses.views.player_policy).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        # + H5P_PLAYER_ORIGIN, added per request; the video sites a lesson may
        # embed (loaded only when the learner presses play: blocks/video.html).
        "frame-src": [
            "'self'",
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
        "frame-ancestors": ["'self'"],
        # The service worker of offline modules (/sw.js, docs/offline.md).
        "worker-src": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# H5P packages: uncompressed size limits checked before anything is extracted.
H5P_MAX_FILE_BYTES = int(env("H5P_MAX_FILE_BYTES", str(16 * 1024 * 1024)))
H5P_MAX_TOTAL_BYTES = int(env("H5P_MAX_TOTAL_BYTES", str(64 * 1024 * 1024)))

# xAPI statements endpoint
XAPI_MAX_BODY_BYTES = int(env("XAPI_MAX_BODY_BYTES", str(1024 * 1024)))
XAPI_MAX_BATCH = 500
H5P_LAUNCH_TTL_SECONDS = int(env("H5P_LAUNCH_TTL_SECONDS", str(6 * 3600)))

# The Québec municipalities shipped with the product (MAMH, CC BY 4.0).
MUNICIPALITY_DATA_DIR = BASE_DIR / "territory" / "data" / "quebec"
MUNICIPALITY_DATA_ATTRIBUTION = _(
    "Source : MAMH, Répertoire des municipalités du Québec, Données Québec, "
    "CC BY 4.0. Données modifiées."
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        # Wagtail logs every page action and django-tasks every search-index job.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

# Accounts: lockout, rate limits, two-factor
# How many reverse proxies (load balancer, nginx…) stand in front of Django and
# append to X-Forwarded-For; 0 trusts no forwarded header (REMOTE_ADDR only).
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
# django-axes: 10 failures lock the account and, separately, the address for 30
# minutes; attempts are kept in axes' tables, shared by every process.
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "learners.security.client_address"
AXES_USERNAME_CALLABLE = "learners.security.login_username"
AXES_LOCKOUT_CALLABLE = "learners.views.accounts.lockout"
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False  # no banner on every manage.py command
# Staff (anyone who may reach the Wagtail admin) confirm a TOTP code before any
# staff page; their sessions end after 8 idle hours.
VIRAGE_STAFF_OTP_REQUIRED = True
VIRAGE_STAFF_PATHS = ["/admin/", "/participation/"]
VIRAGE_STAFF_SESSION_IDLE_SECONDS = 8 * 60 * 60
OTP_TOTP_ISSUER = "Virage"
