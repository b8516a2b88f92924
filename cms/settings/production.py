from urllib.parse import urlsplit

import dj_database_url

from .base import *  # noqa: F403
from .base import (
    DATABASES,
    DB_CONN_MAX_AGE,
    MEDIA_STORAGE,
    MIDDLEWARE,
    env,
    env_bool,
    env_list,
)

DEBUG = False
# Every secret comes from the environment, with no default.
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
# The primary; REPORTING_DATABASE_URL (base.py) adds the read replica's alias.
DATABASES = {
    **DATABASES,
    "default": dj_database_url.parse(
        env("DATABASE_URL"), conn_max_age=DB_CONN_MAX_AGE, conn_health_checks=True
    ),
}
# Sessions (cached_db), rate limits and lockouts use the cache: CACHE_URL
# (base.py) puts it in Redis, shared by every web host; without it,
# `check --deploy` warns (virage.W002, cms/checks.py).
CELERY_BROKER_URL = env("CELERY_BROKER_URL")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", CELERY_BROKER_URL)
CELERY_TASK_ALWAYS_EAGER = False
# Tasks are acknowledged when done (acks_late): Redis hands an unacknowledged
# task to another worker after this delay, so it must outlast the longest task
# (a 20,000-row import or a national export: minutes, not hours), or that task
# would run twice at once. A dead worker's task waits as long: the sweeps
# (outbox every 5 min, abandoned exports after 30 min) pick up the rest sooner.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(env("CELERY_VISIBILITY_TIMEOUT_S", str(3 * 3600)))
}
# SMTP; `make prod` on one machine prints e-mails instead (cms.mail).
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST")
EMAIL_PORT = int(env("EMAIL_PORT", "587"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")  # empty: a relay without login
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
# The outbox holds a row's lock while the mail server answers: never forever.
EMAIL_TIMEOUT = int(env("EMAIL_TIMEOUT", "30"))
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL")
VIRAGE_BASE_URL_FROM_REQUEST = False
# The H5P player's own host (docs/security.md): required, never the site's.
H5P_PLAYER_ORIGIN = env("H5P_PLAYER_ORIGIN")
ALLOWED_HOSTS = [*ALLOWED_HOSTS, urlsplit(H5P_PLAYER_ORIGIN).hostname]

# Media on disk, or in S3-compatible storage when AWS_STORAGE_BUCKET_NAME is
# set (base.py): several web hosts need the bucket, or one shared volume.
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers probe /health/ over plain HTTP, behind the TLS they end.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
# A year of HTTPS only, subdomains included (the player's host among them).
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
# Secure cookies need HTTPS; `make prod` on plain http://127.0.0.1 turns them off.
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True

# WhiteNoise serves the collected static files (H5P player, CSS) right after
# SecurityMiddleware.
MIDDLEWARE = [
    MIDDLEWARE[0],
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[1:],
]
