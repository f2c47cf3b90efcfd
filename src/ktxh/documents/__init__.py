"""Official documents from KTXH's data: Word reports and plans (Nghị định 30/2020/NĐ-CP) and Excel tables.

No Django. The web app and the CLI fill :class:`ReportData` (``data.py``; from JSON with
``report_from_dict``) and call::

    build_report(data) -> bytes        # Báo cáo kết quả thực hiện nhiệm vụ phát triển KT-XH (.docx)
    build_plan(data) -> bytes          # Kế hoạch phát triển KT-XH năm sau (.docx), needs data.next_plan
    build_tables_xlsx(data) -> bytes   # Biểu số 01 and 02 (.xlsx)

Every figure goes through ktxh.core (parse_target, evaluate, growth_rate, format_number).
"""

from .data import (
    Assessment,
    DocumentDataError,
    Field,
    Issuer,
    KeyTask,
    NextPlan,
    Period,
    PeriodKind,
    ReportData,
    Row,
    Signer,
    field_section,
    report_from_dict,
)
from .docx import build_plan, build_report
from .xlsx import build_tables_xlsx

__all__ = [
    "Assessment", "DocumentDataError", "Field", "Issuer", "KeyTask", "NextPlan", "Period", "PeriodKind",
    "ReportData", "Row", "Signer", "build_plan", "build_report", "build_tables_xlsx", "field_section",
    "report_from_dict",
]
