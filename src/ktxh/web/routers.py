"""Reads on PostgreSQL read replicas, writes on the primary: on only when ``KTXH_REPLICA_URLS`` is set.

``KTXH_REPLICA_URLS`` is a comma-separated list of database URLs, each a streaming
replica of ``KTXH_DATABASE_URL``. Settings call ``configure``, which adds them as
``replica1``, ``replica2``… and returns the router list (empty without replicas).

A replica lags the primary by a moment, so a request that has written reads the
primary for the rest of the request, and so does every read inside a transaction:
an officer who saves a figure sees it on the next line. Migrations run on the
primary only. In tests each replica mirrors the primary (``TEST.MIRROR``).
"""

from __future__ import annotations

import os
import random
from contextvars import ContextVar

import dj_database_url
from django.core.signals import request_started
from django.db import connections

_wrote: ContextVar[bool] = ContextVar("ktxh_wrote", default=False)


def configure(databases: dict, urls: str | None = None) -> list[str]:
    """Add the replicas named in ``urls`` (default: ``$KTXH_REPLICA_URLS``) to ``databases``;
    return ``DATABASE_ROUTERS`` for them."""
    urls = os.environ.get("KTXH_REPLICA_URLS", "") if urls is None else urls
    aliases = []
    for n, url in enumerate((u.strip() for u in urls.split(",") if u.strip()), start=1):
        alias = f"replica{n}"
        databases[alias] = {**dj_database_url.parse(url, conn_max_age=databases["default"].get("CONN_MAX_AGE", 0)),
                            "TEST": {"MIRROR": "default"}}
        aliases.append(alias)
    return ["ktxh.web.routers.ReplicaRouter"] if aliases else []


def _new_request(**kwargs) -> None:
    _wrote.set(False)


request_started.connect(_new_request, dispatch_uid="ktxh-replica-router")


class ReplicaRouter:
    def __init__(self, replicas: list[str] | None = None) -> None:
        from django.conf import settings

        self.replicas = replicas if replicas is not None else sorted(a for a in settings.DATABASES if a.startswith("replica"))

    def db_for_read(self, model, **hints):
        if not self.replicas or _wrote.get() or connections["default"].in_atomic_block:
            return "default"
        return random.choice(self.replicas)

    def db_for_write(self, model, **hints):
        _wrote.set(True)
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # every alias holds the same data

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
