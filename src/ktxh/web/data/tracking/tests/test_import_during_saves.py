"""20 people save figures while a report is imported, on SQLite: none gets "database is locked" (issue 13.6).

The bench ``bench/import_lock.py`` runs in a fresh process on a fresh SQLite file (threads need a
database file, not the test run's in-memory one): a report of 300 "a/b" lines of the seeds' form is
imported (``prepare`` outside any transaction, ``apply`` in one short one) while 20 officers of
another commune save 6 figures each through ``workflow.enter``.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[6] / "bench" / "import_lock.py"


def test_twenty_saves_during_an_import_get_no_database_is_locked(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("KTXH_DATABASE_URL", "KTXH_DATA_DIR")}
    env["KTXH_DATA_DIR"] = str(tmp_path)
    out = subprocess.run([sys.executable, str(BENCH), "300", "20", "6"], env=env, capture_output=True, text=True,
                         timeout=600, check=True).stdout
    result = json.loads(out[out.index("{"):])
    assert result["database"] == "sqlite" and result["saves_tried"] == 120
    assert (result["errors"], result["error_samples"]) == (0, [])
    # every line of the report is saved (a figure and its plan), during the saves as when alone
    assert result["saved_during"] == result["saved_alone"] == 2 * result["lines"]
