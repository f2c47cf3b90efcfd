"""The ``ktxh`` command. Each subcommand lives in its own module with a ``register`` function."""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import NoReturn

# Module names under ktxh.cli; each defines register(subparsers) that sets ``func`` on its parser.
COMMANDS = ["target", "evaluate", "check", "extract", "review", "report", "serve", "generate", "units", "worker", "notify", "periods", "catalogue"]


# argparse looks its words up through gettext at call time: give it Vietnamese ones.
_VI = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "hiện trợ giúp này rồi thoát",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "expected one argument": "cần một giá trị",
    "invalid choice: %(value)r (choose from %(choices)s)": "\u201c%(value)s\u201d không hợp lệ, chọn một trong: %(choices)s",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "not allowed with argument %s": "không dùng cùng với %s",
    "invalid %(type)s value: %(value)r": "giá trị \u201c%(value)s\u201d không hợp lệ",
}
argparse._ = lambda text: _VI.get(text, text)  # type: ignore[attr-defined]


class VietnameseParser(argparse.ArgumentParser):
    """argparse whose errors read like every other message of ktxh: "Lỗi: …" in Vietnamese."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"Lỗi: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = VietnameseParser(
        prog="ktxh",
        description="KTXH: kế hoạch phát triển kinh tế - xã hội cấp xã, phường.",
    )
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", parser_class=VietnameseParser)
    for name in COMMANDS:
        importlib.import_module(f"ktxh.cli.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:
        # Output piped into "head" and closed early: not an error of ours.
        sys.stderr.close()
        return 0
    except Exception as exc:
        from .common import database_error, is_database_error

        if is_database_error(exc):  # the driver's English message stays out of the officer's way
            return database_error(exc)
        raise


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
