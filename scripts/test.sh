#!/usr/bin/env bash
# Sets up, lints, and runs the tests: on SQLite, then on PostgreSQL when one answers at 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/.."
# What the browser and document tests need: Debian's chromium, LibreOffice, poppler, Tesseract.
declare -A tool_pkg=([chromium]=chromium [soffice]=libreoffice-writer-nogui [pdftoppm]=poppler-utils
                     [tesseract]="tesseract-ocr tesseract-ocr-vie")
need=()
for tool in "${!tool_pkg[@]}"; do command -v "$tool" >/dev/null || need+=(${tool_pkg[$tool]}); done
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== Cài đặt: ${need[*]} =="
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "Các bài kiểm thử trình duyệt và văn bản cần: ${need[*]}." >&2
    echo "Cài bằng: sudo apt-get install ${need[*]}   (rồi chạy lại bash scripts/test.sh)" >&2
    echo "Hoặc chạy không có chúng (các bài đó được đếm là bỏ qua): KTXH_ALLOW_MISSING_TOOLS=1 bash scripts/test.sh" >&2
    [ -n "${KTXH_ALLOW_MISSING_TOOLS:-}" ] || exit 1
  fi
fi
bash scripts/setup.sh
.venv/bin/ruff check src tests bench
# On every core (pytest-xdist; KTXH_TEST_WORKERS=0 runs in this process): each worker has its own test
# database. --dist load: each worker runs its tests in pytest-django's order (TestCase before
# TransactionTestCase, whose flush removes what the migrations loaded), and the test ids (Hypothesis
# seeds its examples with them) are those of a run in one process.
workers=(-n "${KTXH_TEST_WORKERS:-auto}" --dist load)
# Tesseract (the OCR tests) runs OpenMP threads that spin for a core the other worker holds: one thread
# each reads a page in 6 s instead of 15 s here, with half the CPU.
export OMP_THREAD_LIMIT="${OMP_THREAD_LIMIT:-1}"
.venv/bin/python -m pytest "${workers[@]}" "$@"
if [ -d src/ktxh/web ] && [ -z "${KTXH_SKIP_POSTGRES:-}" ] && .venv/bin/python scripts/pg_ready.py; then
  echo "== PostgreSQL =="
  # The web tests again, on PostgreSQL, but for the browser walks: they drive the same views through
  # Chromium (two minutes of the suite) and ran above; what differs by database is asked below.
  KTXH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/ktxh_test .venv/bin/python -m pytest -p no:cacheprovider "${workers[@]}" \
    --ignore=src/ktxh/web/tests/browser src/ktxh/web "$@"
elif [ -n "${CI:-}" ] && [ -z "${KTXH_SKIP_POSTGRES:-}" ]; then
  echo "PostgreSQL does not answer at 127.0.0.1:5432: CI must run the web tests on it." >&2
  exit 1
fi
