"""The ``ktxh`` command. Each subcommand lives in its own module with a ``register`` function."""

from __future__ import annotations

import argparse
import importlib
import sys

# Module names under ktxh.cli; each defines register(subparsers) that sets ``func`` on its parser.
COMMANDS = ["target", "evaluate", "check", "extract", "review", "report", "serve", "generate"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ktxh",
        description="KTXH: kế hoạch phát triển kinh tế - xã hội cấp xã, phường.",
    )
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")
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
