"""Django settings for Integrering, read from environment variables (see README.md).

Configuration errors are for the operator and in English: translations cannot run while the settings load.
"""

from email.utils import getaddresses
from pathlib import Path

import dj_database_url
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from integrering.env import ConfigError, env_bool, env_choice, env_int, env_list, env_networks, env_str
from integrering.i18n import gettext as _
from integrering.i18n import gettext_noop

SRC_DIR = Path(__file__).resolve().parent


def _base_dir() -> Path:
    """The installation directory that holds ``node_modules/`` and ``var/``.

    ``INTEGRERING_BASE_DIR`` if set; otherwise the checkout the code runs from (``make install`` and the
    README install it editable), or else the working directory.
    """
    configured = env_str("INTEGRERING_BASE_DIR")
    if configured:
        path = Path(configured).expanduser().resolve()
        if not path.is_dir():
            raise ConfigError(
                _("INTEGRERING_BASE_DIR must be a folder that exists (got «%(value)s»).") % {"value": configured}
            )
        return path
    checkout = SRC_DIR.parent.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "src" / "integrering").is_dir():
        return checkout
    return Path.cwd()


BASE_DIR = _base_dir()
VAR_DIR = Path(env_str("INTEGRERING_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = env_str("DJANGO_SECRET_KEY", required=not DEBUG) or "insecure-development-key-only-for-debug"
if not DEBUG and len(SECRET_KEY) < 50:
    raise ConfigError(_("DJANGO_SECRET_KEY must be at least 50 characters in production."))
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", []) if env_str("DJANGO_CSRF_TRUSTED_ORIGINS") else []

INSTALLED_APPS = [
    "integrering.core",
    "integrering.municipalities",
    "integrering.settlement",
    "integrering.guidance",
    "integrering.grants",
    "integrering.regional",
    "integrering.plans",
    # The top layer; before django.contrib.admin, whose registration/ templates it overrides.
    "integrering.accounts",
    "integrering.api",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    # Django Ninja (the API); listed so that its docs page uses its own static files, not a CDN.
    "ninja",
    "auditlog",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "integrering.core.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After LocaleMiddleware and the user: a logged-in user's saved language wins over the browser's.
    "integrering.core.middleware.UserLanguageMiddleware",
    # Responses to logged-in users may hold personal data: never cached (core/middleware.py).
    "integrering.core.middleware.PrivateCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "axes.middleware.AxesMiddleware",
    # Last, so that it sees an ApplicationError first: a broken rule is a page with the reason, never a 500.
    "integrering.core.middleware.ApplicationErrorMiddleware",
]

ROOT_URLCONF = "integrering.urls"
WSGI_APPLICATION = "integrering.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # core/mail keeps its own templates (e-mails, the sent-email pages) in its package.
        "DIRS": [SRC_DIR / "templates", SRC_DIR / "core" / "mail" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "integrering.accounts.navigation.navigation",
            ],
        },
    },
]

DATABASE_SCHEMES = ("sqlite", "postgres", "postgresql", "pgsql")


def _database(url: str, conn_max_age: int) -> dj_database_url.DBConfig:
    """SQLite or PostgreSQL from DATABASE_URL; anything else is a configuration error (never echoes a password)."""
    scheme = url.partition("://")[0].lower() if "://" in url else ""
    if scheme not in DATABASE_SCHEMES:
        raise ConfigError(
            _("DATABASE_URL must begin with sqlite:/// or postgres:// (got «%(scheme)s»).")
            % {"scheme": scheme or _("no scheme")}
        )
    try:
        database = dj_database_url.parse(url, conn_max_age=conn_max_age)
    except ValueError:
        raise ConfigError(
            _("DATABASE_URL cannot be read (form: postgres://user:password@host:5432/database).")
        ) from None
    if database["ENGINE"] == "django.db.backends.sqlite3":
        # Simultaneous saves: every transaction takes the write lock when it begins (no «database is locked»
        # when a reading transaction later writes), a writer waits up to SQLITE_BUSY_TIMEOUT seconds for
        # another, and readers never wait for writers (WAL).
        database["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": env_int("SQLITE_BUSY_TIMEOUT", 20, minimum=1),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            **database.get("OPTIONS", {}),
        }
    return database


