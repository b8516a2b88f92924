from .base import *  # noqa: F403
from .base import BASE_DIR

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "media" / "test"
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# client.force_login / client.login as staff keep working; the lockout and
# two-factor tests switch these back on with override_settings.
AXES_ENABLED = False
VIRAGE_STAFF_OTP_REQUIRED = False

# Links in e-mails use WAGTAILADMIN_BASE_URL, whatever host the test client
# names (tests of core/site_url.py switch this on).
VIRAGE_BASE_URL_FROM_REQUEST = False

# The player answers on its own host in tests too (courses/player.py).
H5P_PLAYER_ORIGIN = "http://h5p.testserver"
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "h5p.testserver"]  # noqa: F405
