"""``ktxh serve``: migrate, load the demo wards once, print the demo logins, serve on 127.0.0.1:8000.

It serves with Django's own server (``runserver --noreload``): one command, no extra
dependency, enough for one office computer or a demo. A production install runs
``ktxh.web.wsgi:application`` under a WSGI server behind a proxy instead.
"""

from __future__ import annotations

import os


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "serve", help="chạy ứng dụng web (SQLite mặc định, dữ liệu mẫu 5 phường)",
        description="Tạo/cập nhật cơ sở dữ liệu, nạp dữ liệu mẫu một lần, in tài khoản mẫu và chạy máy chủ web.",
    )
    p.add_argument("--addr", default="127.0.0.1:8000", help="địa chỉ:cổng (mặc định 127.0.0.1:8000)")
    p.add_argument("--no-demo", action="store_true", help="không nạp dữ liệu mẫu")
    p.add_argument("--prepare-only", action="store_true", help="chỉ tạo cơ sở dữ liệu và dữ liệu mẫu, không chạy máy chủ")
    p.set_defaults(func=run)


def prepare(load_demo: bool = True, out=print) -> None:
    """Migrate and load the demo data once (the part of ``serve`` before serving)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ktxh.web.settings")
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    if not load_demo:
        return
    from ktxh.web.demo import load

    if load.load_demo():
        out("Đã nạp dữ liệu mẫu: 5 phường từ các văn bản mẫu (tỉnh mẫu, mã DEMO).")
    out(f"Cơ sở dữ liệu: {settings.DATABASES['default']['NAME']}")
    out(f"Tài khoản mẫu (mật khẩu: {load.PASSWORD}):")
    for login in load.logins():
        out(f"  {login.username:<22} {login.role} — {login.unit}")


def run(args) -> int:
    prepare(load_demo=not args.no_demo)
    if args.prepare_only:
        return 0
    from django.core.management import call_command

    print(f"Mở http://{args.addr}/  (API: http://{args.addr}/api/docs, lược đồ: /api/openapi.json). Ctrl+C để dừng.")
    call_command("runserver", args.addr, use_reloader=False, insecure_serving=True)
    return 0
