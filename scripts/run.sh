#!/usr/bin/env bash
# Sets up, then serves KTXH on 127.0.0.1:8000 with SQLite and the demo wards of the seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/ktxh serve "$@"
