"""The read-replica router: reads spread over replicas, writes and read-your-writes on the primary."""

import pytest
from django.core.signals import request_started
from django.db import transaction

from ktxh.web.metadata.units.models import AdminUnit
from ktxh.web.routers import ReplicaRouter, configure


def test_no_replica_urls_no_router():
    databases = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "x"}}
    assert configure(databases, "") == []
    assert list(databases) == ["default"]


def test_replica_urls_become_mirrored_aliases():
    databases = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "ktxh"}}
    routers = configure(databases, "postgres://ktxh@10.0.0.2:5432/ktxh, postgres://ktxh@10.0.0.3:5432/ktxh")
    assert routers == ["ktxh.web.routers.ReplicaRouter"]
    assert databases["replica1"]["HOST"] == "10.0.0.2" and databases["replica2"]["HOST"] == "10.0.0.3"
    assert databases["replica2"]["TEST"] == {"MIRROR": "default"}


@pytest.mark.django_db(transaction=True)  # request_started closes old connections; no test transaction around
def test_reads_go_to_replicas_until_the_request_writes():
    router = ReplicaRouter(["replica1", "replica2"])
    request_started.send(sender=None)
    assert {router.db_for_read(AdminUnit) for _ in range(50)} == {"replica1", "replica2"}
    assert router.db_for_write(AdminUnit) == "default"
    assert router.db_for_read(AdminUnit) == "default"  # read your own write
    request_started.send(sender=None)
    assert router.db_for_read(AdminUnit) in {"replica1", "replica2"}


@pytest.mark.django_db(transaction=True)
def test_reads_inside_a_transaction_stay_on_the_primary():
    router = ReplicaRouter(["replica1"])
    request_started.send(sender=None)
    with transaction.atomic():
        assert router.db_for_read(AdminUnit) == "default"
    assert router.db_for_read(AdminUnit) == "replica1"


def test_migrations_only_on_the_primary():
    router = ReplicaRouter(["replica1"])
    assert router.allow_migrate("default", "units") and not router.allow_migrate("replica1", "units")
