"""Background jobs: ``enqueue(func, *args)``, progress, and the worker.

The engine is RQ on Redis (``KTXH_REDIS_URL``), the Redis that already holds the shared cache:
one more service would be needed for nothing else, and RQ is a small, well-kept library whose
worker forks a fresh process per job (a large import's memory goes back to the system).
Without ``KTXH_REDIS_URL`` there is no broker: ``enqueue`` runs the job at once, in the calling
process, through the same ``run`` the worker calls, so the pages see the same ``Job`` row.

A job function is any importable module-level function taking plain (JSON) arguments; it reports
progress with ``progress(done, total, message)``. Its return value (JSON) is kept in ``Job.result``;
an exception marks the job failed with its message (a ``KtxhError``'s Vietnamese message as is).

    job = enqueue(tasks.refresh_rollup, period.pk, name="Tổng hợp số liệu", user=request.user)
    Job.objects.get(pk=job.pk).as_dict()   # status, percent, message, result: what a page shows
"""

from __future__ import annotations

import importlib
import logging
import os
import socket
import time
import traceback
from contextvars import ContextVar

from django.conf import settings
from django.db import connections, transaction
from django.utils import timezone

from .models import Job, JobStatus

log = logging.getLogger(__name__)
QUEUE = "ktxh"
_current: ContextVar[int | None] = ContextVar("ktxh_job", default=None)
_last_write: ContextVar[float] = ContextVar("ktxh_job_progress", default=0.0)
PROGRESS_EVERY = 0.5  # seconds between two progress writes


def where() -> str:
    """``host:pid`` of this process, to tell which server queued a job and which worker ran it."""
    return f"{socket.gethostname()}:{os.getpid()}"


def dotted(func) -> str:
    """``module:name`` of a module-level function (what the worker imports).

    >>> from ktxh.web.jobs import tasks
    >>> dotted(tasks.refresh_rollup)
    'ktxh.web.jobs.tasks:refresh_rollup'
    """
    name = f"{func.__module__}:{func.__qualname__}"
    if "<" in func.__qualname__ or "." in func.__qualname__ or resolve(name) is not func:
        raise ValueError(f"Công việc chạy nền phải là một hàm cấp module, không phải {func!r}.")
    return name


def resolve(name: str):
    module, _, attr = name.partition(":")
    return getattr(importlib.import_module(module), attr)


def redis_connection():
    """The Redis of ``KTXH_REDIS_URL``, or None (no broker)."""
    url = getattr(settings, "REDIS_URL", None)
    if not url:
        return None
    from redis import Redis

    return Redis.from_url(url)


def enqueue(func, *args, name: str = "", user=None) -> Job:
    """Queue ``func(*args)``; with no broker run it now. Returns the ``Job`` (its row is saved)."""
    job = Job.objects.create(name=name or func.__name__, func=dotted(func), args=list(args), queued_by=where(),
                             created_by=user if getattr(user, "is_authenticated", False) else None)
    conn = redis_connection()
    if conn is None:
        run(job.pk)
        job.refresh_from_db()
        return job
    from rq import Queue

    queue = Queue(QUEUE, connection=conn)
    # Only once the row is committed, or the worker may look for it before it exists.
    transaction.on_commit(lambda: queue.enqueue("ktxh.web.jobs.queue.run", job.pk, job_id=f"ktxh-{job.pk}",
                                                job_timeout=6 * 3600, result_ttl=3600, failure_ttl=7 * 86400))
    return job


def progress(done: int, total: int | None = None, message: str | None = None) -> None:
    """Report how far the running job is (a no-op outside a job); written at most every half second."""
    job_id = _current.get()
    if job_id is None:
        return
    now = time.monotonic()
    if total is None or done < total:
        if now - _last_write.get() < PROGRESS_EVERY:
            return
    _last_write.set(now)
    values = {"done": done}
    if total is not None:
        values["total"] = total
    if message is not None:
        values["message"] = message[:300]
    Job.objects.filter(pk=job_id).update(**values)


def _primary_reads() -> None:
    # A job writes; with read replicas its reads must see its own writes: the router sends every read
    # of a context that has written to the primary.
    from ktxh.web.routers import _wrote

    _wrote.set(True)


def run(job_id: int) -> Job:
    """Run the job (what the worker calls, and ``enqueue`` without a broker); never raises for the
    job's own failure, which is recorded on the row."""
    _primary_reads()
    job = Job.objects.get(pk=job_id)
    if job.status in (JobStatus.DONE, JobStatus.FAILED):
        return job
    job.status, job.started_at, job.run_by = JobStatus.RUNNING, timezone.now(), where()
    job.save(update_fields=["status", "started_at", "run_by"])
    token = _current.set(job.pk)
    try:
        result = resolve(job.func)(*job.args)
    except Exception as exc:  # the job's failure is its outcome, shown on the page
        from ktxh.core.errors import KtxhError

        log.warning("job %s failed: %s", job.pk, traceback.format_exc())
        message = exc.message if isinstance(exc, KtxhError) else f"{type(exc).__name__}: {exc}"
        Job.objects.filter(pk=job.pk).update(status=JobStatus.FAILED, error=message[:5000], finished_at=timezone.now())
    else:
        Job.objects.filter(pk=job.pk).update(status=JobStatus.DONE, result=result, finished_at=timezone.now())
    finally:
        _current.reset(token)
    job.refresh_from_db()
    return job


def work(*, burst: bool = False) -> bool:
    """Run the RQ worker on the ``ktxh`` queue (``ktxh worker``); False when there is no broker."""
    conn = redis_connection()
    if conn is None:
        return False
    from rq import Queue, Worker

    connections.close_all()  # the work horse is forked per job: no connection crosses the fork
    worker = Worker([Queue(QUEUE, connection=conn)], connection=conn, name=f"ktxh-{where().replace(':', '-')}")
    worker.work(burst=burst, logging_level="WARNING")
    return True