DATABASES = {
    "default": _database(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'integrering.sqlite3'}"),
        env_int("DATABASE_CONN_MAX_AGE", 0, minimum=0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "integrering.core.password_validation.ContainsUserAttributeValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Sessions end after a period of inactivity (seconds); every request renews the period.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_TIMEOUT", 30 * 60, minimum=60)
# The read API (api/): calls per minute per token (counted in the cache; per process with the default cache).
API_CALLS_PER_MINUTE = env_int("API_CALLS_PER_MINUTE", 600, minimum=1)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# django-axes: lock an account/IP combination out after repeated failed logins.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30, minimum=1) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env_bool("AXES_ENABLED", True)
# The reverse proxies in front of the app (README «Production»: gunicorn listens only to them). Only a
# connection from one of them may name the client in X-Forwarded-For; axes then locks out the client's
# address, not the proxy's (core/client_ip.py).
if env_str("DJANGO_TRUSTED_PROXY_COUNT"):
    raise ConfigError(
        "DJANGO_TRUSTED_PROXY_COUNT is no longer read: list the proxies' addresses in DJANGO_TRUSTED_PROXIES "
        "(e.g. 127.0.0.1,::1 for a proxy on the same machine)."
    )
TRUSTED_PROXIES = env_networks("DJANGO_TRUSTED_PROXIES", [] if DEBUG else ["127.0.0.1", "::1"])
AXES_CLIENT_IP_CALLABLE = "integrering.core.client_ip.client_ip"

LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", gettext_noop("Norwegian Bokmål")), ("nn", gettext_noop("Norwegian Nynorsk"))]
LOCALE_PATHS = [SRC_DIR / "locale"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS: list[Path | tuple[str, Path]] = [
    SRC_DIR / "static",
    ("vendor/designsystemet", BASE_DIR / "node_modules" / "@digdir" / "designsystemet-css" / "dist"),
    ("vendor/axe-core", BASE_DIR / "node_modules" / "axe-core"),
]
STATICFILES_DIRS = [d for d in STATICFILES_DIRS if Path(d[1] if isinstance(d, tuple) else d).exists()]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Security. Production (DJANGO_DEBUG=0) passes `integrering check --deploy --fail-level WARNING`.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "integrering.core.errors.csrf_failure"
# The language switch's cookie (bokmål or nynorsk, for anonymous pages): a year, like Django's default.
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
# The policy has no 'unsafe-inline': the app serves no inline scripts or styles.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; "
    "object-src 'none'"
)

AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_DISABLE_REMOTE_ADDR = False

# How long a participant's personal data is kept after their last activity before
# `integrering anonymise-participants` removes it (days).
PARTICIPANT_RETENTION_DAYS = env_int("PARTICIPANT_RETENTION_DAYS", 5 * 365, minimum=30)

# E-mail (README «E-mail»). Django's SMTP backend when EMAIL_HOST is set. Without EMAIL_HOST: the console
# backend in development; in production a backend that refuses every message (recorded as failed, the caller
# gets the error) and a `check --deploy` warning — never the console, which would write recipients and
# bodies into the service's log.
EMAIL_HOST = env_str("EMAIL_HOST") or ""
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ConfigError(
        _(
            "EMAIL_USE_TLS and EMAIL_USE_SSL cannot both be 1: choose STARTTLS (EMAIL_USE_TLS, usually port 587) or "
            "TLS from the start (EMAIL_USE_SSL, usually port 465)."
        )
    )
EMAIL_PORT = env_int("EMAIL_PORT", 465 if EMAIL_USE_SSL else 587 if EMAIL_USE_TLS else 25, minimum=1)
if EMAIL_PORT > 65535:
    raise ConfigError(_("EMAIL_PORT must be a port number from 1 to 65535 (got %(value)s).") % {"value": EMAIL_PORT})
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER") or ""
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD") or ""
if bool(EMAIL_HOST_USER) != bool(EMAIL_HOST_PASSWORD):
    # Django logs in only when both are set; one alone would silently send without logging in.
    raise ConfigError(_("EMAIL_HOST_USER and EMAIL_HOST_PASSWORD must be set together (both or neither)."))
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10, minimum=1)


def _mail_address(name: str, default: str | None) -> str:
    """One address, bare or with a display name («Integrering <integrering@fylke.no>»)."""
    value = env_str(name, default) if default is not None else (env_str(name, required=True) or "")
    parsed = getaddresses([value])
    try:
        if len(parsed) != 1 or "\n" in value or "\r" in value:
            raise ValidationError("")
        validate_email(parsed[0][1])
    except ValidationError:
        raise ConfigError(
            _(
                "%(name)s must be one e-mail address, e.g. integrering@fylke.no or «Integrering "
                "<integrering@fylke.no>» (got «%(value)s»)."
            )
            % {"name": name, "value": value}
        ) from None
    return value


# In production the sender must be one the SMTP server accepts for the county: no made-up default.
DEFAULT_FROM_EMAIL = _mail_address(
    "DEFAULT_FROM_EMAIL", None if EMAIL_HOST and not DEBUG else "Integrering <integrering@localhost>"
)
SERVER_EMAIL = _mail_address("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
elif DEBUG:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
else:
    EMAIL_BACKEND = "integrering.core.mail.backends.UnconfiguredBackend"

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_choice("LOG_LEVEL", "INFO", LOG_LEVELS)},
    # django-axes announces itself at INFO on every start; keep its warnings (lockouts) only.
    "loggers": {"axes": {"level": "WARNING"}},
}

FORMAT_MODULE_PATH = ["integrering.formats"]
# Thousands separators only where a template asks for them (the `number` filter), never in URLs or inputs.
USE_THOUSAND_SEPARATOR = False
