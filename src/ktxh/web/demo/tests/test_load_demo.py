"""The demo province: five wards from the seeds, loaded once through the importer and reviewed."""

import io
from decimal import Decimal

from django.contrib.auth import get_user_model

from ktxh.web.data.tracking.models import Actual
from ktxh.web.demo import load
from ktxh.web.metadata.plans.models import Plan
from ktxh.web.metadata.units.models import AdminUnit
from ktxh.web.tests.factories import Api


def test_demo_loads_once_and_the_api_shows_luong_son_plan_actuals_and_evaluation(db):
    assert load.load_demo() is True
    assert load.load_demo() is False
    wards = AdminUnit.objects.filter(parent__code="DEMO", level="commune")
    assert sorted(wards.values_list("name", flat=True)) == ["Hương Xuân", "Lê Lợi", "Lương Sơn", "Nhơn Hưng", "Điện Nam Đông"]
    assert not Plan.objects.filter(status="draft").exists()
    assert not Actual.objects.exclude(status="approved").exists()

    api = Api()
    token = api.post("/token", {"username": "tinh.xem", "password": load.PASSWORD}).json()["token"]
    api.headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    luong_son = AdminUnit.objects.get(name="Lương Sơn")
    (plan,) = api.get("/plans", unit_id=luong_son.pk).json()["items"]
    assert (plan["kind"], plan["start_year"], plan["end_year"], plan["status"]) == ("term", 2021, 2025, "approved")
    actuals = api.get("/actuals", unit_id=luong_son.pk, limit=100).json()["items"]
    # "Tổng sản lượng lương thực cây có hạt năm 2022 đạt 5.933,3tấn/ 5.795,9 tấn bằng 102,37% kế hoạch."
    # one catalogue indicator (its catalogue name) for the four years
    grain = [a for a in actuals if a["indicator_name"] == "Tổng sản lượng lương thực có hạt"]
    # 2021 and 2022 from the yearly table; 2020 (the base) and 2023 (estimated) from the mid-term
    # report's sentences, as examples/luong-son-2021-2025.json quotes them.
    assert {(a["period_label"], Decimal(a["value"])) for a in grain} == {
        ("Năm 2020", Decimal("5551.1")), ("Năm 2021", Decimal("6031")), ("Năm 2022", Decimal("5933.3")),
        ("Năm 2023", Decimal("5814.7")),
    }
    period = next(a["period_id"] for a in grain if a["period_label"] == "Năm 2022")
    ev = api.get(f"/plans/{plan['id']}/evaluation", period_id=period).json()
    row = next(r for r in ev["rows"] if r["indicator_name"] == "Tổng sản lượng lương thực có hạt")
    assert (row["actual_text"], row["target_text"], row["status_label"], Decimal(row["percent_of_plan"])) == (
        "5.933,3", "5.795,9 tấn", "vượt", Decimal("102.37")
    )
    # "Thu ngân sách nhà nước năm 2022: 5.514.602.916đ/2.813.000.000đ đạt 196,0%"
    revenue = next(r for r in ev["rows"] if r["indicator_name"] == "Tổng thu ngân sách nhà nước trên địa bàn")
    assert Decimal(revenue["percent_of_plan"]) == Decimal("196.04")
    assert ev["sentence"] == "Kết quả thực hiện 03 chỉ tiêu kinh tế - xã hội năm 2022: có 03 chỉ tiêu vượt."


def test_demo_officers_enter_only_their_fields(db):
    load.load_demo()
    me = Api(get_user_model().objects.get(username="luongson.kinhte")).get("/me").json()
    assert me["role"] == "officer" and me["unit_name"] == "Phường Lương Sơn"
    assert me["field_ids"]


def test_each_ward_signs_as_its_own_document_does(db):
    """The signature block and Nơi nhận of a demo report are the seed's, not an account's label."""
    from ktxh.web.reports.adapter import signer_and_recipients

    load.load_demo()
    signer, recipients = signer_and_recipients(AdminUnit.objects.get(name="Lương Sơn"))
    assert (signer.name, signer.title) == ("Dương Thị Lưu", "CHỦ TỊCH")  # 002's "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"
    assert recipients[0] == "UBND TP (b/c);" and recipients[-1] == "Lưu: VP-UB."
    signer, _ = signer_and_recipients(AdminUnit.objects.get(name="Lê Lợi"))
    assert signer.name == "Lê Xuân Trường"


def test_a_ward_whose_plan_states_its_general_objective_plans_next_year_with_it(db):
    """Seed 004 (Lê Lợi, kế hoạch 2024) opens with "1. Mục tiêu tổng quát": the plan for next year the
    demo writes from the 2023 report says it, not a sentence made from the figures."""
    import docx

    from ktxh.documents import build_plan
    from ktxh.web.data.tracking.models import Period
    from ktxh.web.metadata.plans.models import Plan
    from ktxh.web.reports import adapter

    load.load_demo()
    plan = Plan.objects.get(unit__name="Lê Lợi", start_year=2023, kind="annual")
    blob = build_plan(adapter.report_data(plan, Period.objects.get(code="year:2023"), "ke-hoach"))
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(blob)).paragraphs)
    assert "Năm 2024, là năm thứ tư thực hiện Nghị quyết Đại hội Đảng bộ phường khóa XII" in text
    assert "các hộ sản xuất, kinh doanh phát triển ổn định" in text


def _words(text: str) -> str:
    """A seed's text as the key tasks quote it: its Markdown emphasis out, its spaces collapsed."""
    return " ".join(text.replace("*", "").split())


def test_every_ward_has_the_key_tasks_its_own_seed_states_quoted_from_it(db):
    """Only Lê Lợi's seed has a Biểu 01 the importer reads; the other wards' seeds state their key tasks in
    their "nhiệm vụ và giải pháp", programmes and reported works. Each is quoted, at the line it names."""
    import json

    from ktxh.web.metadata.plans.models import KeyTask

    wards = {w.slug: w for w in load.WARDS}
    listed = json.loads(load.KEY_TASKS.read_text(encoding="utf-8"))["wards"]
    assert set(listed) == set(wards)
    for slug, tasks in listed.items():
        (seed,) = load.SEEDS.glob(f"{wards[slug].seed}_*.txt")
        lines = seed.read_text(encoding="utf-8").splitlines()
        for task in tasks:
            at = _words(lines[task["line"] - 1])
            assert _words(task["content"]) in at, (slug, task["content"][:60])
            assert _words(task.get("result", "")) in at, (slug, task["result"][:60])
    load.load_demo()
    for w in load.WARDS:
        plans = Plan.objects.filter(unit__code=w.code)
        assert KeyTask.objects.filter(plan__in=plans).exists(), w.name
        for plan in plans:
            assert plan.key_tasks.exists(), (w.name, plan.start_year)
            contents = [k.content for k in plan.key_tasks.all()]
            assert len(contents) == len(set(contents)), (w.name, plan.start_year)
    nhon_hung = KeyTask.objects.get(plan__unit__code="DEMO-04", content__startswith="Công tác cài đặt định danh")
    assert nhon_hung.plan.start_year == 2023 and nhon_hung.result.startswith("Hướng dẫn công dân đăng ký tài khoản")
