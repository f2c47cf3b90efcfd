"""A figure or a target is stored exactly as typed, or refused with the field and the value named.

Issue 13 item 1: on SQLite an 18-digit figure was saved and then broke every listing; sixteen
nines became 10^16 and twenty decimals became 0 without a word; a 29-digit target was accepted and
then the plan and indicator pages answered 500; a control character in a narrative broke the Word
download. Run on PostgreSQL too: ``KTXH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/ktxh_e1``.
"""

from __future__ import annotations

import io
from decimal import Decimal

import docx
import pytest

from ktxh.web.data.tracking.models import Actual
from ktxh.web.metadata.plans.models import Target
from ktxh.web.reports.models import Narrative
from ktxh.web.tests.factories import Api
from ktxh.web.tests.pages import approved, signed_in

REFUSED = [
    ("999.999.999.999.999.999", "quá lớn"),  # 18 digits: saved, then every listing answered 500
    ("9999999999999999", "quá lớn"),  # sixteen nines: stored as 10^16
    ("9" * 19, "quá lớn"),  # 19 digits: 500 on PostgreSQL
    ("0,00000000000000000001", "20 chữ số thập phân"),  # stored as 0
    ("1,1234567", "7 chữ số thập phân"),
]
KEPT = ["999.999.999.999.999", "123.456.789,123456", "0,000001", "5.933,3"]


def _post(w, text, version=None):
    return Api(w.officer).post("/actuals", {"unit_id": w.a.pk, "indicator_id": w.grain.pk, "period_id": w.year.pk,
                                            "text": text, "version": version})


@pytest.mark.parametrize(("text", "why"), REFUSED)
def test_a_figure_the_column_cannot_hold_is_refused_with_its_field_and_value(w, text, why):
    r = _post(w, text)
    assert r.status_code == 400, r.content
    detail = r.json()["detail"]
    assert why in detail and f"“{text}”" in detail and "Tổng sản lượng lương thực" in detail
    assert r.json()["field"] == "text"
    assert not Actual.objects.exists()  # nothing half-written
    assert Api(w.leader).get("/actuals").status_code == 200


@pytest.mark.parametrize("text", KEPT)
def test_a_figure_within_the_bounds_comes_back_exactly(w, text):
    from ktxh.core.numbers import parse_number

    r = _post(w, text)
    assert r.status_code == 200, r.content
    want = parse_number(text, unit="tấn", strict=True).value
    assert Actual.objects.get().value == want
    assert Decimal(str(Api(w.leader).get("/actuals").json()["items"][0]["value"])) == want
    page = signed_in(w.officer).get(f"/xa/{w.a.pk}/chi-tieu/{w.grain.pk}/")
    assert page.status_code == 200


def test_the_entry_page_shows_the_error_beside_the_field(w):
    c = signed_in(w.officer)
    r = c.post(f"/nhap-lieu/{w.year.pk}/", {f"i{w.grain.pk}-text": "9999999999999999", f"i{w.grain.pk}-version": ""})
    body = r.content.decode()
    assert r.status_code == 200 and "quá lớn: chỉ lưu được số có tối đa 15 chữ số" in body
    assert not Actual.objects.exists()


@pytest.mark.parametrize("text", ["Đạt " + "9" * 29 + " tấn", "Đạt " + "9" * 16 + " tấn", "Đạt 0,12345678 tấn"])
def test_a_target_the_parse_cannot_hold_is_refused_on_the_api_and_the_page(w, text):
    r = Api(w.leader).post(f"/plans/{w.plan.pk}/targets", {"indicator_id": w.grain.pk, "year": 2023, "text": text,
                                                            "source": "hdnd"})
    assert r.status_code == 400, r.content
    detail = r.json()["detail"]  # the target parser's own limit or the stored parse's: both name the figure
    figure = text.split()[1]
    assert figure in detail and ("quá lớn" in detail or "chữ số thập phân" in detail), detail
    page = signed_in(w.leader).post(f"/ke-hoach/{w.plan.pk}/", {"form": "them", "indicator": w.grain.pk, "year": 2023,
                                                                 "source": "hdnd", "text": text})
    assert page.status_code == 200 and figure in page.content.decode()
    assert not Target.objects.filter(year=2023).exists()
    assert signed_in(w.leader).get(f"/ke-hoach/{w.plan.pk}/").status_code == 200


def test_pages_stand_a_huge_target_stored_before_the_bounds(w):
    """Rows written before this check (or by hand) must not take the pages down."""
    approved(w, "5.933,3")
    huge = "9" * 29
    Target.objects.filter(pk=w.target.pk).update(text=f"{huge} tấn", parsed={
        **w.target.parsed, "low": int(huge), "high": int(huge), "read_from": {**w.target.parsed["read_from"],
                                                                              "text": f"{huge} tấn"}})
    c = signed_in(w.leader)
    assert c.get(f"/ke-hoach/{w.plan.pk}/").status_code == 200
    assert c.get(f"/xa/{w.a.pk}/chi-tieu/{w.grain.pk}/").status_code == 200
    assert c.get(f"/xa/{w.a.pk}/?ke_hoach={w.plan.pk}&ky={w.year.pk}").status_code == 200


def test_a_control_character_in_a_narrative_does_not_break_the_word_download(w):
    approved(w, "5.933,3")
    w.plan.status = "approved"
    w.plan.save()
    c = signed_in(w.leader)
    url = f"/xa/{w.a.pk}/van-ban/loi-van/?ke_hoach={w.plan.pk}&ky={w.year.pk}"
    r = c.post(url, {"danh-gia-chung": "Năm 2022\x0b sản xuất\x00 nông nghiệp\x1b ổn định.\r\nTiếp tục."})
    assert r.status_code == 302
    saved = Narrative.objects.get()
    assert saved.text == "Năm 2022 sản xuất nông nghiệp ổn định.\nTiếp tục."
    r = c.get(f"/xa/{w.a.pk}/van-ban/bao-cao/?ke_hoach={w.plan.pk}&ky={w.year.pk}")
    assert r.status_code == 200
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(b"".join(r.streaming_content)
                                                          if r.streaming else r.content)).paragraphs)
    assert "Năm 2022 sản xuất nông nghiệp ổn định." in text


def test_control_characters_are_removed_from_api_text_before_storage(w):
    r = Api(w.leader).post("/plans", {"unit_id": w.a.pk, "kind": "annual", "start_year": 2024, "end_year": 2024,
                                      "title": "Kế hoạch\x0b năm\x07 2024", "legal_basis": "Nghị quyết\x00 số 08"})
    assert r.status_code == 201, r.content
    assert r.json()["title"] == "Kế hoạch năm 2024"
