"""What an official document needs, as small frozen dataclasses, and how to read them from JSON.

No Django here: the web app fills these from its database in a thin adapter, the CLI
reads them from a JSON file (``report_from_dict``; the format is in docs/documents.md).
Figures are Decimals; texts are Vietnamese as they will be printed.

>>> data = report_from_dict({
...     "issuer": {"upper": "UBND THÀNH PHỐ SÔNG CÔNG", "name": "UBND PHƯỜNG LƯƠNG SƠN", "place": "Lương Sơn"},
...     "signer": {"name": "Dương Thị Lưu"},
...     "period": {"kind": "nam", "year": 2022},
...     "fields": [{"code": "kinh-te", "name": "Lĩnh vực kinh tế", "rows": [
...         {"name": "Tổng sản lượng lương thực cây có hạt", "unit": "tấn",
...          "plan": "5.795,9", "actual": "5.933,3", "previous": "6.031"}]}],
... })
>>> row = data.fields[0].rows[0]
>>> row.plan, row.actual, row.previous, row.target_or_plan
(Decimal('5795.9'), Decimal('5933.3'), Decimal('6031'), '5.795,9')
>>> data.period.phrase, data.period.previous_phrase
('năm 2022', 'năm 2021')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from typing import Any

from ktxh.core.errors import KtxhError
from ktxh.core.evaluate import evaluate
from ktxh.core.model import Evaluation, Target, TargetKind
from ktxh.core.numbers import format_number, parse_number
from ktxh.core.review import Review, TermSeries, review_all, summary_sentence
from ktxh.core.targets import parse_target


class DocumentDataError(KtxhError):
    """Data that cannot make a document: a missing or malformed field, named in Vietnamese."""


class PeriodKind(StrEnum):
    """Reporting periods of a commune's socio-economic report."""

    SIX_MONTHS = "6-thang"
    NINE_MONTHS = "9-thang"
    YEAR = "nam"
    MIDTERM = "giua-ky"
    TERM = "nhiem-ky"


@dataclass(frozen=True)
class Period:
    """The period reported on.

    ``year`` is the reporting year; ``start_year``/``end_year`` bound the five-year
    plan (giữa kỳ: "giai đoạn 2021-2025") or the term (nhiệm kỳ: "2016-2021").
    """

    kind: PeriodKind
    year: int
    start_year: int | None = None
    end_year: int | None = None

    @property
    def span(self) -> str:
        return f"{self.start_year}-{self.end_year}"

    @property
    def phrase(self) -> str:
        """How a sentence names the period: "6 tháng đầu năm 2023", "năm 2022"."""
        return {
            PeriodKind.SIX_MONTHS: f"6 tháng đầu năm {self.year}",
            PeriodKind.NINE_MONTHS: f"9 tháng năm {self.year}",
            PeriodKind.YEAR: f"năm {self.year}",
            PeriodKind.MIDTERM: f"giai đoạn {self.start_year}-{self.year}" if self.year > (self.start_year or 0)
            else f"năm {self.year}",
            PeriodKind.TERM: f"nhiệm kỳ {self.span}",
        }[self.kind]

    @property
    def previous_phrase(self) -> str:
        """What the growth is measured against: "cùng kỳ năm 2022", "năm 2021", "năm 2020"."""
        if self.kind in (PeriodKind.SIX_MONTHS, PeriodKind.NINE_MONTHS):
            return f"cùng kỳ năm {self.year - 1}"
        if self.kind is PeriodKind.YEAR:
            return f"năm {self.year - 1}"
        return f"năm {(self.start_year or self.year) - 1}"

    @property
    def next_phrase(self) -> str:
        """The period the directions are for: "6 tháng cuối năm 2023", "năm 2023"."""
        return {
            PeriodKind.SIX_MONTHS: f"6 tháng cuối năm {self.year}",
            PeriodKind.NINE_MONTHS: f"3 tháng cuối năm {self.year}",
            PeriodKind.YEAR: f"năm {self.year + 1}",
            PeriodKind.MIDTERM: f"những năm còn lại của giai đoạn {self.span}",
            PeriodKind.TERM: f"nhiệm kỳ {self.end_year}-{(self.end_year or 0) + 5}",
        }[self.kind]


