"""Settings read from the environment.

``KTXH_DATABASE_URL`` (default: SQLite at ``$KTXH_DATA_DIR/ktxh.sqlite3``, the data
folder being ``./data`` under the working directory), ``KTXH_SECRET_KEY`` (default: a
key generated once and kept in the data folder), ``KTXH_DEBUG`` ("1"/"true" to turn
on), ``KTXH_ALLOWED_HOSTS`` (comma separated, default ``127.0.0.1,localhost``),
``KTXH_REDIS_URL`` (a shared cache and the job queue, e.g. ``redis://127.0.0.1:6379/0``;
default: each process its own memory cache and jobs run in the process that asks for them).

SQLite runs in WAL mode (readers do not wait for a writer) with a busy timeout of 20 s and
transactions that take the write lock when they start (``IMMEDIATE``), so two writers wait
for each other instead of one failing with "database is locked"; set on every connection.
``KTXH_TOKEN_TTL`` (days an API token works, default 30), ``KTXH_HTTPS`` ("1" behind an HTTPS
proxy: Secure cookies, HSTS, redirect to HTTPS), ``KTXH_LOGIN_FAILURES`` and ``KTXH_LOCKOUT_MINUTES``
(wrong passwords before a user name is locked, default 5, and for how long, default 15).

Static files are served by WhiteNoise from ``STATIC_ROOT`` (``ktxh serve`` collects them),
falling back to the apps' folders.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from ktxh.web.routers import configure as replicas

DATA_DIR = Path(os.environ.get("KTXH_DATA_DIR") or Path.cwd() / "data").resolve()


def _flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _positive(name: str, default: int, most: int = 100_000) -> int:
    """A whole number from 1 to ``most`` from the environment, or a Vietnamese error naming the variable."""
    raw = os.environ.get(name, "").strip() or str(default)
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 12) or not 1 <= int(raw) <= most:
        raise ImproperlyConfigured(f"Biến môi trường {name} phải là một số nguyên dương, không phải “{raw}”.")
    return int(raw)


def _secret_key() -> str:
    if os.environ.get("KTXH_SECRET_KEY"):
        return os.environ["KTXH_SECRET_KEY"]
    # A key made once per data folder, so sessions survive restarts without a key in the repo.
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    path = DATA_DIR / "secret_key"
    if not path.exists():
        # Written aside, then linked into place: of processes starting at once (test workers, app
        # servers), the first to link wins and every one reads that key, never a half-written file.
        mine = path.with_name(f"secret_key.{os.getpid()}")
        mine.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        mine.chmod(0o600)
        try:
            os.link(mine, path)
        except FileExistsError:
            pass
        finally:
            mine.unlink()
    return path.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
DEBUG = _flag("KTXH_DEBUG")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("KTXH_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",
    "axes",  # sign-in throttling, lockout and the log of sign-ins (accounts.lockout words the refusal)
    # metadata: units, indicators and plans; data: figures, workflow, audit; analytics: evaluation,
    # reviews, roll-up and the reading pages; reports: documents; ui: what every page shares.
    "ktxh.web.ui",
    "ktxh.web.accounts",
    "ktxh.web.metadata.units",
    "ktxh.web.metadata.plans",
    "ktxh.web.data.audit",
    "ktxh.web.data.tracking",
    "ktxh.web.analytics",
    "ktxh.web.reports",
    "ktxh.web.jobs",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out sign-in into the lockout answer
]

ROOT_URLCONF = "ktxh.web.urls"
WSGI_APPLICATION = "ktxh.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ktxh.web.ui.pages.navigation",  # the menu, for pages rendered outside ui.pages.page()
                "ktxh.web.ui.context.common",
            ],
        },
    },
]


def _database() -> dict:
    url = os.environ.get("KTXH_DATABASE_URL")
    if not url:
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{DATA_DIR / 'ktxh.sqlite3'}"
    db = dj_database_url.parse(url, conn_max_age=0)
    if db["ENGINE"] == "django.db.backends.sqlite3":
        db["OPTIONS"] = {
            "init_command": f"PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA busy_timeout={SQLITE_BUSY_MS}",
            "timeout": SQLITE_BUSY_MS / 1000,
            "transaction_mode": "IMMEDIATE",
            **db.get("OPTIONS", {}),
        }
    return db


SQLITE_BUSY_MS = 20_000
DATABASES = {"default": _database()}
DATABASE_ROUTERS = replicas(DATABASES)  # reads on the replicas in KTXH_REPLICA_URLS, if any
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Django's four rules, with Vietnamese messages.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"ktxh.web.accounts.passwords.{name}"}
    for name in ("UserAttributeSimilarityValidator", "MinimumLengthValidator", "CommonPasswordValidator",
                 "NumericPasswordValidator")
]

# Sign-in throttling (django-axes), for the login page, the admin's and POST /api/token alike: after
# AXES_FAILURE_LIMIT wrong passwords for one user name, or from one address, that name or address is
# refused (429) for AXES_COOLOFF_TIME, even with the right password. By name, since an attacker can
# change his address; by address, since he can try every name. (A commune office behind one address
# shares its count: raise KTXH_LOGIN_FAILURES there.) Every success and failure is kept (axes'
# AccessLog, AccessFailureLog, shown in the admin).
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = _positive("KTXH_LOGIN_FAILURES", 5)
AXES_COOLOFF_TIME = timedelta(minutes=_positive("KTXH_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "ktxh.web.accounts.lockout.response"
AXES_CLIENT_IP_CALLABLE = "ktxh.web.accounts.lockout.client_ip"  # behind the proxy, the address it saw
AXES_COOLOFF_MESSAGE = "Tài khoản tạm khóa vì nhập sai mật khẩu nhiều lần. Xin thử lại sau."
AXES_PERMALOCK_MESSAGE = AXES_COOLOFF_MESSAGE

# API tokens stop working this many days after they are issued.
TOKEN_TTL_DAYS = _positive("KTXH_TOKEN_TTL", 30)

LANGUAGE_CODE = "vi"
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True  # a checkout serves its static files before any collectstatic
try:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # empty until then; WhiteNoise warns of a missing one
except OSError:  # a read-only data folder: the warning is all that is lost
    pass
WHITENOISE_MAX_AGE = 3600


def _caches() -> dict:
    """Redis shared by every worker and server when ``KTXH_REDIS_URL`` is set, else memory per process."""
    url = os.environ.get("KTXH_REDIS_URL", "").strip()
    if url:
        return {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url,
                            "KEY_PREFIX": "ktxh", "TIMEOUT": 3600}}
    return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ktxh",
                        "TIMEOUT": 3600, "OPTIONS": {"MAX_ENTRIES": 5000}}}


CACHES = _caches()
REDIS_URL = os.environ.get("KTXH_REDIS_URL", "").strip() or None


# Mail: printed on the console unless an SMTP server is named (KTXH_EMAIL_HOST, _PORT, _USER,
# _PASSWORD, _USE_TLS, _FROM); KTXH_SITE_URL puts a full link in the mails.
if os.environ.get("KTXH_EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["KTXH_EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("KTXH_EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("KTXH_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("KTXH_EMAIL_PASSWORD", "")
    EMAIL_USE_TLS = _flag("KTXH_EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("KTXH_EMAIL_FROM", "KTXH <khong-tra-loi@ktxh.local>")
KTXH_SITE_URL = os.environ.get("KTXH_SITE_URL", "")

LOGIN_URL = "ui:login"

# Behind an HTTPS proxy (KTXH_HTTPS=1): cookies only over HTTPS, HSTS, the proxy's X-Forwarded-Proto
# trusted, plain HTTP redirected; ``python -m django check --deploy`` is then clean.
HTTPS = _flag("KTXH_HTTPS")
if HTTPS:
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = _positive("KTXH_HSTS_SECONDS", 365 * 24 * 3600, most=10**9)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True


# Reporting periods open themselves (``tracking.periods.open_periods``, on every migrate and by
# ``manage.py open_periods``): the months, quarters, 6 and 9 months and year of this year and the
# next, each due this many days after its last day (``Period.get`` opens others the same way). A
# period already there keeps its dates; a commune's own deadlines are set per period.
KTXH_PERIOD_DUE_DAYS = {"month": 10, "quarter": 10, "half": 10, "nine": 10, "year": 10}
