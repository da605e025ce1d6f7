"""One settings module, driven by the environment.

With nothing set it runs for a first look: SQLite, tasks in-process, e-mail to the console.
Production sets DEBUG=false, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, REDIS_URL and EMAIL_URL.
"""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").exists():
    env.read_env(str(BASE_DIR / ".env"))

DEBUG = env.bool("DEBUG", default=True)

_DEV_SECRET_KEY = "dev-only-insecure-key-never-use-in-production-3b1f8e2a9c"
SECRET_KEY = env("SECRET_KEY", default=_DEV_SECRET_KEY if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Absolute base URL used in e-mails to link coaches to the admin. Unset, it is the address
# `make run` serves (the Makefile exports its HOST and PORT), so local links work on any port.
_DEV_SERVER_URL = f"http://{env('HOST', default='127.0.0.1')}:{env('PORT', default='8000')}"
SITE_URL = env("SITE_URL", default=_DEV_SERVER_URL).rstrip("/")

INSTALLED_APPS = [
    "coaching.apps.CoachAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "coaching.apps.CoachingConfig",
    "assessments.apps.AssessmentsConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so it can turn a lockout into its response (django-axes).
    "axes.middleware.AxesMiddleware",
]

# django-axes checks every login for a lockout before the model backend authenticates.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

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
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------------------
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"  # stored and served in UTC; organizations carry their own time zone
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Where `collectstatic` gathers the files WhiteNoise serves (the image bakes them in).
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Bodies larger than this are refused with a 400 before any parsing.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=1024 * 1024)

# --- E-mail -------------------------------------------------------------------------------
_email = env.email_url("EMAIL_URL", default="consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST", "")
EMAIL_PORT = _email.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Legstrong <alerts@legstrong.localhost>")

# --- Celery -------------------------------------------------------------------------------
# With no broker configured every task runs in-process, so `make run` needs no services. Celery
# still opens a producer for an in-process task: the in-memory transport gives it one, instead
# of the AMQP server Celery assumes by default (the host only keeps kombu from warning that
# none was given). Workers and beat need a real broker: REDIS_URL.
IN_PROCESS_BROKER_URL = "memory://localhost/"
REDIS_URL = env("REDIS_URL", default="")
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="") or REDIS_URL or IN_PROCESS_BROKER_URL
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL == IN_PROCESS_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=240)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=300)
CELERY_BROKER_VISIBILITY_TIMEOUT = env.int("CELERY_BROKER_VISIBILITY_TIMEOUT", default=3600)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_BROKER_VISIBILITY_TIMEOUT,
    "socket_timeout": 2,
    "socket_connect_timeout": 2,
    "max_retries": 1,
}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "UTC"
# Publishing never retries inside a request: the outbox and the sweep recover lost messages.
CELERY_TASK_PUBLISH_RETRY = False
CELERY_TASK_DEFAULT_QUEUE = "celery"
# Red-flag e-mails have their own queue, so a nightly backlog of analyses never delays them.
CELERY_TASK_ROUTES = {
    "coaching.tasks.send_flag_alerts": {"queue": "alerts"},
    "coaching.tasks.reconcile_alerts": {"queue": "alerts"},
    "assessments.tasks.analyse_athlete_task": {"queue": "analysis"},
    "assessments.tasks.analyse_chunk_task": {"queue": "analysis"},
}
# The schedule lives in code (reviewed, versioned, the same in every environment).
CELERY_BEAT_SCHEDULE = {
    "sweep-changed-athletes": {
        "task": "assessments.tasks.sweep_changed_athletes",
        "schedule": env.int("SWEEP_INTERVAL_SECONDS", default=120),
    },
    "nightly-reanalysis": {
        "task": "assessments.tasks.nightly_reanalysis",
        "schedule": crontab(hour=env.int("NIGHTLY_HOUR_UTC", default=2), minute=0),
    },
    "send-digests": {"task": "coaching.tasks.send_digests", "schedule": crontab(minute="*/15")},
    "reconcile-alerts": {"task": "coaching.tasks.reconcile_alerts", "schedule": 60},
    "purge-old-analysis-runs": {
        "task": "assessments.tasks.purge_old_analysis_runs",
        "schedule": crontab(hour=3, minute=45),
    },
    "purge-idempotency-keys": {
        "task": "coaching.tasks.purge_idempotency_keys",
        "schedule": crontab(hour=3, minute=30),
    },
}
# A burst of writes within this many seconds gives one analysis.
ANALYSIS_DEBOUNCE_SECONDS = env.int("ANALYSIS_DEBOUNCE_SECONDS", default=5)
ANALYSIS_CHUNK_SIZE = env.int("ANALYSIS_CHUNK_SIZE", default=200)
# Superseded runs older than this many days are purged nightly (0 keeps every run).
ANALYSIS_RUN_RETENTION_DAYS = env.int("ANALYSIS_RUN_RETENTION_DAYS", default=180)
# A red-flag e-mail still pending after this long is reported and sent by reconciliation.
ALERT_OVERDUE_MINUTES = env.int("ALERT_OVERDUE_MINUTES", default=3)
# A claimed alert whose sender died is sent again after this long.
ALERT_STALE_CLAIM_MINUTES = env.int("ALERT_STALE_CLAIM_MINUTES", default=10)