@dataclass(frozen=True)
class Issuer:
    """The issuing body (cơ quan ban hành) and the body above it, in capitals as printed.

    ``place`` opens the date line ("Lương Sơn, ngày … tháng … năm 2023"); ``code`` is the
    body's abbreviation in the document number ("…/BC-UBND").
    """

    upper: str
    name: str
    place: str
    code: str = "UBND"

    @property
    def short_name(self) -> str:
        """How a sentence names the body: kinds of unit in lower case, proper names capitalised.

        >>> Issuer("UBND THÀNH PHỐ SÔNG CÔNG", "UBND PHƯỜNG LƯƠNG SƠN", "Lương Sơn").short_name
        'UBND phường Lương Sơn'
        >>> Issuer("UBND HUYỆN X", "ỦY BAN NHÂN DÂN THỊ TRẤN NAM PHƯỚC", "Nam Phước").short_name
        'Ủy ban nhân dân thị trấn Nam Phước'
        """
        words = self.name.split()
        out: list[str] = []
        i = 0
        if words[:1] == ["UBND"]:
            out, i = ["UBND"], 1
        elif [w.upper() for w in words[:4]] == ["ỦY", "BAN", "NHÂN", "DÂN"]:
            out, i = ["Ủy ban nhân dân"], 4
        rest = " ".join(words[i:])
        for kind in _UNIT_KINDS:
            if rest.upper().startswith(kind + " "):
                out.append(kind.lower())
                rest = rest[len(kind) + 1 :]
                break
        out.extend(w.capitalize() for w in rest.split())
        return " ".join(out)


_UNIT_KINDS = ("THỊ TRẤN", "THỊ XÃ", "THÀNH PHỐ", "PHƯỜNG", "XÃ", "QUẬN", "HUYỆN", "TỈNH")


@dataclass(frozen=True)
class Signer:
    """Who signs, and in what capacity: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH", or for a deputy
    "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" (``on_behalf``)."""

    name: str
    authority: str = "TM. ỦY BAN NHÂN DÂN"
    title: str = "CHỦ TỊCH"
    on_behalf: str = ""

    @classmethod
    def of(cls, name: str, title: str, authority: str = "TM. ỦY BAN NHÂN DÂN") -> Signer:
        """The signer for a title: a Phó Chủ tịch signs "KT. CHỦ TỊCH".

        >>> Signer.of("Nguyễn Văn A", "Phó Chủ tịch").on_behalf
        'KT. CHỦ TỊCH'
        """
        deputy = title.strip().upper().startswith("PHÓ")
        return cls(name, authority or "TM. ỦY BAN NHÂN DÂN", (title or "CHỦ TỊCH").upper(),
                   "KT. CHỦ TỊCH" if deputy else "")


@dataclass(frozen=True)
class Row:
    """One indicator (chỉ tiêu) of a field.

    ``target_text`` is the target as written ("> 99%", "Từ 0,7 - 0,9%"), parsed by
    ``ktxh.core.targets.parse_target``; when it is empty the plan figure is the target.
    ``plan`` is the plan figure (kế hoạch) when it is not in the text, e.g. what the
    upper level assigns for "đạt và vượt chỉ tiêu giao". ``actual`` is a Decimal, or
    "đạt"/"không đạt" for a qualitative target; ``previous`` is the same period's actual a
    year before (or the base year's, for giữa kỳ / nhiệm kỳ). ``estimate`` marks an
    estimated actual ("ước đạt"). ``direction`` "up"/"down" overrides the inferred one.

    ``evaluation`` is the one evaluator's verdict (status, % of plan, the base it used):
    the web app passes the dashboard's own (``evaluate_plan``), a JSON file gets it from
    :func:`evaluated`. The documents print it and never evaluate again. In a next year's
    plan, ``actual`` is this year's result and ``proposed`` marks a target the trend
    proposes where no plan has one yet ("đề xuất"). ``decimals`` are the indicator's display
    decimals (``ktxh.core.numbers.figure_decimals``): None shows each figure as stored.
    """

    name: str
    unit: str = ""
    target_text: str = ""
    plan: Decimal | None = None
    actual: Decimal | str | None = None
    previous: Decimal | None = None
    estimate: bool = False
    direction: str | None = None
    evaluation: Evaluation | None = None
    proposed: bool = False
    decimals: int | None = None

    @property
    def target_or_plan(self) -> str:
        if self.target_text:
            return self.target_text
        return format_number(self.plan) if self.plan is not None else ""  # exact: it is parsed as the target


