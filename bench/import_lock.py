"""20 people save figures while a 1 500-line report is imported (issue 13.6): errors, and the import's time.

Run: .venv/bin/python bench/import_lock.py [LINES] [WRITERS] [SAVES]
     KTXH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/ktxh_bench_cat .venv/bin/python bench/import_lock.py

On SQLite (the default) it uses a fresh database file in a temporary folder, in WAL mode with the
busy timeout of ``ktxh.web.settings``. The report is LINES "a/b" sentences of the seeds' form
("- Tổng sản lượng lương thực có hạt năm 2021 đạt: 6.031/5.926 tấn bằng 101,7% kế hoạch"), one
per catalogue indicator and year, for one commune. While it is imported (``prepare`` outside any
transaction, then ``apply`` in one), WRITERS threads of another commune's officers each save
SAVES figures through ``workflow.enter``, the path of the entry page and the API. Printed: the
writers' errors ("database is locked" or any other), and the import's time as a ratio to the same
import alone, measured first in the same run. No assertion on time; the test
``tests/test_import_during_saves.py`` of the tracking app asserts no error.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import threading
import time
from decimal import Decimal


def report(lines: int) -> str:
    from ktxh import catalogue as cat

    measured = [i for i in cat.load_catalogue() if i.unit and i.unit not in ("%", "‰")]
    out = ["BÁO CÁO", "Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội giai đoạn 2021-2025", "I. KẾT QUẢ"]
    years = range(2016, 2026)  # ten years of the catalogue's measured indicators: 1 600 lines at most
    n = 0
    for year in years:
        for k, ind in enumerate(measured):
            if n >= lines:
                break
            actual, plan = 1000 + 7 * k + year - 2021, 1000 + 5 * k
            out.append(f"- {ind.name} năm {year} đạt: {actual:,}/{plan:,} {ind.unit} bằng "
                       f"{Decimal(actual * 100) / plan:.1f}% kế hoạch".replace(",", ".").replace(".0%", "%"))
            n += 1
    return "\n".join(out) + "\n"


def setup_django() -> None:
    if "KTXH_DATABASE_URL" not in os.environ:
        os.environ["KTXH_DATA_DIR"] = tempfile.mkdtemp(prefix="ktxh-lock-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ktxh.web.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def people():
    from django.contrib.auth import get_user_model

    from ktxh.web.accounts.models import Membership, Role
    from ktxh.web.metadata.plans.models import Field
    from ktxh.web.metadata.units.models import AdminUnit

    tag = str(time.time_ns())[-8:]
    province = AdminUnit.objects.create(code=f"B{tag}", name=f"Tỉnh thử {tag}", level="province", kind="tinh")
    a = AdminUnit.objects.create(code=f"B{tag}-1", name="Phường nhập", level="commune", kind="phuong", parent=province)
    b = AdminUnit.objects.create(code=f"B{tag}-2", name="Phường nhập liệu", level="commune", kind="phuong", parent=province)
    users = get_user_model().objects
    leader = users.create_user(f"lead{tag}")  # no password: hashing 21 of them is not what we time
    Membership.objects.create(user=leader, role=Role.LEADER, unit=a)
    fields = list(Field.objects.all())
    officers = []
    for k in range(20):
        u = users.create_user(f"off{tag}-{k}")
        Membership.objects.create(user=u, role=Role.OFFICER, unit=b).fields.set(fields)
        officers.append(u)
    return a, b, leader, officers


def run(lines: int = 1500, writers: int = 20, saves: int = 12) -> dict:
    """Import alone, then the same size of import into a third commune with writers saving meanwhile."""
    from django.db import connection

    from ktxh.reader import read_document
    from ktxh.web.data.tracking import importer, workflow
    from ktxh.web.data.tracking.models import Period
    from ktxh.web.metadata.plans.models import Indicator

    text = report(lines).encode()
    started = time.perf_counter()
    doc = read_document(text, filename="bao-cao-1500.txt")  # the reader's time, apart from the import's
    t_read = time.perf_counter() - started
    a, b, leader, officers = people()
    started = time.perf_counter()
    prepared = importer.prepare(doc, unit=a, user=leader)
    t_prepare = time.perf_counter() - started
    alone = importer.apply(prepared)
    t_alone = time.perf_counter() - started

    a2, b2, leader2, officers2 = people()
    measured = list(Indicator.objects.exclude(unit__in=("", "%", "‰")).exclude(catalogue=""))
    periods = [Period.get("year", y) for y in range(2015, 2021)]  # each save a figure of its own
    errors: list[str] = []
    go = threading.Event()

    def writer(k: int) -> None:
        go.wait()
        try:
            for s in range(saves):
                n = k * saves + s
                ind, period = measured[n % len(measured)], periods[n // len(measured) % len(periods)]
                try:
                    workflow.enter(officers2[k], unit=b2, indicator=ind, period=period, text=str(100 + s), version=None)
                except workflow.ConflictError:
                    pass  # two writers on one figure: refused by version, as designed — not a lock
                except Exception as exc:  # noqa: BLE001 - every other failure is what we count
                    errors.append(f"{type(exc).__name__}: {exc}")
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(writers)]
    for t in threads:
        t.start()
    started = time.perf_counter()
    go.set()
    during = importer.import_document(doc, unit=a2, user=leader2)
    t_during = time.perf_counter() - started
    for t in threads:
        t.join()
    return {"database": connection.vendor, "lines": lines, "figures_found": len(doc.actuals),
            "saved_alone": alone.saved, "saved_during": during.saved, "writers": writers,
            "saves_tried": writers * saves, "errors": len(errors), "error_samples": errors[:3],
            "read_s": round(t_read, 2), "import_alone_s": round(t_alone, 2), "prepare_alone_s": round(t_prepare, 2), "import_during_s": round(t_during, 2),
            "ratio_during_to_alone": round(t_during / t_alone, 2) if t_alone else None}


if __name__ == "__main__":
    args = [int(x) for x in sys.argv[1:4]]
    setup_django()
    print(json.dumps(run(*args), ensure_ascii=False, indent=2))
