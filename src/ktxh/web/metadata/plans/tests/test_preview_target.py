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
