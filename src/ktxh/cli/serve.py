"""``ktxh serve``: migrate, load the demo wards once, print the demo logins, serve on 127.0.0.1:8000.

It serves with gunicorn: as many worker processes as the machine has cores (``--workers``),
each with a few threads (``--threads``), static files by WhiteNoise, a listen backlog of
2 048 (Django's development server has 10, which adds a second to every request once 20
people wait). ``ktxh serve --dev`` keeps Django's development server (one process, reloads
nothing, shows errors in the page when ``KTXH_DEBUG=1``).

Behind a proxy, several servers: see docs/deployment.md.
"""

from __future__ import annotations

import os
import sys

from .common import fail


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "serve", help="chạy ứng dụng web (SQLite mặc định, dữ liệu mẫu 5 phường)",
        description="Tạo/cập nhật cơ sở dữ liệu, nạp dữ liệu mẫu một lần, in tài khoản mẫu và chạy máy chủ web "
                    "(gunicorn; --dev: máy chủ phát triển của Django).",
    )
    p.add_argument("--addr", default="127.0.0.1:8000", help="địa chỉ:cổng (mặc định 127.0.0.1:8000)")
    p.add_argument("--no-demo", action="store_true", help="không nạp dữ liệu mẫu")
    p.add_argument("--prepare-only", action="store_true", help="chỉ tạo cơ sở dữ liệu và dữ liệu mẫu, không chạy máy chủ")
    p.add_argument("--dev", action="store_true", help="dùng máy chủ phát triển của Django (một tiến trình)")
    p.add_argument("--workers", type=int, default=None, help="số tiến trình (mặc định: số lõi CPU)")
    p.add_argument("--threads", type=int, default=4, help="số luồng mỗi tiến trình (mặc định 4)")
    p.set_defaults(func=run)


def cores() -> int:
    """The cores this process may run on (the affinity mask, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def prepare(load_demo: bool = True, out=print, collect: bool = False) -> None:
    """Migrate and load the demo data once (the part of ``serve`` before serving); with ``collect``,
    copy the static files to ``STATIC_ROOT`` for WhiteNoise."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ktxh.web.settings")
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    if collect:
        call_command("collectstatic", interactive=False, verbosity=0)
        # Serve the collected copies (with their .gz) only; the workers forked later read this.
        settings.WHITENOISE_USE_FINDERS = False
    if not load_demo:
        return
    from ktxh.web.demo import load

    if load.load_demo():
        out("Đã nạp dữ liệu mẫu: 5 phường từ các văn bản mẫu (tỉnh mẫu, mã DEMO).")
    out(f"Cơ sở dữ liệu: {settings.DATABASES['default']['NAME']}")
    out(f"Tài khoản mẫu (mật khẩu: {load.PASSWORD}):")
    for login in load.logins():
        out(f"  {login.username:<22} {login.role} — {login.unit}")


def gunicorn_options(addr: str, workers: int, threads: int) -> dict:
    """The gunicorn settings ``ktxh serve`` runs with.

    >>> o = gunicorn_options("127.0.0.1:8000", 2, 4)
    >>> o["bind"], o["workers"], o["worker_class"], o["backlog"]
    (['127.0.0.1:8000'], 2, 'gthread', 2048)
    """
    return {
        "bind": [addr],
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread" if threads > 1 else "sync",
        "backlog": 2048,
        "timeout": 120,  # a national export or a province's documents can take a while
        "graceful_timeout": 10,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "proc_name": "ktxh",
    }


def serve_gunicorn(options: dict) -> None:
    """Run gunicorn in this process on ``ktxh.web.wsgi`` (returns when it is stopped)."""
    from django.db import connections
    from gunicorn.app.base import BaseApplication

    connections.close_all()  # no connection crosses the fork into the workers

    class Application(BaseApplication):
        def load_config(self):
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self):
            from ktxh.web.wsgi import application

            return application

    Application().run()


def run(args) -> int:
    workers = args.workers or cores()
    if workers < 1 or args.threads < 1:
        return fail(f"--workers và --threads phải lớn hơn 0, không phải {workers} và {args.threads}.")
    host, _, port = args.addr.rpartition(":")
    if not host or not port.isascii() or not port.isdigit():
        return fail(f"--addr phải có dạng địa chỉ:cổng, ví dụ 127.0.0.1:8000, không phải “{args.addr}”.")
    prepare(load_demo=not args.no_demo, collect=not args.dev)
    if args.prepare_only:
        return 0
    print(f"Mở http://{args.addr}/  (API: http://{args.addr}/api/docs, lược đồ: /api/openapi.json). Ctrl+C để dừng.")
    sys.stdout.flush()
    if args.dev:
        from django.core.management import call_command

        call_command("runserver", args.addr, use_reloader=False, insecure_serving=True)
        return 0
    print(f"Máy chủ gunicorn: {workers} tiến trình × {args.threads} luồng.")
    sys.stdout.flush()
    serve_gunicorn(gunicorn_options(args.addr, workers, args.threads))
    return 0
