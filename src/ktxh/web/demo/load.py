"""Load the demo province once: five wards, their plans and figures read from the seeds.

The seeds are the real documents (kept in ``seeds/`` beside this module); they go
through ``ktxh.reader`` and the importer exactly as an uploaded file would, then the
demo users review them the way people do: officers submit the figures of their fields,
the ward's leader approves figures and plans. Codes are demo codes, not official ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from ktxh.reader import read_document
from ktxh.web.accounts.models import Membership, Role
from ktxh.web.data.tracking import importer, workflow
from ktxh.web.data.tracking.models import Actual, ActualStatus
from ktxh.web.demo import places
from ktxh.web.metadata.plans import services
from ktxh.web.metadata.plans.models import Field, PlanStatus
from ktxh.web.metadata.units.models import AdminUnit

SEEDS = Path(__file__).resolve().parent / "seeds"
PASSWORD = "ktxh-demo"
PROVINCE = ("DEMO", "Tỉnh Mẫu (dữ liệu thử)")
ECONOMY_FIELDS = ("kinh-te", "moi-truong")


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
        result = importer.import_document(read_document(path), unit=ward, user=leader, source=w.source)
        got = (result.plan.kind, result.plan.start_year, result.plan.end_year)
        if got != (w.kind, w.start, w.end):
            raise RuntimeError(f"Văn bản mẫu {w.seed} ({w.name}) đọc ra kế hoạch {got}, không phải {(w.kind, w.start, w.end)}.")
        # Fields now exist (the importer made them): give each officer theirs.
        fields = list(Field.objects.all())
        officers["kinhte"].fields.set([f for f in fields if f.code in ECONOMY_FIELDS])
        officers["vanhoa"].fields.set([f for f in fields if f.code not in ECONOMY_FIELDS])
        people = {k: m.user for k, m in officers.items()}
        _review(ward, leader, people, result.plans)
    # Fields made by later imports belong to the officers of earlier wards too.
    fields = list(Field.objects.all())
    for m in Membership.objects.filter(role=Role.OFFICER, unit__parent=province):
        economy = m.user.username.endswith(".kinhte")
        m.fields.set([f for f in fields if (f.code in ECONOMY_FIELDS) == economy])
    return True


def _review(ward, leader, officers, plans) -> None:
    """What the ward's people do after an import: submit and approve every figure, approve the plans."""
    for actual in Actual.objects.filter(unit=ward, status=ActualStatus.DRAFT).select_related("indicator__field", "unit__parent", "period"):
        officer = _officer_for(actual, officers)
        sent = workflow.submit(officer, actual, version=actual.version)
        workflow.approve(leader, sent, version=sent.version)
    for plan in plans:
        if plan.status == PlanStatus.DRAFT and plan.targets.exists():
            services.approve_plan(leader, plan)
