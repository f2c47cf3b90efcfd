"""Helpers shared by the subcommands: JSON output and Vietnamese error reporting."""

from __future__ import annotations

import errno
import json
import os
import sys
from typing import Any

from ktxh.core.errors import KtxhError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def fail(error: KtxhError | str) -> int:
    """Print a Vietnamese error to stderr and return the bad-input exit code."""
    message = error.message if isinstance(error, KtxhError) else error
    print(f"Lỗi: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


# Why a file could not be read or written, in Vietnamese (the OS and json speak English).
OS_REASONS = {
    errno.ENOENT: "không có tệp hoặc thư mục này",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không được phép",
    errno.EISDIR: "đây là một thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.EEXIST: "tệp đã có",
    errno.ENAMETOOLONG: "tên tệp quá dài",
}
JSON_REASONS = (
    ("Expecting value", "thiếu giá trị (tệp rỗng hoặc không phải JSON)"),
    ("Expecting property name enclosed in double quotes", "tên trường phải đặt trong ngoặc kép"),
    ("Expecting ',' delimiter", "thiếu dấu phẩy"),
    ("Expecting ':' delimiter", "thiếu dấu hai chấm"),
    ("Unterminated string", "chuỗi chưa đóng ngoặc kép"),
    ("Extra data", "thừa dữ liệu sau phần JSON"),
    ("Invalid control character", "có ký tự điều khiển trong chuỗi"),
    ("Invalid \\escape", "ký tự thoát “\\” không hợp lệ"),
)


def os_reason(exc: OSError) -> str:
    """Why the OS refused, in Vietnamese.

    >>> os_reason(FileNotFoundError(2, "No such file or directory"))
    'không có tệp hoặc thư mục này'
    """
    return OS_REASONS.get(exc.errno, f"lỗi hệ điều hành số {exc.errno}" if exc.errno else "lỗi hệ điều hành")


def json_reason(exc: json.JSONDecodeError) -> str:
    """Where and why a JSON text is broken, in Vietnamese.

    >>> try:
    ...     json.loads("{")
    ... except json.JSONDecodeError as e:
    ...     json_reason(e)
    'dòng 1, cột 2: tên trường phải đặt trong ngoặc kép'
    """
    why = next((vi for en, vi in JSON_REASONS if exc.msg.startswith(en)), "sai cú pháp JSON")
    return f"dòng {exc.lineno}, cột {exc.colno}: {why}"


def is_database_error(exc: BaseException) -> bool:
    """The database could not be reached or opened (Django's, psycopg's or sqlite3's OperationalError)."""
    return type(exc).__name__ in ("OperationalError", "InterfaceError") and type(exc).__module__.split(".")[0] in (
        "django", "psycopg", "psycopg2", "sqlite3")


def database_error(exc: BaseException) -> int:
    """Say in Vietnamese which database could not be used, without its password."""
    from urllib.parse import urlsplit

    url = os.environ.get("KTXH_DATABASE_URL", "")
    if url:
        u = urlsplit(url)
        where = f"{u.scheme}://{u.hostname or ''}{f':{u.port}' if u.port else ''}{u.path}"
    else:
        where = "SQLite trong thư mục dữ liệu (KTXH_DATA_DIR, mặc định ./data)"
    return fail(f"Không kết nối hoặc không mở được cơ sở dữ liệu {where}. Kiểm tra máy chủ cơ sở dữ liệu đang "
                "chạy, và địa chỉ, tên, mật khẩu trong KTXH_DATABASE_URL.")
