"""FalseOS settings: one file, driven by environment variables.

Production needs at least SECRET_KEY and ALLOWED_HOSTS; see README.md for the
full list. With DEBUG off and no SECRET_KEY, start-up stops with a clear message.
"""

import base64
import hashlib
import os
import re
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None


def env_rate(name: str, default: str) -> str:
    """A request rate as DRF's throttles read it: a whole number of requests per second, minute, hour or day."""
    raw = os.environ.get(name, default).strip().lower()
    if not re.fullmatch(r"[1-9][0-9]*/(s|sec|second|m|min|minute|h|hour|d|day)", raw):
        raise ImproperlyConfigured(f"{name} must be a number of requests per period, such as '300/min', not {raw!r}.")
    return raw


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _refuse(name: str) -> str:
    raise ImproperlyConfigured(f"{name} is not set. Set it in the environment, or set DEBUG=1 for local development.")


def _admin_url(raw: str) -> str:
    url = raw.strip().strip("/")
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._~-]*(/[A-Za-z0-9][A-Za-z0-9._~-]*)*", url):
        raise ImproperlyConfigured(f"ADMIN_URL must be a path such as 'office-7f3a/', not {raw!r}.")
    return url + "/"


TESTING = "pytest" in sys.modules or "test" in sys.argv[1:2]
DEBUG = env_bool("DEBUG", False)
# A fixed key only for local development and tests; production must set its own.
SECRET_KEY = os.environ.get("SECRET_KEY") or (
    "insecure-dev-key-never-use-in-production" if DEBUG or TESTING else _refuse("SECRET_KEY")
)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG or TESTING else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "csp",
    "pwa",
    "axes",
    "guide",
    "casefile",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside WhiteNoise, so static files get these headers too (Cross-Origin-Resource-Policy above all).
    "falseos.middleware.security_headers",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "guide.page_cache.guide_page_cache",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Ends sessions at their absolute lifetime (SESSION_ABSOLUTE_SECONDS), before any view sees them, and
    # moves a session's idle end on once every SESSION_REFRESH_SECONDS.
    "casefile.accounts.sessions.session_lifetime",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lockout into the 429 answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "falseos.urls"
# Where the admin lives. A path nobody guesses keeps the sign-in page out of reach of scanners; staff only either way.
ADMIN_URL = _admin_url(os.environ.get("ADMIN_URL", "admin/"))
WSGI_APPLICATION = "falseos.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "falseos.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # Refuses admin sign-ins from a locked-out name and address; the case file asks axes itself (casefile/lockout.py).
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage" if DEBUG else "falseos.storage.StaticStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365 if not DEBUG else 0

# The cache holds request counts (throttles), so every worker and every server must share it: Redis
# when REDIS_URL is set (many servers), else a table in the database (one server, nothing to set up).
# Tests count in memory, so a query-count test sees only the queries its view makes.
CACHE_TABLE = "falseos_cache"  # made by casefile/migrations/0010_cache_table.py
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
elif TESTING:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "falseos"}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": CACHE_TABLE}}

# Security. Production values are the defaults; DEBUG relaxes only what local
# http:// serving needs.
# Tests talk plain http to a local server, so they do not redirect.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not (DEBUG or TESTING))
# Behind exactly one TLS-terminating proxy that sets X-Forwarded-Proto and appends the client to X-Forwarded-For.
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# The header allows preloading; the domain is only preloaded if someone submits it.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
# same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null"
# on form posts and Django's CSRF check rejects them.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# A session ends after SESSION_IDLE_SECONDS without a request. Saving it moves its end on, but only once
# every SESSION_REFRESH_SECONDS (casefile/accounts/sessions.py), not on every request: a sync is many requests.
SESSION_IDLE_SECONDS = env_int("SESSION_IDLE_SECONDS", 14 * 24 * 60 * 60)
SESSION_COOKIE_AGE = SESSION_IDLE_SECONDS
SESSION_REFRESH_SECONDS = env_int("SESSION_REFRESH_SECONDS", 5 * 60)
# ...and SESSION_ABSOLUTE_SECONDS after signing in, however busy (casefile/sessions.py).
SESSION_ABSOLUTE_SECONDS = env_int("SESSION_ABSOLUTE_SECONDS", 90 * 24 * 60 * 60)
# Deleting, signing devices out, leaving a group and account changes need the passphrase (or the
# recovery code) checked this recently: a session left on a locked phone cannot destroy anything.
FRESH_SIGN_IN_SECONDS = env_int("FRESH_SIGN_IN_SECONDS", 5 * 60)
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        # blob: URLs show evidence decrypted on the device; they never leave it.
        "img-src": [SELF, "data:", "blob:"],
        "media-src": [SELF, "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "worker-src": [SELF],
        "form-action": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
    }
}

LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
if LOG_FORMAT not in {"text", "json"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be 'text' or 'json', not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Request logs name the route, not the path: paths hold case-file ids (falseos/log_filters.py).
    "filters": {"routes_not_paths": {"()": "falseos.log_filters.RoutesNotPaths"}},
    # LOG_FORMAT=json: one JSON object a line, for a log collector. The same fields either way, never a body or key.
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Request logs would carry query strings; keep only Django's warnings.
    "loggers": {
        name: {"level": level, "filters": ["routes_not_paths"]}
        for name, level in {
            "django.request": "ERROR",
            "django.server": "WARNING",
            "django.security": "WARNING",
            "django.security.csrf": "WARNING",
        }.items()
    },
}

REST_FRAMEWORK = {
    # The session cookie; no session (or an ended one) answers 401 with WWW-Authenticate: Session, not 403.
    "DEFAULT_AUTHENTICATION_CLASSES": ["casefile.authentication.SessionAuthentication"],
    "EXCEPTION_HANDLER": "casefile.api_errors.exception_handler",
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # JSON in, as the case-file page sends: no form or multipart parsing (a view that takes uploads says so itself).
    # Ours, not DRF's: bounded per view, and too-deep nesting is a 400, not a RecursionError (casefile/parsers.py).
    "DEFAULT_PARSER_CLASSES": ["casefile.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_RATES": {
        # Sign-in requests per device (its session, device cookie, or else address), under a ceiling per address
        # (a name, for a device that has signed in as it): casefile/throttles.py. Lockout is AXES_* below.
        "auth": env_rate("AUTH_THROTTLE_RATE", "20/min"),
        "auth_address": env_rate("AUTH_ADDRESS_THROTTLE_RATE", "200/min"),
        # Fair use per person, all their devices together (casefile/throttles.py). Only a runaway or hostile client
        # meets these: a resync of 100,000 records is 500 pulls of SYNC_PAGE_SIZE, a push carries up to
        # SYNC_MAX_BATCH writes, and a 50 MB file is 13 chunks of BLOB_CHUNK_BYTES.
        "sync_pull": env_rate("SYNC_PULL_RATE", "600/min"),
        "sync_push": env_rate("SYNC_PUSH_RATE", "300/min"),
        "blob_upload": env_rate("BLOB_UPLOAD_RATE", "600/min"),
    },
    # The address is REMOTE_ADDR, or behind our proxy the entry it appended to X-Forwarded-For: never one the
    # client wrote itself (with None, DRF would trust the whole header and anyone could dodge the throttle).
    "NUM_PROXIES": 1 if BEHIND_PROXY else 0,
}

# Sign-in lockout (django-axes and device cookies): wrong tries count per name and device. A device that has
# signed in as the name counts alone; all others share one count per name, which locks out only them. So
# nobody can lock a person out of a device she has signed in on, even from her own address. The recovery
# code has its own counts (casefile/accounts/lockout.py). Admin sign-ins count per name and address.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = "casefile.accounts.axes_hooks.lockout_parameters"
AXES_USERNAME_CALLABLE = "casefile.accounts.axes_hooks.counter_name"
# How long a device cookie (casefile/accounts/device_cookies.py) lasts; each sign-in renews it.
DEVICE_COOKIE_DAYS = env_int("DEVICE_COOKIE_DAYS", 365)
AXES_RESET_ON_SUCCESS = True
# Tries made while locked out are refused unchecked and do not stretch the cool-down.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "casefile.accounts.axes_hooks.lockout_response"
AXES_CLIENT_IP_CALLABLE = "casefile.accounts.axes_hooks.client_address"
AXES_PASSWORD_FORM_FIELD = "auth_key"  # noqa: S105 (a field name: axes masks its value)
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "auth_key", "current_auth_key", "new_auth_key", "recovery_key"]
# Sign-in records (failures and sign-ins) are deleted after this many days by `manage.py purge_login_records`.
LOGIN_RECORDS_DAYS = env_int("LOGIN_RECORDS_DAYS", 30)
SPECTACULAR_SETTINGS = {
    "TITLE": "FalseOS case-file sync API",
    "DESCRIPTION": "Ciphertext only: the server never sees what a record says. See DESIGN.md, Sync protocol.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "casefile.schema.document_signed_out_answers",
    ],
}

