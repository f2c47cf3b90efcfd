"""Skips are never silent: pytest counts them in its last line and ``-rs`` names each with its
reason. In CI (``CI`` set) a skipped test fails, except one that waits for the other database
engine: ``scripts/test.sh`` runs the web tests on SQLite and then on PostgreSQL, so a test
skipped on one (its reason names the engine it needs) runs on the other in the same run."""

from __future__ import annotations

import os

import pytest

OTHER_ENGINE = ("PostgreSQL", "SQLite settings")


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _allowed(reason: str) -> bool:
    return any(word in reason for word in OTHER_ENGINE)


def _reason(longrepr) -> str:
    text = longrepr[2] if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr)
    return text.removeprefix("Skipped: ")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if _in_ci() and report.skipped and not hasattr(report, "wasxfail") and not _allowed(_reason(report.longrepr)):
        report.outcome = "failed"
        report.longrepr = f"Bỏ qua trong CI là lỗi: {_reason(report.longrepr)}"


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    outcome = yield
    report = outcome.get_result()
    if _in_ci() and report.skipped and not _allowed(_reason(report.longrepr)):
        report.outcome = "failed"
        report.longrepr = f"Bỏ qua cả tệp trong CI là lỗi: {_reason(report.longrepr)}"
