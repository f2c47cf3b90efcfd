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
Static files are served by WhiteNoise from ``STATIC_ROOT`` (``ktxh serve`` collects them),
falling back to the apps' folders.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url

from ktxh.web.routers import configure as replicas

DATA_DIR = Path(os.environ.get("KTXH_DATA_DIR") or Path.cwd() / "data").resolve()


def _flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _secret_key() -> str:
    if os.environ.get("KTXH_SECRET_KEY"):
        return os.environ["KTXH_SECRET_KEY"]
    # A key made once per data folder, so sessions survive restarts without a key in the repo.
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
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

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

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

# Reminders to communes (the province overview): printed to the console unless a mail backend is set.
EMAIL_BACKEND = os.environ.get("KTXH_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("KTXH_EMAIL_FROM", "ktxh@localhost")

LOGIN_URL = "/admin/login/"
