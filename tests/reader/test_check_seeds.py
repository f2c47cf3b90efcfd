"""`ktxh check` on the five seeds: every "a/b … p%" found and judged, the wrong ones named.

Quotes are verbatim from the seeds (tests/reader/seeds, copies of ../shared/seeds).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from ktxh.cli import main

from .conftest import finding, seed_findings, seed_path

# Every "a/b" of each seed, in order, with the percentage it states ("" when it states none).
RATIOS = {
    "000": [("4", "4", ""), ("10", "12", "")],
    "001": [("4", "24", "")],
    "002": [
        ("6031", "5926", "101,7%"), ("5933.3", "5795.9", "102,37%"), ("3182308468", "1839000000", "173,0%"),
        ("10107012476", "9822608700", "102,9%"), ("5514602916", "2813000000", "196,0%"),
        ("10206407858", "10038458242", "101,7%"), ("1930000000", "3809000000", "50,67%"),
        ("3293490000", "6056000000", "54,38%"), ("12", "21", ""), ("3050", "3345", "91,2%"),
        ("17", "21", "80,95%"), ("3011", "3318", "90,74%"), ("20", "21", "95,45%"), ("65", "65", "100%"),
    ],
    "003": [
        ("1302", "1303.5", ""), ("658", "648", "101,54%"), ("11800", "4500", "226,22%"),
        ("177000000", "340000000", "52,06%"), ("4385", "5191", "84,47%"), ("3732", "2899", "128,7%"),
        ("1049", "890", "117,64%"), ("1255", "1278", ""), ("1265", "1159", "109,15%"), ("88", "85", "103,53%"),
        ("118", "119", "99,16%"), ("261", "200", "130,5%"), ("2", "2", "100%"), ("161", "277", "58,1%"),
        ("261", "200", "130,5%"), ("2", "2", "100%"), ("5", "5", ""), ("68", "68", ""), ("3", "3", "100%"),
        ("3", "3", ""),
    ],
    "004": [("2", "2", ""), ("32", "64", "50%")],
}
WRONG_RATIOS = {("003", "226,22%"): "262,22%", ("002", "95,45%"): "95,24%", ("003", "117,64%"): "117,87%"}


@pytest.mark.parametrize("prefix", sorted(RATIOS))
def test_every_ratio_is_found_and_nothing_else(prefix: str) -> None:
    # No date ("31/10/2023"), document number ("1388/UBND-VP"), rank ("hạng 05/14") or "24/24h" among them.
    found = [
        (str(f.inputs[0]), str(f.inputs[1]), f.stated_text)
        for f in seed_findings(prefix) if f.kind in ("ratio", "progress") and len(f.inputs) == 2
    ]
    assert found == RATIOS[prefix]


@pytest.mark.parametrize("prefix", sorted(RATIOS))
def test_correct_ratios_are_ok_and_wrong_ones_give_the_true_figure(prefix: str) -> None:
    for f in seed_findings(prefix):
        if f.kind != "ratio" or len(f.inputs) != 2:
            continue
        expected = WRONG_RATIOS.get((prefix, f.stated_text))
        if expected:
            assert (f.verdict, f.computed_text) == ("wrong", expected), f.quote
        else:
            assert f.verdict == "ok", (f.quote, f.note)


def test_seed_003_trees_ratio_is_wrong() -> None:
    f = finding("003", "ratio", "226,22%", "11.800 cây/4.500 cây đạt 226,22%")
    assert f.verdict == "wrong"
    assert f.computed == Decimal("262.22")
    assert f.quote == "- Số lượng cây lâm nghiệp phân tán đã trồng là 11.800 cây/4.500 cây đạt 226,22% tỷ lệ cây sống đạt 95%."
    assert f.location.line == 22
    assert f.location.section[-1] == "1. Sản xuất nông, lâm nghiệp, thủy sản"


def test_rounded_to_the_decimals_written_is_right() -> None:
    # 3.732/2.899 = 128,73…%: "128,7" is it to one decimal.
    assert finding("003", "ratio", "128,7%", "Kích hoạt mức 02 thành công 3.732/2.899 trường hợp").verdict == "ok"
    # 6.031/5.926 = 101,77…%: "101,7" is it truncated.
    assert finding("002", "ratio", "101,7%", "6.031/5.926 tấn bằng 101,7% kế hoạch").verdict == "ok"


def test_all_ratio_forms_of_the_seeds() -> None:
    cases = [
        ("002", "101,7%", "6.031/5.926 tấn bằng 101,7% kế hoạch"),
        ("002", "91,2%", "3.050/3.345 hộ đạt gia đình văn hóa = 91,2%"),
        ("003", "103,53%", "Tỷ lệ tham gia bảo hiểm y tế đạt 88%/85% (đạt 103,53% so với chỉ tiêu)"),
        ("002", "102,37%", "5.933,3tấn/ 5.795,9 tấn bằng 102,37%"),
        ("002", "50,67%", "Ước thu ngân sách nhà nước là 1.930.000.000/3.809.000.000 đạt 50,67 %"),
    ]
    for prefix, stated, quote in cases:
        assert finding(prefix, "ratio", stated, quote).verdict == "ok", quote
    f = finding("002", "ratio", "95,45%", "Tổ dân phố đạt TDP văn hóa là 20/21 tổ = 95,45%")
    assert (f.verdict, f.computed) == ("wrong", Decimal("95.24"))


def test_percent_of_a_plan_the_document_does_not_give_is_listed_as_not_checkable() -> None:
    f = finding("002", "ratio", "100,1%", "ước đạt 5.814,7 tấn đạt 100,1% kế hoạch")
    assert (f.verdict, f.computed) == ("unverifiable", None)
    assert "không ghi số kế hoạch" in f.note
    assert finding("003", "ratio", "131%", "Chuyển đổi cây trồng 56,35 ha, đạt 131% so với KH").verdict == "unverifiable"


def test_bare_progress_keeps_its_unit() -> None:
    f = finding("001", "progress", None, "04/24 tiêu chí chưa đạt")
    assert f.verdict == "ok" and f.stated is None
    assert "tiêu chí" in f.note and f.computed == Decimal("16.67")


def test_growth_with_base_in_the_sentence_and_elsewhere() -> None:
    f = finding("002", "growth", "4,7%", "tăng 4,7% so với năm 2020 (5551,1 tấn)")
    assert f.verdict == "ok"
    # "tăng 8,6% so với năm 2020" names no figure: the 2020 figure comes from the 2023 sentence.
    f = finding("002", "growth", "8,6%", "6.031/5.926 tấn bằng 101,7% kế hoạch thành phố giao, tăng 8,6%")
    assert f.verdict == "ok" and "5.551,1" in f.note


def test_growth_without_base_is_listed_not_hidden() -> None:
    f = finding("003", "growth", "0,06%", "là 07 hộ chiếm 0,42% giảm 0.06% so với năm 2022")
    assert f.verdict == "unverifiable" and "2022" in f.note


def test_average_growth_with_multiple_reports_the_years_it_implies() -> None:
    f = finding("000", "multiple", "1,81 lần", "bình quân 9,2%/năm, gấp 1,81 lần so với năm 2015")
    assert f.quote.startswith("1. Lĩnh vực kinh tế. nền kinh tế trong nhiệm kỳ 2016 – 2021")
    assert f.verdict == "wrong"
    assert f.computed == Decimal("1.70")  # 1,092^6, from 2015 to the term's end 2021
    assert "6,74 năm" in f.note
    assert finding("000", "multiple", "1,54 lần", "bình quân 7,5%, gấp 1,54 lần").verdict == "ok"


def test_totals_with_their_parts() -> None:
    f = finding("000", "total", "5,169 tỷ đồng", "tổng mức đầu tư: 5,169 tỷ đồng, Trong đó: GTNĐ: 2,678tỷ đồng")
    assert f.verdict == "ok"  # 2,678 + 2,49 = 5,168: within the rounding of "2,49"
    f = finding("000", "total", "36 tỷ đồng", "36 tỷ đồng, trong đó nguồn ngân sách cấp trên hỗ trợ 22,4 tỷ đồng")
    assert (f.verdict, f.computed) == ("ok", Decimal("36.0"))
    f = finding("002", "total", "161 trường hợp", "Tổ chức kiểm tra 161 trường hợp xây dựng nhà ở trong đó")
    assert f.verdict == "ok"
    f = finding("002", "total", "335 con", "335 con tại 20 hộ (29 con lợn nái; 255 con lợn thịt; 51 con lợn con")
    assert f.verdict == "ok"


def test_prizes_with_unnumbered_consolation_prizes_are_not_wrong() -> None:
    f = finding("002", "total", "48 giải", "48 giải trong đó có: 14 giải nhất, 14 giải nhì, 16 giải ba")
    assert f.verdict == "unverifiable"
    assert f.computed == 44 and "nhiều" in f.note


def test_count_of_targets_by_result() -> None:
    f = finding("003", "count", "22 chỉ tiêu", "Kết quả thực hiện 22 chỉ tiêu kinh tế - xã hội năm 2023 có 06 chỉ tiêu vượt 100%")
    assert f.verdict == "ok" and f.inputs == (6, 14, 1, 1)


def test_footnote_series_against_stated_totals() -> None:
    f = finding("000", "series", "84,6 tỷ đồng", "Tổng thu ngân sách Nhà nước trong 05 năm qua là: 84,6 tỷ đồng")
    assert f.verdict == "ok"
    assert "chú thích số 8" in f.note and "Năm 2016: 7,89 tỷ" in f.note
    # Spending: the footnote's years add up to 134,59, not 64 (its "2020: 88,8 tỷ" does not fit).
    f = finding("000", "series", "64 tỷ đồng", "Tổng chi ngân sách 64 tỷ đồng")
    assert (f.verdict, f.computed) == ("wrong", Decimal("134.59"))
    assert "chú thích số 9" in f.note
    f = finding("000", "average_growth", "35%/năm", "84,6 tỷ đồng, tăng bình quân 35%/năm")
    assert f.verdict == "ok"


def test_shares_of_the_economy_add_up() -> None:
    f = finding("000", "share", None, "chiếm 51,87% trong tỷ trọng của nền kinh tế")
    assert (f.verdict, f.computed) == ("ok", Decimal("99.97"))


def test_exit_code_is_1_when_a_figure_is_wrong(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(seed_path("003"))]) == 1
    out = capsys.readouterr().out
    assert "[SAI]" in out and "262,22%" in out and "dòng 22" in out


def test_exit_code_is_0_when_none_is(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(seed_path("001"))]) == 0
    assert "0 sai" in capsys.readouterr().out


def test_json_lists_findings_with_the_required_fields(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert main(["check", "--json", str(seed_path("003")), str(seed_path("004"))]) == 1
    data = json.loads(capsys.readouterr().out)
    assert {f["verdict"] for f in data} <= {"ok", "wrong", "unverifiable"}
    for key in ("file", "kind", "verdict", "quote", "stated", "computed", "location"):
        assert all(key in f for f in data)
    wrong = [f for f in data if f["verdict"] == "wrong"]
    assert [(f["stated"], f["computed"]) for f in wrong] == [(226.22, 262.22), (117.64, 117.87)]
    assert {f["file"] for f in data} == {str(seed_path("003")), str(seed_path("004"))}


def test_html_page_to_share(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ket_qua.html"
    assert main(["check", "--html", "-o", str(out), str(seed_path("002"))]) == 1
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'lang="vi"' in page
    assert "95,24%" in page and "Tổ dân phố đạt TDP văn hóa là 20/21 tổ = 95,45%" in page


def test_shares_of_one_total_in_a_sentence_must_imply_the_same_total() -> None:
    # 73 hộ = 2,13% needs 3.411–3.435 households, 69 hộ = 1,99% needs 3.450–3.476: not checkable, but noted.
    f = finding("002", "share", "2,13%", "tổng số hộ nghèo 73 hộ = 2.13%")
    assert f.verdict == "unverifiable" and "không cùng một tổng" in f.note
    # 52 hộ = 1,53% and 72 hộ cận nghèo = 2,12% fit one total (about 3.400 households).
    assert "không cùng một tổng" not in finding("002", "share", "1,53%", "tổng số hộ nghèo 52 hộ = 1,53%").note


@pytest.mark.parametrize(
    "text",
    [
        "Kích hoạt mức 02 thành công (số liệu cập nhật đến ngày 31/10/2023).",
        "Thực hiện Công văn số 1388/UBND-VP ngày 01/6/2023 của UBND thành phố Sông Công.",
        "Thực hiện Nghị quyết số 08/NQ-HĐND ngày 26/12/2022 của Hội đồng nhân dân phường Nhơn Hưng.",
        "Tham dự Lễ công bố Nghị quyết số 721/NQ-UBTVQH15 thành lập thị xã Tịnh Biên.",
        "Số: /BC-UBND",
        "Áp dụng hệ thống quản lý chất lượng theo Tiêu chuẩn Quốc gia TCVN ISO 9001:2015.",
        "Công tác trực phòng chống thiên tai đảm bảo 24/24h.",
        "Công bố chỉ số CCHC năm 2022, Nhơn Hưng đạt hạng 05/14 đơn vị.",
    ],
)
def test_never_claims(text: str) -> None:
    from ktxh.reader.claims import claims_in_text

    assert claims_in_text(text) == []
