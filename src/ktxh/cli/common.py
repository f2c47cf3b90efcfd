"""Helpers shared by the subcommands: JSON output and Vietnamese error reporting."""

from __future__ import annotations

import json
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
