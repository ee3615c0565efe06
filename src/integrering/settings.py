"""Django settings for Integrering, read from environment variables (see README.md).

Configuration errors are for the operator and in English: translations cannot run while the settings load.
"""

from email.utils import getaddresses
from pathlib import Path
from typing import Any

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
# The read API (api/): calls per minute per token, counted in the cache (CACHES below: shared by every server).
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

# Single sign-on with OpenID Connect (README «Single sign-on (OpenID Connect)»), with mozilla-django-oidc
# (integrering/accounts/oidc/). Off unless OIDC_RP_CLIENT_ID is set; then nothing else about log-in changes
# except the button «Logg inn med …» on the log-in page and, with LOCAL_PASSWORD_LOGIN_FOR_STAFF=0, no
# password log-in for the county's staff.
OIDC_RP_CLIENT_ID = env_str("OIDC_RP_CLIENT_ID") or ""
OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID)
OIDC_RP_CLIENT_SECRET = env_str("OIDC_RP_CLIENT_SECRET", required=OIDC_ENABLED) or ""
# The provider's discovery document (fetched once, at the first log-in, with OIDC_TIMEOUT), or its endpoints.
OIDC_DISCOVERY_URL = env_str("OIDC_DISCOVERY_URL") or ""
OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("OIDC_OP_AUTHORIZATION_ENDPOINT") or ""
OIDC_OP_TOKEN_ENDPOINT = env_str("OIDC_OP_TOKEN_ENDPOINT") or ""
OIDC_OP_USER_ENDPOINT = env_str("OIDC_OP_USER_ENDPOINT") or ""
OIDC_OP_JWKS_ENDPOINT = env_str("OIDC_OP_JWKS_ENDPOINT") or ""
OIDC_OP_LOGOUT_ENDPOINT = env_str("OIDC_OP_LOGOUT_ENDPOINT") or ""
OIDC_OP_ISSUER = env_str("OIDC_OP_ISSUER") or ""
if (
    OIDC_ENABLED
    and not OIDC_DISCOVERY_URL
    and not (OIDC_OP_AUTHORIZATION_ENDPOINT and OIDC_OP_TOKEN_ENDPOINT and OIDC_OP_JWKS_ENDPOINT)
):
    raise ConfigError(
        _(
            "OIDC_RP_CLIENT_ID is set: also set OIDC_DISCOVERY_URL, or OIDC_OP_AUTHORIZATION_ENDPOINT, "
            "OIDC_OP_TOKEN_ENDPOINT and OIDC_OP_JWKS_ENDPOINT."
        )
    )
for _oidc_name in ("OIDC_DISCOVERY_URL", "OIDC_OP_AUTHORIZATION_ENDPOINT", "OIDC_OP_TOKEN_ENDPOINT"):
    _oidc_url = globals()[_oidc_name]
    # Plain http only in development (a provider on this machine).
    if _oidc_url and not _oidc_url.startswith(("https://", "http://") if DEBUG else ("https://",)):
        raise ConfigError(
            _("%(name)s must be an https:// address (got «%(value)s»).") % {"name": _oidc_name, "value": _oidc_url}
        )
OIDC_PROVIDER_NAME = env_str("OIDC_PROVIDER_NAME") or ""
# The claim that holds the user's e-mail address: matched (ignoring case) against the users' e-mail.
OIDC_USERNAME_CLAIM = env_str("OIDC_USERNAME_CLAIM", "email")
OIDC_ALLOWED_EMAIL_DOMAINS = [d.lower().lstrip("@") for d in env_list("OIDC_ALLOWED_EMAIL_DOMAINS", [])]
# The county whose users the provider's people are (its number): a first log-in creates a user of it, without roles.
OIDC_COUNTY = (env_str("OIDC_COUNTY", required=OIDC_ENABLED) or "").zfill(2) if OIDC_ENABLED else ""
if OIDC_COUNTY and not (OIDC_COUNTY.isdigit() and len(OIDC_COUNTY) == 2):
    raise ConfigError(_("OIDC_COUNTY must be a county number such as 50 (got «%(value)s»).") % {"value": OIDC_COUNTY})