# FalseOS.
# Where quick exit sends people: a neutral, busy site that looks ordinary in history.
QUICK_EXIT_URL = os.environ.get("QUICK_EXIT_URL", "https://www.bbc.co.uk/weather")
# An unlocked case file locks itself after this long without use (each device can choose another time).
CASEFILE_IDLE_LOCK_SECONDS = env_int("CASEFILE_IDLE_LOCK_SECONDS", 600)
# How stale, in seconds, a process's idea of the content version may be.
CONTENT_VERSION_TTL = float(os.environ.get("CONTENT_VERSION_TTL", "1"))
# How many days before a review date the admin starts flagging an item.
GUIDE_REVIEW_WARNING_DAYS = env_int("GUIDE_REVIEW_WARNING_DAYS", 30)

PWA_APP_NAME = "FalseOS"
PWA_APP_DESCRIPTION = "Report online harassment in England and Wales: where to report, what to say, how to escalate."
PWA_APP_THEME_COLOR = "#1d3557"
PWA_APP_BACKGROUND_COLOR = "#ffffff"
PWA_APP_DISPLAY = "standalone"
PWA_APP_SCOPE = "/"
PWA_APP_START_URL = "/"
PWA_APP_LANG = "en-GB"
PWA_APP_DIR = "ltr"
PWA_APP_ICONS = [
    {"src": "/static/icons/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
    {"src": "/static/icons/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
    {"src": "/static/icons/icon-maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
]
PWA_APP_ICONS_APPLE = [{"src": "/static/icons/icon-192.png", "sizes": "192x192"}]
PWA_APP_SPLASH_SCREEN = []
PWA_APP_DEBUG_MODE = False
PWA_SERVICE_WORKER_PATH = BASE_DIR / "static" / "js" / "serviceworker.js"

# Case-file sync limits: every API response and request is bounded.
SYNC_MAX_BATCH = env_int("SYNC_MAX_BATCH", 500)
SYNC_MAX_RECORD_BYTES = env_int("SYNC_MAX_RECORD_BYTES", 256 * 1024)
SYNC_PAGE_SIZE = env_int("SYNC_PAGE_SIZE", 200)
SYNC_MAX_COLLECTIONS = env_int("SYNC_MAX_COLLECTIONS", 50)
SYNC_MAX_REQUEST_BYTES = env_int("SYNC_MAX_REQUEST_BYTES", 8 * 1024 * 1024)
# Stored record ciphertext per person, over the case files and groups they started (casefile/sync/quota.py),
# and per link group, whoever wrote it: every member's device keeps a copy.
RECORD_QUOTA_BYTES = env_int("RECORD_QUOTA_BYTES", 256 * 1024 * 1024)
LINK_GROUP_QUOTA_BYTES = env_int("LINK_GROUP_QUOTA_BYTES", 64 * 1024 * 1024)

# Linked cases: how long an unused invite link works, how many may be open in one group, and how many
# one group may ever make (used, withdrawn and expired ones stay as rows).
LINK_INVITE_DAYS = env_int("LINK_INVITE_DAYS", 7)
LINK_MAX_OPEN_INVITES = env_int("LINK_MAX_OPEN_INVITES", 20)
LINK_MAX_INVITES = env_int("LINK_MAX_INVITES", 250)
LINK_MAX_MEMBERS = env_int("LINK_MAX_MEMBERS", 50)

# Evidence files (encrypted attachments) and timestamp receipts. See README, "Evidence files and receipts".
# The server stores ciphertext only, in its own storage alias "blobs", each uploaded chunk as
# its own object "<blob id>/<chunk index>", so any Django storage (disk, S3) can hold them.
BLOB_ROOT = Path(os.environ.get("BLOB_ROOT") or BASE_DIR / "media" / "blobs")
if os.environ.get("BLOB_STORAGE", "filesystem") == "s3":
    # Optional: pip install "django-storages[s3]"; credentials from the usual AWS_* variables.
    if not os.environ.get("BLOB_S3_BUCKET"):
        raise ImproperlyConfigured("BLOB_STORAGE=s3 needs BLOB_S3_BUCKET, the name of a private bucket.")
    STORAGES["blobs"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["BLOB_S3_BUCKET"],
            "location": os.environ.get("BLOB_S3_PREFIX", "blobs"),
            "region_name": os.environ.get("BLOB_S3_REGION") or None,
            "endpoint_url": os.environ.get("BLOB_S3_ENDPOINT_URL") or None,
            "default_acl": "private",
            "file_overwrite": True,
        },
    }
else:
    STORAGES["blobs"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        # A retried chunk replaces what an interrupted attempt left under the same name.
        "OPTIONS": {"location": BLOB_ROOT, "allow_overwrite": True},
    }
# 50 MiB of plaintext, plus room for the encryption's own bytes: the device encrypts a file in
# segments, each with AES-GCM's 12-byte nonce and 16-byte tag, behind a small header. 64 KiB of
# headroom covers segments down to about 22 KiB, so a 50 MB file always fits; people are told "50 MB".
BLOB_MAX_BYTES = env_int("BLOB_MAX_BYTES", 50 * 1024 * 1024 + 64 * 1024)
# Per person: the sum of the declared sizes of all their files, finished or not.
BLOB_QUOTA_BYTES = env_int("BLOB_QUOTA_BYTES", 1024 * 1024 * 1024)
# Nothing a person deletes is gone at once: deleted records and evidence files are kept this long
# ("Recently deleted"), then remove_orphan_blobs purges them. Deleted files do not count towards
# BLOB_QUOTA_BYTES, but at most that much again is kept per person (the oldest deletions go first);
# deleted records, at most DELETED_RECORDS_MAX_BYTES per case file.
DELETED_KEEP_DAYS = env_int("DELETED_KEEP_DAYS", 30)
DELETED_RECORDS_MAX_BYTES = env_int("DELETED_RECORDS_MAX_BYTES", 64 * 1024 * 1024)
# Largest chunk one upload request may carry; larger ones are refused (413) before they are read.
BLOB_CHUNK_BYTES = env_int("BLOB_CHUNK_BYTES", 4 * 1024 * 1024)
# Unfinished uploads with no new chunk for this long are removed by `manage.py remove_orphan_blobs`.
BLOB_INCOMPLETE_MAX_AGE_HOURS = env_int("BLOB_INCOMPLETE_MAX_AGE_HOURS", 48)


def _receipt_signing_key() -> bytes:
    """The Ed25519 private seed that signs timestamp receipts: 32 bytes, base64 in RECEIPT_SIGNING_KEY."""
    raw = os.environ.get("RECEIPT_SIGNING_KEY", "").strip()
    if not raw:
        if not (DEBUG or TESTING):
            _refuse("RECEIPT_SIGNING_KEY")
        # Local development and tests only: a stable key derived from the (development) SECRET_KEY.
        return hashlib.sha256(b"falseos-dev-receipt-key\n" + SECRET_KEY.encode()).digest()
    try:
        seed = base64.b64decode(raw, validate=True)
    except ValueError:
        seed = b""
    if len(seed) != 32:
        raise ImproperlyConfigured("RECEIPT_SIGNING_KEY must be 32 random bytes in base64 (see README).")
    return seed


RECEIPT_SIGNING_KEY = _receipt_signing_key()
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["receipts"] = env_rate("RECEIPT_THROTTLE_RATE", "120/min")
# Making, withdrawing, opening and joining through invite links, per signed-in person.
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["invites"] = env_rate("INVITE_THROTTLE_RATE", "30/min")
