"""The ``ktxh`` command. Each subcommand lives in its own module with a ``register`` function."""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from typing import NoReturn

# Module names under ktxh.cli; each defines register(subparsers) that sets ``func`` on its parser.
COMMANDS = ["target", "evaluate", "check", "extract", "review", "report", "serve", "generate"]


_MESSAGES = [
    (re.compile(r"the following arguments are required: (.+)"), "thiếu tham số bắt buộc: {0}"),
    (re.compile(r"argument (\S+): invalid choice: '?([^']*)'? \(choose from (.+)\)"), "tham số {0}: \u201c{1}\u201d không hợp lệ, chọn một trong: {2}"),
    (re.compile(r"argument (\S+): expected one argument"), "tham số {0} cần một giá trị"),
    (re.compile(r"unrecognized arguments: (.+)"), "tham số không nhận ra: {0}"),
]


class VietnameseParser(argparse.ArgumentParser):
    """argparse with its errors in Vietnamese, like every other message of ktxh."""

    def error(self, message: str) -> NoReturn:
        for pattern, template in _MESSAGES:
            m = pattern.search(message)
            if m:
                message = template.format(*m.groups())
                break
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