@dataclass(frozen=True)
class Field:
    """A field (lĩnh vực) and its indicators; ``code`` keys its narrative ("linh-vuc/<code>")."""

    code: str
    name: str
    rows: tuple[Row, ...] = ()


@dataclass(frozen=True)
class KeyTask:
    """A key task (nhiệm vụ trọng tâm) and what came of it, for Biểu số 01."""

    content: str
    result: str = ""
    assigned_by: str = ""


@dataclass(frozen=True)
class Assessment:
    """Đánh giá chung: strengths, limitations and their causes, one paragraph each."""

    strengths: tuple[str, ...] = ()
    limitations: tuple[str, ...] = ()
    causes: tuple[str, ...] = ()


@dataclass(frozen=True)
class TaskGroup:
    """Nhiệm vụ, giải pháp of one field: its heading and one paragraph per task."""

    field: str
    tasks: tuple[str, ...] = ()


@dataclass(frozen=True)
class NextPlan:
    """The next year's plan (Kế hoạch phát triển kinh tế - xã hội năm sau).

    ``fields`` hold the new targets (``Row`` with ``target_text``, or ``plan``; ``actual``
    this year's result when known; ``proposed`` when the trend proposes it); ``tasks`` are
    the nhiệm vụ và giải pháp, one paragraph each, and ``task_groups`` the same by field.
    """

    year: int
    general_objective: str = ""
    fields: tuple[Field, ...] = ()
    tasks: tuple[str, ...] = ()
    task_groups: tuple[TaskGroup, ...] = ()


@dataclass(frozen=True)
class TermReview:
    """Đánh giá khả năng thực hiện các chỉ tiêu Nghị quyết: the term targets as ``ktxh.core.review`` judged them.

    Printed in the giữa kỳ and nhiệm kỳ reports only. ``names`` (optional, one per review)
    name the indicators in the table, else the target's own words; ``period`` words the
    summary sentence ("giai đoạn 2021 - 2025"). Build it from the series with
    :meth:`from_series`, never by computing a review here.
    """

    reviews: tuple[Review, ...]
    deadline: int
    names: tuple[str, ...] = ()
    period: str = ""
    decimals: tuple[int | None, ...] = ()  # each indicator's display decimals (None: as given, at most two)

    @classmethod
    def from_series(cls, items: Iterable[tuple[Target, TermSeries | None]], *, deadline: int,
                    names: Iterable[str] = (), period: str = "") -> TermReview:
        return cls(tuple(review_all(items)), deadline, tuple(names), period)

    def places(self, index: int) -> int | None:
        return self.decimals[index] if index < len(self.decimals) else None

    def name(self, index: int) -> str:
        if index < len(self.names) and self.names[index]:
            return self.names[index]
        target = self.reviews[index].target
        return target.label or target.text

    @property
    def summary(self) -> str:
        return summary_sentence(self.reviews, period=self.period)


# Section ids whose officer-written text the documents print (see ``ReportData.narratives``).
SECTION_OPENING = "mo-dau"
SECTION_RESULTS = "ket-qua"
SECTION_ASSESSMENT = "danh-gia-chung"
SECTION_DIRECTIONS = "phuong-huong"
SECTION_OBJECTIVE = "muc-tieu-tong-quat"
SECTION_REVIEW = "kha-nang-dat"
SECTION_KEY_TASKS = "nhiem-vu-trong-tam"
SECTION_STRENGTHS = "danh-gia-chung/uu-diem"
SECTION_LIMITATIONS = "danh-gia-chung/han-che"
SECTION_CAUSES = "danh-gia-chung/nguyen-nhan"
SECTION_TASKS = "nhiem-vu-giai-phap"
SECTION_PLAN_ASSESSMENT = "ke-hoach/danh-gia"
# Sections of prose: an officer's text replaces the generated one (it was prefilled with it).
# The others (the results, field by field) print the officer's text before the generated
# figures, so that the figures stay the evaluator's and are checked.
PROSE_SECTIONS = (SECTION_OPENING, SECTION_KEY_TASKS, SECTION_STRENGTHS, SECTION_LIMITATIONS, SECTION_CAUSES,
                  SECTION_DIRECTIONS, SECTION_OBJECTIVE, SECTION_TASKS, SECTION_PLAN_ASSESSMENT)


