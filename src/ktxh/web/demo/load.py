"""Load the demo province once: five wards, their plans and figures read from the seeds.

The seeds are the real documents (kept in ``seeds/`` beside this module); they go
through ``ktxh.reader`` and the importer exactly as an uploaded file would, then the
demo users review them the way people do: officers submit the figures of their fields,
the ward's leader approves figures and plans. Codes are demo codes, not official ones.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from ktxh.reader import read_document
from ktxh.web.accounts.models import Membership, Role
from ktxh.web.data.tracking import importer, workflow
from ktxh.web.data.tracking.models import Actual, ActualStatus, Period
from ktxh.web.demo import places
from ktxh.web.metadata.plans import catalogue, services
from ktxh.web.metadata.plans.models import Field, Indicator, PlanStatus
from ktxh.web.metadata.units.models import AdminUnit
from ktxh.web.reports.models import DocumentSettings

SEEDS = Path(__file__).resolve().parent / "seeds"
PASSWORD = "ktxh-demo"
PROVINCE = ("DEMO", "Tỉnh Mẫu (dữ liệu thử)")
# The catalogue's fields (``ktxh.catalogue``) the economy officer keeps; the other officer the rest.
ECONOMY_FIELDS = ("kinh-te", "nong-nghiep", "ngan-sach", "moi-truong")


@dataclass(frozen=True)
class Ward:
    seed: str
    code: str
    name: str
    slug: str
    kind: str  # plan kind
    start: int
    end: int
    source: str  # who set the targets the document lists


WARDS = [
    Ward("000", "DEMO-01", "Điện Nam Đông", "diennamdong", "term", 2021, 2026, "dai_hoi"),
    Ward("001", "DEMO-02", "Hương Xuân", "huongxuan", "annual", 2022, 2022, "dang_uy"),
    Ward("002", "DEMO-03", "Lương Sơn", "luongson", "term", 2021, 2025, "hdnd"),
    Ward("003", "DEMO-04", "Nhơn Hưng", "nhonhung", "annual", 2024, 2024, "ke_hoach"),
    Ward("004", "DEMO-05", "Lê Lợi", "leloi", "annual", 2024, 2024, "ke_hoach"),
]
# Lương Sơn's term targets: the seed (a mid-term report) quotes none, so the demo takes those of
# examples/luong-son-2021-2025.json (copied beside the seeds; marked there as assumed to illustrate
# the review), with the figures the report gives. Each names the indicator it measures.
TERM_FILE = SEEDS / "luong-son-2021-2025.json"
TERM_INDICATORS = {  # words the target starts with → its catalogue code (``ktxh.catalogue``)
    "Tổng sản lượng lương thực cây có hạt": "san-luong-luong-thuc",
    "Thu ngân sách nhà nước": "thu-ngan-sach",
    "Tỷ lệ hộ nghèo": "ty-le-ho-ngheo",
    "Tỷ lệ hộ cận nghèo": "ty-le-ho-can-ngheo",
    "Tỷ lệ hộ gia đình đạt chuẩn văn hóa": "ty-le-ho-van-hoa",
    "Giữ vững ổn định an ninh chính trị": "an-ninh",
}
TERM_NOTE = ("Chỉ tiêu nhiệm kỳ GIẢ ĐỊNH để minh họa đánh giá giữa kỳ (dữ liệu thử, từ "
             "examples/luong-son-2021-2025.json); số liệu lấy từ báo cáo giữa kỳ của phường.")
# Figures the seeds do not have (the years of Điện Nam Đông's term, the current year): demo figures,
# each saved with the note of the file.
DEMO_FIGURES = SEEDS / "demo-figures.json"
DEMO_NOTE = "Dữ liệu thử (số liệu mẫu, không phải số liệu thật của phường)."
# The key tasks (nhiệm vụ trọng tâm) each ward's seed states in its own words, outside a Biểu 01 table the
# importer reads (seed 004's): its "nhiệm vụ và giải pháp", its programmes, the works it reports with
# their results. Quoted, with the seed's line; ``year`` names the annual plan, null the term plan.
KEY_TASKS = SEEDS / "key-tasks.json"
# Residential groups named in seed 002 (Lương Sơn's TDP).
LUONG_SON_GROUPS = ["Soi", "Xốp", "Cừ", "Nha Làng", "Na Hoàng", "Tiến Bộ", "3 Tân Sơn", "5 Tân Sơn", "Ngân", "Sau", "Ninh Hương"]


@dataclass(frozen=True)
class Login:
    username: str
    role: str
    unit: str


def logins() -> list[Login]:
    out = [Login("tinh.kehoach", Role.PLANNER.label, PROVINCE[1]), Login("tinh.xem", Role.VIEWER.label, PROVINCE[1])]
    for w in WARDS:
        out += [
            Login(f"{w.slug}.lanhdao", Role.LEADER.label, f"phường {w.name}"),
            Login(f"{w.slug}.kinhte", Role.OFFICER.label + " (kinh tế, môi trường)", f"phường {w.name}"),
            Login(f"{w.slug}.vanhoa", Role.OFFICER.label + " (văn hóa - xã hội và các lĩnh vực khác)", f"phường {w.name}"),
        ]
    return out


def is_loaded() -> bool:
    return AdminUnit.objects.filter(code=PROVINCE[0]).exists()


def _user(username: str, full_name: str, role: str, unit: AdminUnit):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, first_name=full_name)
    return Membership.objects.create(user=user, role=role, unit=unit)


def _officer_for(actual: Actual, officers: dict[str, object]):
    return officers["kinhte"] if actual.indicator.field.code in ECONOMY_FIELDS else officers["vanhoa"]


@transaction.atomic
def load_demo() -> bool:
    """Load the demo province unless it is there already; True when it was loaded now."""
    if is_loaded():
        return False
    province = AdminUnit.objects.create(code=PROVINCE[0], name=PROVINCE[1], level="province", kind="tinh")
    _user("tinh.kehoach", "Cán bộ kế hoạch tỉnh", Role.PLANNER, province)
    _user("tinh.xem", "Người xem", Role.VIEWER, province)
    for w in WARDS:
        ward = AdminUnit.objects.create(code=w.code, name=w.name, level="commune", kind="phuong", parent=province,
                                        note=places.note(w.code))
        leader = _user(f"{w.slug}.lanhdao", f"Lãnh đạo phường {w.name}", Role.LEADER, ward).user
        officers = {
            "kinhte": _user(f"{w.slug}.kinhte", f"Công chức kinh tế phường {w.name}", Role.OFFICER, ward),
            "vanhoa": _user(f"{w.slug}.vanhoa", f"Công chức văn hóa - xã hội phường {w.name}", Role.OFFICER, ward),
        }
        if w.slug == "luongson":
            for i, name in enumerate(LUONG_SON_GROUPS, start=1):
                AdminUnit.objects.create(code=f"{w.code}-{i:02d}", name=name, level="group", kind="to_dan_pho", parent=ward)
        (path,) = SEEDS.glob(f"{w.seed}_*.txt")
        # The plan's kind and years are read from the document, as for any upload.
        document = read_document(path)
        result = importer.import_document(document, unit=ward, user=leader, source=w.source)
        # Who signs and where it goes, as the ward's own document says (blank settings only).
        DocumentSettings.fill_from(ward, document.metadata.signer, document.metadata.recipients,
                                   document.metadata.objective)
        got = (result.plan.kind, result.plan.start_year, result.plan.end_year)
        if got != (w.kind, w.start, w.end):
            raise RuntimeError(f"Văn bản mẫu {w.seed} ({w.name}) đọc ra kế hoạch {got}, không phải {(w.kind, w.start, w.end)}.")
        # Fields now exist (the importer made them): give each officer theirs.
        fields = list(Field.objects.all())
        officers["kinhte"].fields.set([f for f in fields if f.code in ECONOMY_FIELDS])
        officers["vanhoa"].fields.set([f for f in fields if f.code not in ECONOMY_FIELDS])
        people = {k: m.user for k, m in officers.items()}
        if w.slug == "luongson":
            _luong_son_term(ward, leader, people, result.plan)
        _demo_figures(w.slug, ward, people, result.plans)
        _key_tasks(w.slug, leader, result.plans)
        _review(ward, leader, people, result.plans)
    # Fields made by later imports belong to the officers of earlier wards too.
    fields = list(Field.objects.all())
    for m in Membership.objects.filter(role=Role.OFFICER, unit__parent=province):
        economy = m.user.username.endswith(".kinhte")
        m.fields.set([f for f in fields if (f.code in ECONOMY_FIELDS) == economy])
    return True


def _period(kind: str, key: str) -> Period:
    """``("year", "2021")``, ``("quarter", "2026-2")``, ``("half", "2026")`` as a period."""
    year, _, number = key.partition("-")
    return Period.get(kind, int(year), int(number) if number else None)


def _enter(ward, officers, indicator, period, text: str, note: str, *, estimate: bool = False) -> None:
    """A figure entered by the officer of its field, unless the ward has one already for that period."""
    if Actual.objects.filter(unit=ward, indicator=indicator, period=period).exists():
        return
    officer = officers["kinhte"] if indicator.field.code in ECONOMY_FIELDS else officers["vanhoa"]
    workflow.enter(officer, unit=ward, indicator=indicator, period=period, text=text, is_estimate=estimate,
                   source_note=note)


def _indicator(code: str) -> Indicator:
    """The catalogue's indicator (the demo mints none of its own)."""
    return catalogue.entry(code)


