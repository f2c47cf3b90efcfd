"""A skipped test is never silent: named with its reason and counted in the last line; in CI it
fails, unless it waits for the other database engine (the same CI run covers it)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

CONFTEST = Path(__file__).resolve().parents[1] / "conftest.py"
TESTS = '''
import pytest

def test_runs():
    pass

def test_needs_chromium():
    pytest.skip("/usr/bin/chromium is not installed")

def test_needs_postgres():
    pytest.skip("needs a database with concurrent connections (PostgreSQL)")
'''


def _run(tmp_path: Path, ci: bool) -> subprocess.CompletedProcess:
    shutil.copyfile(CONFTEST, tmp_path / "conftest.py")
    (tmp_path / "test_some.py").write_text(TESTS, encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CI"} | ({"CI": "true"} if ci else {})
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "-p", "no:django",
                           str(tmp_path)], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)


def test_skips_are_counted_and_named(tmp_path: Path) -> None:
    r = _run(tmp_path, ci=False)
    assert r.returncode == 0
    assert "/usr/bin/chromium is not installed" in r.stdout
    assert r.stdout.strip().splitlines()[-1].startswith("1 passed, 2 skipped")


def test_in_ci_a_skip_fails_unless_it_waits_for_the_other_engine(tmp_path: Path) -> None:
    r = _run(tmp_path, ci=True)
    assert r.returncode == 1
    assert "Bỏ qua trong CI là lỗi: /usr/bin/chromium is not installed" in r.stdout
    assert r.stdout.strip().splitlines()[-1].startswith("1 failed, 1 passed, 1 skipped")