def field_section(code: str) -> str:
    return f"linh-vuc/{code}"


def evaluated(row: Row) -> Row:
    """``row`` with the core evaluator's verdict, for data with no evaluator behind it (a JSON file).

    The web app never calls this: it passes ``evaluate_plan``'s rows. Here, as there, a
    change target is measured from ``previous``; an assigned one ("đạt và vượt chỉ tiêu
    giao") from ``plan``.

    >>> r = evaluated(Row("Tổng sản lượng lương thực cây có hạt", "tấn", plan=Decimal("5795.9"),
    ...                   actual=Decimal("5933.3")))
    >>> r.evaluation.status.label, r.evaluation.percent_of_plan
    ('vượt', Decimal('102.37'))
    """
    if row.evaluation is not None:
        return row
    target = parse_target(row.target_or_plan, label=row.name, unit=row.unit or None, direction=row.direction)
    if target.kind is TargetKind.ASSIGNED and row.plan is None and row.actual is not None:
        raise DocumentDataError(
            f"Chỉ tiêu \u201c{row.name}\u201d tính theo chỉ tiêu cấp trên giao: cần số kế hoạch giao (plan).",
            field="plan", value=row.target_text)
    if target.kind is TargetKind.EXACT and row.plan is not None and row.target_text and target.low != row.plan:
        raise DocumentDataError(
            f"Chỉ tiêu \u201c{row.name}\u201d: kế hoạch {format_number(row.plan)} khác chỉ tiêu "
            f"\u201c{row.target_text}\u201d.", field="plan", value=format_number(row.plan))
    assigned = row.plan if target.kind is TargetKind.ASSIGNED else None
    try:
        evaluation = evaluate(target, row.actual, base=row.previous, assigned=assigned)
    except KtxhError as exc:
        raise DocumentDataError(f"Chỉ tiêu \u201c{row.name}\u201d: {exc.message}", field=exc.field or "actual",
                                value=exc.value) from exc
    return replace(row, evaluation=evaluation)


@dataclass(frozen=True)
class ReportData:
    """Everything one commune's report (and its next year's plan) needs.

    ``number`` is the document number, blank until the văn thư assigns it; ``day``/``month``
    are blank until signing, as the seeds print them ("ngày    tháng 6 năm 2023").
    ``basis`` opens the report ("Thực hiện Công văn số 1388/UBND-VP …"). ``narratives``
    maps a section id (``SECTION_*`` or ``field_section(code)``) to the officer's own
    paragraphs, printed before the generated figures; regenerating never touches them.
    ``term_review`` is printed by the giữa kỳ and nhiệm kỳ reports (issue 9).
    ``objective`` is the commune's mục tiêu tổng quát (its settings, or the last plan's).
    """

    issuer: Issuer
    signer: Signer
    period: Period
    fields: tuple[Field, ...] = ()
    key_tasks: tuple[KeyTask, ...] = ()
    assessment: Assessment = Assessment()
    directions: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    number: str = ""
    day: int | None = None
    month: int | None = None
    issue_year: int | None = None
    basis: str = ""
    key_tasks_title: str = ""
    objective: str = ""
    narratives: Mapping[str, str] = field(default_factory=dict)
    next_plan: NextPlan | None = None
    term_review: TermReview | None = None

    def narrative(self, section: str) -> str:
        return (self.narratives.get(section) or "").strip()


# --- from JSON -------------------------------------------------------------------------------------


def _need(d: Mapping[str, Any], key: str, where: str) -> Any:
    if not isinstance(d, Mapping):
        raise DocumentDataError(f"{where} phải là một đối tượng JSON, không phải \u201c{d!r}\u201d.", field=where,
                                value=repr(d)[:200])
    value = d.get(key)
    if value is None or value == "":
        raise DocumentDataError(f"Thiếu \u201c{key}\u201d trong {where}.", field=f"{where}.{key}", value="")
    return value


