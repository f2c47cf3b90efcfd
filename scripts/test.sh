#!/usr/bin/env bash
# Sets up, lints, and runs the tests: on SQLite, then on PostgreSQL when one answers at 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check src tests bench
.venv/bin/python -m pytest "$@"
if [ -d src/ktxh/web ] && [ -z "${KTXH_SKIP_POSTGRES:-}" ] && .venv/bin/python scripts/pg_ready.py; then
  echo "== PostgreSQL =="
  KTXH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/ktxh_test .venv/bin/python -m pytest -p no:cacheprovider src/ktxh/web "$@"
elif [ -n "${CI:-}" ] && [ -z "${KTXH_SKIP_POSTGRES:-}" ]; then
  echo "PostgreSQL does not answer at 127.0.0.1:5432: CI must run the web tests on it." >&2
  exit 1
fi