# --- REST API -----------------------------------------------------------------------------
# The cache holds only the API throttle counters. With Redis configured (CACHE_URL, else
# REDIS_URL) every process counts against one limit; without it each process counts on its
# own, in memory. Short socket timeouts, and a throttle that lets a request through when the
# cache cannot answer, keep a down or hung Redis from failing or stalling writes.


def redis_cache(url: str) -> dict:
    """Django's Redis cache, with timeouts short enough that a hung Redis stalls no request."""
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "legstrong-cache",
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
    }


CACHE_URL = env("CACHE_URL", default=REDIS_URL)
CACHES = {
    "default": redis_cache(CACHE_URL)
    if CACHE_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "coaching.api.authentication.JWTAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "coaching.api.schema.LegstrongAutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PARSER_CLASSES": ["coaching.api.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "coaching.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_THROTTLE_CLASSES": ["coaching.api.throttles.WriteRateThrottle"],
    # Rates are "N/second|minute|hour|day"; an empty value switches that throttle off.
    "DEFAULT_THROTTLE_RATES": {
        # Per client address on the token endpoints: sized for a squad behind one address.
        "auth": env("THROTTLE_AUTH_RATE", default="60/minute") or None,
        "write": env("THROTTLE_WRITE_RATE", default="300/minute") or None,
    },
    "EXCEPTION_HANDLER": "coaching.api.exceptions.exception_handler",
    # Client addresses (anonymous throttles) come from X-Forwarded-For only behind this many
    # trusted proxies; with 0 the header is ignored, so a client cannot rotate it.
    "NUM_PROXIES": env.int("TRUSTED_PROXY_COUNT", default=0),
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
if not DEBUG:
    REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"] = ["rest_framework.renderers.JSONRenderer"]
SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env.int("JWT_ACCESS_MINUTES", default=15)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env.int("JWT_REFRESH_DAYS", default=14)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": True,
    # A password change ends every token issued before it; inactive users are refused.
    "CHECK_REVOKE_TOKEN": True,
    "CHECK_USER_IS_ACTIVE": True,
    "SIGNING_KEY": env("JWT_SIGNING_KEY", default=SECRET_KEY),
    "TOKEN_OBTAIN_SERIALIZER": "coaching.api.auth.TokenObtainPairSerializer",
    "TOKEN_REFRESH_SERIALIZER": "coaching.api.auth.TokenRefreshSerializer",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Legstrong API",
    "DESCRIPTION": "Why are this athlete's legs weak when lifting, and what do we do about it?",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "coaching.api.schema.allow_empty_query_values",
    ],
    "ENUM_NAME_OVERRIDES": {
        "SideEnum": "coaching.models.training.Side",
        "GoalEnum": "coaching.models.athletes.Goal",
        "SexEnum": "coaching.models.athletes.Sex",
        "CoachRoleEnum": "coaching.models.organizations.CoachRole",
        "FlagStatusEnum": "assessments.models.flags.FlagStatus",
        "FlagKindEnum": "assessments.models.flags.FlagKind",
        "FlagSeverityEnum": "assessments.models.flags.FlagSeverity",
    },
}

# --- Brute force (django-axes) -------------------------------------------------------------
# Lock out one username from one address after repeated failed logins: the lock covers only
# what failed, so a squad behind one gym's address keeps signing in while one member is locked.
# Guessing many passwords or many usernames from one address is bounded by the "auth" throttle.
# X-Forwarded-For is trusted only when TRUSTED_PROXY_COUNT says how many proxies set it, so
# rotating it changes nothing. The API and the admin's login page answer a lockout alike.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "coaching.api.auth.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_IPWARE_PROXY_COUNT = REST_FRAMEWORK["NUM_PROXIES"] or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)

# --- Security (production) ----------------------------------------------------------------
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
}