def _text(value: Any, where: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise DocumentDataError(f"{where} phải là chữ, không phải \u201c{value!r}\u201d.", field=where,
                                value=repr(value)[:200])
    return value.strip()


def _texts(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise DocumentDataError(f"{where} phải là danh sách các đoạn chữ.", field=where, value=repr(value)[:200])
    return tuple(t for i, v in enumerate(value) if (t := _text(v, f"{where}[{i}]")))


def _int(value: Any, where: str, *, optional: bool = True) -> int | None:
    if value is None or value == "":
        if optional:
            return None
        raise DocumentDataError(f"Thiếu {where}.", field=where, value="")
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise DocumentDataError(f"{where} phải là số nguyên, không phải \u201c{value!r}\u201d.", field=where,
                                value=repr(value))
    try:
        return int(value)
    except ValueError as exc:
        raise DocumentDataError(f"{where} phải là số nguyên, không phải \u201c{value}\u201d.", field=where,
                                value=str(value)) from exc


def _figure(value: Any, unit: str, where: str) -> Decimal | None:
    """A figure from JSON: a number, or a vi-VN text read by the core's one number parser."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise DocumentDataError(f"{where} phải là số, không phải \u201c{value}\u201d.", field=where, value=str(value))
    if isinstance(value, int | float):
        return Decimal(str(value))
    if not isinstance(value, str):
        raise DocumentDataError(f"{where} phải là số, không phải \u201c{value!r}\u201d.", field=where,
                                value=repr(value)[:200])
    try:
        return parse_number(value, unit=unit or None, strict=True).value
    except KtxhError as exc:
        raise DocumentDataError(f"{where}: {exc.message}", field=where, value=value) from exc


def _decimals(value: Any, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 6:
        raise DocumentDataError(f"{where} phải là số chữ số thập phân từ 0 đến 6, không phải \u201c{value}\u201d.",
                                field=where, value=str(value))
    return value


def _row(d: Mapping[str, Any], where: str) -> Row:
    name = _text(_need(d, "name", where), f"{where}.name")
    unit = _text(d.get("unit"), f"{where}.unit")
    actual_raw = d.get("actual")
    actual: Decimal | str | None
    if isinstance(actual_raw, str) and actual_raw.strip().lower() in ("đạt", "không đạt", "chưa đạt", "hoàn thành"):
        actual = actual_raw.strip()
    else:
        actual = _figure(actual_raw, unit, f"{where}.actual")
    direction = d.get("direction")
    if direction not in (None, "", "up", "down"):
        raise DocumentDataError(
            f"{where}.direction chỉ nhận \u201cup\u201d hoặc \u201cdown\u201d, không phải \u201c{direction}\u201d.",
            field=f"{where}.direction", value=str(direction))
    row = Row(
        name=name,
        unit=unit,
        target_text=_text(d.get("target"), f"{where}.target"),
        plan=_figure(d.get("plan"), unit, f"{where}.plan"),
        actual=actual,
        previous=_figure(d.get("previous"), unit, f"{where}.previous"),
        estimate=bool(d.get("estimate", False)),
        direction=direction or None,
        decimals=_decimals(d.get("decimals"), f"{where}.decimals"),
    )
    if not row.target_text and row.plan is None:
        raise DocumentDataError(f"{where} (\u201c{name}\u201d) cần \u201ctarget\u201d hoặc \u201cplan\u201d.",
                                field=f"{where}.target", value="")
    return row


def _fields(value: Any, where: str, *, evaluate_rows: bool = False) -> tuple[Field, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise DocumentDataError(f"{where} phải là danh sách lĩnh vực.", field=where, value=repr(value)[:200])
    out = []
    for i, f in enumerate(value):
        w = f"{where}[{i}]"
        rows = f.get("rows") or [] if isinstance(f, Mapping) else []
        out.append(Field(
            code=_text(_need(f, "code", w), f"{w}.code"),
            name=_text(_need(f, "name", w), f"{w}.name"),
            rows=tuple(evaluated(_row(r, f"{w}.rows[{j}]")) if evaluate_rows else _row(r, f"{w}.rows[{j}]")
                       for j, r in enumerate(rows)),
        ))
    return tuple(out)


def report_from_dict(d: Mapping[str, Any]) -> ReportData:
    """Build ``ReportData`` from the JSON format of docs/documents.md; errors name the field."""
    issuer_d = _need(d, "issuer", "dữ liệu")
    signer_d = _need(d, "signer", "dữ liệu")
    period_d = _need(d, "period", "dữ liệu")
    try:
        kind = PeriodKind(_need(period_d, "kind", "period"))
    except ValueError as exc:
        choices = ", ".join(k.value for k in PeriodKind)
        raise DocumentDataError(f"period.kind \u201c{period_d.get('kind')}\u201d không hợp lệ; chỉ nhận: {choices}.",
                                field="period.kind", value=str(period_d.get("kind"))) from exc
    period = Period(
        kind=kind,
        year=_int(_need(period_d, "year", "period"), "period.year", optional=False) or 0,
        start_year=_int(period_d.get("start_year"), "period.start_year"),
        end_year=_int(period_d.get("end_year"), "period.end_year"),
    )
    if kind in (PeriodKind.MIDTERM, PeriodKind.TERM) and not (period.start_year and period.end_year):
        raise DocumentDataError("Kỳ giữa kỳ / nhiệm kỳ cần period.start_year và period.end_year.",
                                field="period.start_year", value="")
    tasks = []
    for i, t in enumerate(d.get("key_tasks") or []):
        w = f"key_tasks[{i}]"
        tasks.append(KeyTask(_text(_need(t, "content", w), f"{w}.content"), _text(t.get("result"), f"{w}.result"),
                             _text(t.get("assigned_by"), f"{w}.assigned_by")))
    a = d.get("assessment") or {}
    if not isinstance(a, Mapping):
        raise DocumentDataError("assessment phải là đối tượng {strengths, limitations, causes}.", field="assessment",
                                value=repr(a)[:200])
    narratives = d.get("narratives") or {}
    if not isinstance(narratives, Mapping):
        raise DocumentDataError("narratives phải là đối tượng {mã phần: đoạn chữ}.", field="narratives",
                                value=repr(narratives)[:200])
    plan_d = d.get("next_plan")
    next_plan = None
    if plan_d:
        next_plan = NextPlan(
            year=_int(_need(plan_d, "year", "next_plan"), "next_plan.year", optional=False) or 0,
            general_objective=_text(plan_d.get("general_objective"), "next_plan.general_objective"),
            fields=_fields(plan_d.get("fields"), "next_plan.fields"),
            tasks=_texts(plan_d.get("tasks"), "next_plan.tasks"),
        )
    day, month = _int(d.get("day"), "day"), _int(d.get("month"), "month")
    if day is not None and not 1 <= day <= 31:
        raise DocumentDataError(f"Ngày \u201c{day}\u201d không hợp lệ.", field="day", value=str(day))
    if month is not None and not 1 <= month <= 12:
        raise DocumentDataError(f"Tháng \u201c{month}\u201d không hợp lệ.", field="month", value=str(month))
    return ReportData(
        issuer=Issuer(
            upper=_text(_need(issuer_d, "upper", "issuer"), "issuer.upper"),
            name=_text(_need(issuer_d, "name", "issuer"), "issuer.name"),
            place=_text(_need(issuer_d, "place", "issuer"), "issuer.place"),
            code=_text(issuer_d.get("code"), "issuer.code") or "UBND",
        ),
        signer=Signer.of(
            _text(_need(signer_d, "name", "signer"), "signer.name"),
            _text(signer_d.get("title"), "signer.title") or "CHỦ TỊCH",
            _text(signer_d.get("authority"), "signer.authority") or "TM. ỦY BAN NHÂN DÂN",
        ),
        period=period,
        fields=_fields(d.get("fields"), "fields", evaluate_rows=True),
        key_tasks=tuple(tasks),
        assessment=Assessment(
            strengths=_texts(a.get("strengths"), "assessment.strengths"),
            limitations=_texts(a.get("limitations"), "assessment.limitations"),
            causes=_texts(a.get("causes"), "assessment.causes"),
        ),
        directions=_texts(d.get("directions"), "directions"),
        recipients=_texts(d.get("recipients"), "recipients"),
        number=_text(d.get("number"), "number"),
        day=day,
        month=month,
        issue_year=_int(d.get("issue_year"), "issue_year"),
        basis=_text(d.get("basis"), "basis"),
        key_tasks_title=_text(d.get("key_tasks_title"), "key_tasks_title"),
        objective=_text(d.get("objective"), "objective"),
        narratives={str(k): _text(v, f"narratives.{k}") for k, v in narratives.items()},
        next_plan=next_plan,
    )
