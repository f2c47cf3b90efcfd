"""Errors of the core, with messages in Vietnamese that name the offending text."""

from __future__ import annotations


class KtxhError(ValueError):
    """Base of every error the core raises on bad input.

    ``field`` names what was being read (e.g. ``"số liệu"``, ``"chỉ tiêu"``) and
    ``value`` is the text as given, so callers can show it beside a form field.
    """

    def __init__(self, message: str, *, field: str = "", value: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.value = value


class NumberError(KtxhError):
    """A text that should hold a number does not."""


class AmbiguousNumberError(NumberError):
    """A number that reads two ways ("12,575": 12,575 or 12.575) with nothing to decide."""


class TargetError(KtxhError):
    """A target text that cannot be understood at all (empty, or too long)."""


class EvaluationError(KtxhError):
    """An evaluation that cannot be made with the figures given."""
