"""The jobs KTXH runs in the background (``queue.enqueue(tasks.…, …)``); plain JSON arguments.

- ``import_file``: a large report or plan (.docx, .pdf, .xlsx, .txt) imported for a commune, as the import page does.
- ``province_documents``: the báo cáo and Biểu 01–02 of every commune of a province for a period,
  in one .zip under ``$KTXH_DATA_DIR/exports``.
- ``refresh_rollup``: the province roll-ups of a period computed once, so that the servers find them
  in the shared cache.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from django.conf import settings

from .queue import progress


def import_file(path: str, unit_id: int, user_id: int, source: str = "hdnd") -> dict:
    """Import the file at ``path`` for the commune ``unit_id`` as ``user_id`` (with their rights)."""
    from django.contrib.auth import get_user_model

    from ktxh.reader import read_document
    from ktxh.web.data.tracking import importer
    from ktxh.web.metadata.units.models import AdminUnit

    unit = AdminUnit.objects.select_related("parent").get(pk=unit_id)
    user = get_user_model().objects.get(pk=user_id)
    progress(0, 2, f"Đang đọc {Path(path).name}")
    doc = read_document(Path(path))
    progress(1, 2, f"Đang nhập vào kế hoạch của {unit}")
    result = importer.import_document(doc, unit=unit, user=user, source=source)
    progress(2, 2, "Đã nhập xong")
    return {"plans": [p.pk for p in result.plans], "targets": result.targets, "actuals": result.actuals, "message": result.message(),
            "key_tasks": result.key_tasks, "skipped": result.skipped}


def _slug(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "-", text).strip("-").lower()


def province_documents(province_id: int, period_text: str) -> dict:
    """Every standing commune's report for ``period_text`` (``nam:2024``, ``6-thang:2025``…), zipped.
    A commune without a plan or figures for the period is listed in ``skipped`` with the reason."""

    from ktxh.core.errors import KtxhError
    from ktxh.documents import build_report, build_tables_xlsx
    from ktxh.web.data.tracking.models import Period
    from ktxh.web.metadata.units.models import AdminUnit, Level
    from ktxh.web.reports import adapter

    province = AdminUnit.objects.get(pk=province_id, level=Level.PROVINCE)
    kind, year, end_year = adapter.parse_period(period_text)
    ends = Period.bounds(kind, year, None, end_year)[1]
    communes = list(AdminUnit.objects.standing(ends).filter(parent=province, level=Level.COMMUNE).order_by("code"))
    out_dir = Path(settings.DATA_DIR) / "exports"
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"van-ban-{_slug(province.code)}-{_slug(period_text)}.zip"
    tmp = path.with_name(f".{path.name}.tmp")
    written, skipped = 0, []
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, unit in enumerate(communes):
            progress(n, len(communes), f"{unit}")
            try:
                data = adapter.data_for(unit.code, period_text)
                zf.writestr(f"bao-cao-{_slug(unit.code)}.docx", build_report(data))
                zf.writestr(f"bieu-{_slug(unit.code)}.xlsx", build_tables_xlsx(data))
                written += 1
            except KtxhError as exc:
                skipped.append(f"{unit}: {exc.message}")
    tmp.replace(path)
    progress(len(communes), len(communes), "Đã lập xong")
    return {"path": str(path), "communes": len(communes), "written": written, "skipped": skipped}


def refresh_rollup(period_id: int) -> dict:
    """Compute the roll-up of every province for the period into the (shared) cache."""
    from ktxh.web.analytics import rollup
    from ktxh.web.data.tracking.models import Period
    from ktxh.web.metadata.units.models import AdminUnit, Level

    period = Period.objects.get(pk=period_id)
    provinces = list(AdminUnit.objects.filter(level=Level.PROVINCE).order_by("code"))
    communes = 0
    for n, province in enumerate(provinces):
        progress(n, len(provinces), f"{province}")
        communes += len(rollup.commune_counts(period, province=province))
        rollup.field_counts(period, province=province)
    progress(len(provinces), len(provinces), "Đã tổng hợp xong")
    return {"period": period.code, "provinces": len(provinces), "communes": communes}