# Optional: roles from the provider's groups, e.g. «3f1c…=adviser,9a2e…=county_admin» (group=role, by commas).
OIDC_GROUPS_CLAIM = env_str("OIDC_GROUPS_CLAIM", "groups")
OIDC_GROUP_ROLES: dict[str, str] = {}
for _oidc_pair in env_list("OIDC_GROUP_ROLES", []):
    _oidc_group, _oidc_sep, _oidc_role = _oidc_pair.rpartition("=")
    if not _oidc_sep or not _oidc_group.strip() or not _oidc_role.strip():
        raise ConfigError(
            _("OIDC_GROUP_ROLES must be group=role pairs separated by commas (got «%(value)s»).")
            % {"value": _oidc_pair}
        )
    OIDC_GROUP_ROLES[_oidc_group.strip()] = _oidc_role.strip()
# 0: the county's staff (every role but applicant and municipal user) log in only through the provider.
LOCAL_PASSWORD_LOGIN_FOR_STAFF = env_bool("LOCAL_PASSWORD_LOGIN_FOR_STAFF", True)
if not LOCAL_PASSWORD_LOGIN_FOR_STAFF and not OIDC_ENABLED:
    raise ConfigError(_("LOCAL_PASSWORD_LOGIN_FOR_STAFF=0 needs single sign-on: set OIDC_RP_CLIENT_ID and the rest."))
OIDC_RP_SIGN_ALGO = env_str("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = env_str("OIDC_RP_SCOPES", "openid email profile")
OIDC_TIMEOUT = env_int("OIDC_TIMEOUT", 10, minimum=1)
OIDC_USE_NONCE = True
OIDC_USE_PKCE = env_bool("OIDC_USE_PKCE", True)
OIDC_STORE_ID_TOKEN = True
OIDC_CREATE_USER = True
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc:callback"
LOGIN_REDIRECT_URL_FAILURE = "login"
AUTHENTICATION_BACKENDS += ["integrering.accounts.oidc.backend.OidcBackend"]
# Log-out is a form (POST) that ends at the provider's end-session endpoint: the policy lets forms go there.
_oidc_origin = OIDC_OP_LOGOUT_ENDPOINT or OIDC_DISCOVERY_URL
if OIDC_ENABLED and _oidc_origin:
    _oidc_origin = "/".join(_oidc_origin.split("/", 3)[:3])
    CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
        "form-action 'self'", f"form-action 'self' {_oidc_origin}"
    )


def _site_url() -> str:
    """The address users open the application at (``https://integrering.fylke.no``), for the links in e-mails.

    Empty: a link made during a request uses the request's address, one made by a command is relative."""
    from urllib.parse import urlsplit

    value = (env_str("SITE_URL") or "").strip().rstrip("/")
    if not value:
        return ""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment or " " in value:
        raise ConfigError(
            _("SITE_URL must be the address of the application, e.g. https://integrering.fylke.no (got «%(value)s»).")
            % {"value": value}
        )
    return value


SITE_URL = _site_url()
# Uploaded files (README «Attachments»): a private storage, never served at a URL of its own; each app's
# download view checks the user's permission on the file's owner. A local folder by default (var/media); an
# S3-compatible object store when S3_BUCKET is set, which several app servers share.
MEDIA_ROOT = Path(env_str("INTEGRERING_MEDIA_DIR", str(VAR_DIR / "media")))
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_MB", 10, minimum=1) * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "integrering.core.files.uploads.SizeLimitedUploadHandler",
]
S3_BUCKET = env_str("S3_BUCKET")
if S3_BUCKET:
    _s3_storage: dict[str, Any] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env_str("S3_ENDPOINT_URL"),
            "access_key": env_str("S3_ACCESS_KEY_ID"),
            "secret_key": env_str("S3_SECRET_ACCESS_KEY"),
            "region_name": env_str("S3_REGION"),
            "location": env_str("S3_PREFIX", ""),
            "addressing_style": env_choice("S3_ADDRESSING_STYLE", "PATH", ("PATH", "VIRTUAL", "AUTO")).lower(),
            # Private objects; the app streams them after its own permission check (no signed URLs handed out).
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    STORAGES["files"] = _s3_storage
else:
    # MEDIA_ROOT (read when used, so a test may point it elsewhere).
    STORAGES["files"] = {"BACKEND": "django.core.files.storage.FileSystemStorage"}

# Scheduled jobs (send-reminders, send-plan-digest) take a lease so that one run at a time does the work, whichever
# server starts it (core/joblock.py); a run that dies leaves the lease until it expires (seconds).
JOB_LOCK_SECONDS = env_int("JOB_LOCK_SECONDS", 3600, minimum=60)

# The cache is a table in the database (core migration 0012_cache_table), so that every app server and worker counts
# the API's calls per token together (a per-process cache would multiply the limit by the number of processes).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "integrering_cache"}}
