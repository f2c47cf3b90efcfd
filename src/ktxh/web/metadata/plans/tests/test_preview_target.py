"""The JSON preview of a target's reading, asked while typing (no second parser in the browser)."""

from ktxh.web.tests.pages import signed_in


def test_reading_of_vietnamese_targets(w):
    c = signed_in(w.leader)
    d = c.get("/ke-hoach/xem-truoc/", {"indicator": w.poor.pk, "text": "> 99%"}).json()
    assert d == {"ok": True, "description": "lớn hơn 99% (càng thấp càng tốt)", "kind": "min", "parts": [],
                 "warnings": []}
    d = c.get("/ke-hoach/xem-truoc/", {"indicator": w.grain.pk, "text": "14 – 15%"}).json()
    assert d["ok"] and d["kind"] == "range" and d["description"].startswith("từ 14% đến 15%")


def test_empty_target_gives_the_core_message(w):
    d = signed_in(w.leader).get("/ke-hoach/xem-truoc/", {"indicator": w.grain.pk, "text": "  "}).json()
    assert d == {"ok": False, "error": "Chỉ tiêu trống: hãy ghi nội dung chỉ tiêu."}


def test_a_target_without_a_figure_is_read_as_qualitative_with_a_warning(w):
    d = signed_in(w.leader).get("/ke-hoach/xem-truoc/", {"indicator": w.grain.pk, "text": "Giữ vững"}).json()
    assert d["ok"] and d["kind"] == "qualitative"
    assert d["warnings"] == ["Chỉ tiêu không nêu số đo được: đánh giá bằng nhận xét (đạt / không đạt)."]


def test_needs_an_indicator_and_a_session(client, w):
    assert signed_in(w.leader).get("/ke-hoach/xem-truoc/", {"text": "> 99%"}).status_code == 400
    assert client.get("/ke-hoach/xem-truoc/", {"indicator": w.poor.pk, "text": "> 99%"}).status_code == 302


def test_a_target_typed_in_dong_for_an_indicator_in_trieu_dong_is_read_in_trieu(w):
    """Seed 003's "Thu nhập bình quân đầu người: 64.000.000 đồng/người/năm" for the catalogue's indicator
    in triệu đồng/người/năm: 64 of them, not 64 million (the evaluator compared a 64 to 64 000 000)."""
    from ktxh.web.metadata.plans.models import Indicator, Target

    income = Indicator.objects.create(code="thu-nhap-thu", name="Thu nhập bình quân đầu người",
                                      unit="triệu đồng/người/năm", field=w.econ, aggregation="average", decimals=1)
    d = signed_in(w.leader).get("/ke-hoach/xem-truoc/", {"indicator": income.pk,
                                                        "text": "Thu nhập bình quân đầu người: 64.000.000 đồng/người/năm"}).json()
    assert d["ok"] and d["description"].startswith("bằng 64 triệu đồng/người/năm"), d
    target = Target(plan=w.plan, indicator=income, text="từ 60.000.000 - 65.000.000 đồng/người/năm")
    core = target.core_target()
    assert (core.low, core.high) == (60, 65)
