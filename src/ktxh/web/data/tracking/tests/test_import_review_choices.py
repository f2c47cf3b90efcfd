"""The import page tells the truth: every row with what it will do, the person's choices, and a
message that counts what was saved — zero saved is never a green success. The lines are seed 002's
(src/ktxh/web/demo/seeds/002_*.txt, Lương Sơn's mid-term report)."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ktxh.web.data.tracking.models import Actual
from ktxh.web.metadata.plans.models import Indicator
from ktxh.web.tests.pages import signed_in

GRAIN = "- Tổng sản lượng lương thực cây có hạt năm 2021 đạt: 6.031/5.926 tấn bằng 101,7% kế hoạch thành phố giao"
GROUPS = "- Năm 2023 có 12/21 TDP thực hiện đề án theo kế hoạch"
TEXT = f"BÁO CÁO\nTình hình thực hiện kế hoạch giai đoạn 2021-2025\n{GRAIN}\n{GROUPS}\n"


@pytest.fixture(autouse=True)
def _uploads(settings, tmp_path):
    settings.DATA_DIR = tmp_path


def _review(c, text=TEXT):
    page = c.post("/nhap-tep/", {"file": SimpleUploadedFile("bao-cao.txt", text.encode(), "text/plain")}).content.decode()
    form = {k: re.search(rf'name="{k}" value="([^"]+)"', page).group(1) for k in ("key", "name", "digest")}
    return page, form


def _messages(page: str) -> list[tuple[str, str]]:
    return re.findall(r'<li class="msg ([a-z]+)">([^<]*)', page)


def test_each_row_says_what_accepting_does(w):
    page, _ = _review(signed_in(w.leader_b))
    table = page[page.index('id="cac-dong"'):]
    assert "san-luong-luong-thuc" in table and "Năm 2021" in table and "6.031" in table
    assert "chưa khớp danh mục" in table and 'name="chon-' in table  # the person picks an indicator here
    assert 'list="danh-muc-chi-tieu"' in table


def test_a_proposed_province_indicator_is_saved_and_counted(w):
    c = signed_in(w.leader_b)
    page, form = _review(c)
    row = re.search(r'name="chon-(\d+)"', page).group(1)
    r = c.post("/nhap-tep/nhan/", {**form, f"chon-{row}": "moi", f"ten-{row}": "Số TDP thực hiện đề án trồng hoa"},
               follow=True)
    made = Indicator.objects.get(province=w.p)
    assert made.name == "Số TDP thực hiện đề án trồng hoa" and made.catalogue == ""
    (kind, text), *_ = _messages(r.content.decode())
    assert kind == "success" and "Đã lưu 2 số liệu, 2 chỉ tiêu kế hoạch, 1 chỉ tiêu mới" in text
    assert Actual.objects.filter(unit=w.b).count() == 2


def test_a_reimport_says_giong_so_da_luu_and_is_no_green_success(w):
    c = signed_in(w.leader_b)
    _page, form = _review(c)
    c.post("/nhap-tep/nhan/", form)
    page, form = _review(c)
    assert "giống số đã lưu" in page[page.index('id="cac-dong"'):]
    r = c.post("/nhap-tep/nhan/", form, follow=True)
    (kind, text), *_ = _messages(r.content.decode())
    assert kind == "warning" and "Đã lưu 0 số liệu, 0 chỉ tiêu kế hoạch, 0 chỉ tiêu mới; 2 bỏ qua vì đã có, giống số đã lưu" in text
    assert "Không có gì mới được lưu" in text


def test_an_accept_after_the_data_changed_is_refused(w):
    from ktxh.web.data.tracking import workflow

    c = signed_in(w.leader_b)
    _page, form = _review(c)
    # meanwhile the officer enters the 2021 grain figure by hand
    from ktxh.web.data.tracking.models import Period
    workflow.enter(w.officer_b, unit=w.b, indicator=w.grain, period=Period.get("year", 2021), text="6.000")
    r = c.post("/nhap-tep/nhan/", form, follow=True)
    (kind, text), *_ = _messages(r.content.decode())
    assert kind == "error" and "Dữ liệu đã thay đổi từ lúc bạn xem" in text
    assert Actual.objects.get(unit=w.b, indicator=w.grain).text == "6.000"


def test_any_choice_typed_into_the_review_is_a_choice_or_a_reason_never_a_crash(w):
    """hypothesis: whatever lands in chon-/ten-/thay- (other communes' codes, control characters,
    5 000 digits, mixed scripts), prepare → choose → apply answers with rows and reasons."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from ktxh.reader import read_document
    from ktxh.web.data.tracking import importer
    from ktxh.web.data.tracking.importing import _choices
    from ktxh.web.errors import WorkflowError

    doc = read_document(TEXT.encode(), filename="bao-cao.txt")
    texts = st.one_of(st.text(max_size=40), st.just("moi"), st.just("san-luong-luong-thuc"), st.just("9" * 5000),
                      st.just("ty-le-ho-ngheo\x00"), st.just("Số TDP 12/21 đạt"))
    keys = st.one_of(st.integers(-3, 6).map(str), st.text(max_size=6), st.just("²"))

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.dictionaries(st.builds(lambda kind, key: f"{kind}-{key}", st.sampled_from(["chon", "ten", "thay", "x"]), keys),
                           texts, max_size=6))
    def check(post):
        from django.db import transaction

        choices = _choices(post)
        prepared = importer.prepare(doc, unit=w.b, user=w.leader_b, kind="term", start_year=2021, end_year=2025)
        try:
            with transaction.atomic():
                result = importer.apply(prepared, choices)
                # every row is saved, same, kept or skipped: exactly one of them
                assert result.saved + result.same + result.kept + len(result.skipped_rows) == len(prepared.rows)
                transaction.set_rollback(True)
        except WorkflowError as exc:  # a proposed name refused, in Vietnamese
            assert exc.message

    check()
