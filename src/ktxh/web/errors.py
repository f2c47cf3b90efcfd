"""Errors of a step a person takes (save, send, approve, edit a plan), with a Vietnamese message.

They live below every app, so that metadata and data can both raise them.
"""

from __future__ import annotations


class WorkflowError(Exception):
    """A step that the figure's state does not allow, or bad input; message in Vietnamese."""

    def __init__(self, message: str, *, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class ConflictError(WorkflowError):
    """Someone else saved first, from the same starting version."""