def _luong_son_term(ward, leader, officers, plan) -> None:
    """The term targets of ``TERM_FILE`` on Lương Sơn's term plan, with their yearly figures."""
    data = json.loads(TERM_FILE.read_text(encoding="utf-8"))
    for row in data["targets"]:
        (code,) = (v for k, v in TERM_INDICATORS.items() if row["target"].startswith(k))
        indicator = _indicator(code)
        services.set_target(leader, plan, indicator=indicator, text=row["target"], year=None, source="hdnd",
                            note=TERM_NOTE)
        years = dict(row.get("values") or {})
        if row.get("base"):
            years[str(row.get("base_year") or data["base_year"])] = row["base"]
        for year, text in years.items():
            note = f"Báo cáo giữa kỳ của phường (văn bản mẫu 002): {row.get('source', '')}".strip()
            text = f"{text} {row['unit']}" if row.get("unit") else text  # "3.182.308.468 đồng" in triệu đồng
            _enter(ward, officers, indicator, Period.get("year", int(year)), text, note,
                   estimate=int(year) == 2023 and "ước" in row.get("source", ""))


def _demo_figures(slug: str, ward, officers, plans) -> None:
    """The demo figures of ``DEMO_FIGURES`` for the ward's targets (named by the words their text
    starts with, or their indicator's name), each marked as demo data."""
    figures = json.loads(DEMO_FIGURES.read_text(encoding="utf-8"))["wards"].get(slug, {})
    targets = [t for plan in plans for t in plan.targets.select_related("indicator__field")]
    for words, by_kind in figures.items():
        target = next(t for t in targets if t.text.startswith(words) or t.indicator.name == words)
        for kind, values in by_kind.items():
            for key, text in values.items():
                _enter(ward, officers, target.indicator, _period(kind, key), text, DEMO_NOTE)


def _key_tasks(slug: str, leader, plans) -> None:
    """The key tasks of ``KEY_TASKS`` on the ward's plans (drafts still), added as the plan page adds them;
    one the import brought already is not added twice."""
    tasks = json.loads(KEY_TASKS.read_text(encoding="utf-8"))["wards"].get(slug, [])
    for task in tasks:
        year = task.get("year")
        plan = next(p for p in plans if (p.kind == "term" if year is None else p.kind == "annual" and p.start_year == year))
        if plan.key_tasks.filter(content=task["content"]).exists():
            continue
        services.add_key_task(leader, plan, content=task["content"], result=task.get("result", ""),
                              assigned_by=task.get("assigned_by", ""))


def _review(ward, leader, officers, plans) -> None:
    """What the ward's people do after an import: submit and approve every figure, approve the plans."""
    for actual in Actual.objects.filter(unit=ward, status=ActualStatus.DRAFT).select_related("indicator__field", "unit__parent", "period"):
        officer = _officer_for(actual, officers)
        sent = workflow.submit(officer, actual, version=actual.version)
        workflow.approve(leader, sent, version=sent.version)
    for plan in plans:
        if plan.status == PlanStatus.DRAFT and plan.targets.exists():
            services.approve_plan(leader, plan)
