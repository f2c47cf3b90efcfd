"""Each named rule of the claim finder (issue 15), on real sentences or the issue's own examples.

A case gives the text, the kind of claim, the stated figure and the verdict; "ok" means the checker
recomputed the figure and found it right, "wrong" that it recomputed it and found it wrong.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from ktxh.reader.claims import claims_in_text
from ktxh.reader.verify import verify

CASES = [
    # mixed units and amounts
    ("mixed units", "Thu ngân sách đạt 7 tỷ 250 triệu/9 tỷ 800 triệu đồng, đạt 73,98% dự toán.", "ratio", "73.98", "ok"),
    ("mixed units", "Thu ngân sách đạt 7 tỷ 250 triệu/9 tỷ 800 triệu đồng, đạt 79,38% dự toán.", "ratio", "79.38", "wrong"),
    ("full money", "Thu ngân sách 1.245.600.000đ/1.100.000.000đ, đạt 113,24% kế hoạch.", "ratio", "113.24", "ok"),
    # the plan word inside the pair
    ("a/KH b", "Diện tích lúa 86 ha/KH 95 ha, đạt 90,5% KH.", "ratio", "90.5", "ok"),
    ("a/KH b", "Thu từ chăn nuôi, thủy sản ước đạt 35 tỷ đồng/KH 30 tỷ đồng, đạt 116,7% KH.", "ratio", "116.7", "ok"),
    # pair and percent split by a full stop or a line break
    ("split by a full stop", "Diện tích lúa 86/95 ha. Đạt 90,53% so với kế hoạch.", "ratio", "90.53", "ok"),
    ("split by a full stop", "Trong đó lúa là 115/116 ha. Đạt 99,13% so với kế hoạch.", "ratio", "99.13", "ok"),
    ("split by a line break", "Tổng sản lượng lương thực có hạt đạt 140/165 tấn\nĐạt 86,85% kế hoạch.", "ratio", "86.85", "wrong"),
    # the percent first
    ("percent first", "Tỷ lệ thôn đạt chuẩn nông thôn mới 62,5% (45/72 thôn).", "ratio", "62.5", "ok"),
    ("percent first", "tỷ lệ thôn đạt chuẩn nông thôn mới 58,9% (66/112 thôn, tăng thêm 20 thôn)", "ratio", "58.9", "ok"),
    # a noun phrase between the pair and "chiếm"/"đạt"
    ("noun phrase", "Có 350/410 hộ chiếm 85,4%.", "ratio", "85.4", "ok"),
    ("noun phrase", "Có 25/25 thôn được công nhận thôn văn hóa, đạt 100%.", "ratio", "100", "ok"),
    ("a trên tổng số b", "khám sơ tuyển cho 652 thanh niên trên tổng số 1.661 lệnh gọi lên trạm khám, đạt 39%", "ratio", "39", "ok"),
    ("plan in parentheses", "Thu từ chăn nuôi ước đạt 35 tỷ đồng, đạt 116,6% so với kế hoạch (kế hoạch năm là 30 tỷ đồng).",
     "ratio", "116.6", "ok"),
    # a ratio of two percentages (seed 002)
    ("percent over percent", "Tỷ lệ tham gia bảo hiểm y tế đạt 88%/85% (đạt 103,53% so với chỉ tiêu)", "ratio", "103.53", "ok"),
    ("percent over percent", "Tỷ lệ tham gia bảo hiểm y tế đạt 88%/85% (đạt 105,53% so với chỉ tiêu)", "ratio", "105.53", "wrong"),
    # malformed and mixed numbers
    ("malformed 95,%", "Tiêm chủng đầy đủ 190/200 trẻ, đạt 95,%.", "ratio", "95", "ok"),
    ("dot decimal, dot thousands", "Tỷ lệ người dân tham gia Bảo hiểm y tế: 19.418/21.392 người, đạt tỷ lệ 90.77%", "ratio", "90.77", "ok"),
    # quotients
    ("a/b = c", "Thu nhập bình quân: 207.762.600.000/6476 = 32.081.933đ", "quotient", "32081933", "ok"),
    # totals
    ("a + b = c", "10.824.000.000 + 16.698.000.000 + 180.240.600.000 = 207.762.600.000đ", "total", "207762600000", "ok"),
    ("a + b = c", "10.824.000.000 + 16.698.000.000 + 180.240.600.000 = 207.726.600.000đ", "total", "207726600000", "wrong"),
    ("parts in the next sentences", "Tổng diện tích gieo trồng 96ha. Trong đó lúa 40/38ha. Đậu 25/25ha. Ngô 31/35ha.", "total", "96", "ok"),
    ("parts after Trong đó", "Tổng diện tích 355,2/355,2 ha. Trong đó: cây lương thực 198,2 ha, cây thực phẩm 140 ha, "
     "cây công nghiệp ngắn ngày 15 ha, cây công nghiệp khác 2,0 ha; cây lâu năm 229,5 ha.", "total", "355.2", "ok"),
    ("rate is no part", "tổng số hộ chăn nuôi gia súc lớn là 41.944 hộ với 125.494 con; trong đó 97.015 con trâu, "
     "22.366 con bò, 6.113 con ngựa; số đầu gia súc bình quân 2,99 con/hộ.", "total", "125494", "ok"),
    ("em and trẻ", "Có 2.655 trẻ, trong đó: trẻ 5 tuổi có 324 em, trẻ từ 6 đến 11 tuổi có 2.331 em.", "total", "2655", "ok"),
    # products
    ("area × yield = output", "Diện tích 180 ha, năng suất 62 tạ/ha, sản lượng 1.116 tấn.", "product", "62", "ok"),
    ("area × yield = output", "Cây lạc: Diện tích gieo trồng 33 ha, năng suất đạt 30 tạ/ha, sản lượng đạt 90 tấn.", "product", "30",
     "wrong"),
    ("a x b x c = d", "Tính: 41 người x 22 triệu x 12 tháng = 10.824.000.000đ", "product", "10824000000", "ok"),
    ("a x b x c = d", "4231 người x 3,55 triệu đồng/người/tháng x 12 tháng = 180.420.600.000đ", "product", "180420600000", "wrong"),
    # counts
    ("count with a colon", "Kết quả 18 chỉ tiêu: 04 vượt, 11 đạt, 02 không đạt.", "count", "18", "wrong"),
    ("count with a colon", "Kết quả 18 chỉ tiêu: 05 chỉ tiêu vượt, 11 chỉ tiêu đạt, 02 chỉ tiêu không đạt.", "count", "18", "ok"),
    ("counts as pairs", "Có 13/26 chỉ tiêu vượt kế hoạch; 10/26 chỉ tiêu đạt kế hoạch; 03/26 chỉ tiêu không đạt.", "count", "26", "ok"),
    ("counts as pairs", "Có 13/26 chỉ tiêu vượt kế hoạch; 10/26 chỉ tiêu đạt kế hoạch; 04/26 chỉ tiêu không đạt.", "count", "26",
     "wrong"),
    ("sub-count in parentheses", "Trong 25 chỉ tiêu, có 24 chỉ tiêu đạt (trong đó, có 13 chỉ tiêu vượt) và 01 chỉ tiêu không đạt.",
     "count", "25", "ok"),
    # rule "met and exceeded": the total in one sentence, its parts in the next (bach-thong-chi-tieu-2022.txt,
    # sao-vang-2025.txt in tests/corpus/reports, sources in SOURCES.md)
    ("met and exceeded", "Toàn huyện có 23 chỉ tiêu hoàn thành và vượt kế hoạch đề ra.\nCó 13/26 chỉ tiêu vượt so kế hoạch; "
     "10/26 chỉ tiêu đạt kế hoạch, toàn huyện chỉ có 03/26 chỉ tiêu không đạt.", "count", "23", "ok"),
    ("met and exceeded", "Toàn huyện có 21 chỉ tiêu hoàn thành và vượt kế hoạch đề ra.\nCó 13/26 chỉ tiêu vượt so kế hoạch; "
     "10/26 chỉ tiêu đạt kế hoạch.", "count", "21", "wrong"),
    ("met and exceeded", "Xã Sao Vàng hoàn thành và hoàn thành vượt mức 23/25 chỉ tiêu.\nTrong tổng số 25 chỉ tiêu, đã hoàn "
     "thành vượt mức kế hoạch 10/25 chỉ tiêu; có 13 chỉ tiêu hoàn thành kế hoạch. Về chỉ tiêu tỉnh giao, có 7 chỉ tiêu "
     "đạt và vượt kế hoạch.", "count", "23", "ok"),
    # rule "difference against the plan" (duc-giang-6-thang-2021.txt)
    ("difference", "- Cây lạc: Diện tích gieo trồng 33/ 31,5 ha vượt  1,5 ha so với KH, năng suất đạt 30tạ/ha.",
     "difference", "1.5", "ok"),
    ("difference", "Diện tích lúa 86/95 ha, còn thiếu 9 ha so với kế hoạch.", "difference", "9", "ok"),
    ("difference", "Diện tích lúa 86/95 ha, còn thiếu 7 ha so với kế hoạch.", "difference", "7", "wrong"),
    ("difference", "Thu ngân sách 12/10 tỷ đồng, vượt 2.000 triệu đồng so với KH.", "difference", "2000", "ok"),
    ("difference", "Diện tích lúa 86/95 ha, vượt 9 ha so với KH.", "difference", "9", "wrong"),
    # shares
    ("whole stated elsewhere", "Tổng số nhân khẩu: 6476 người. Số nhân khẩu trong độ tuổi lao động: 4525 người chiếm 69,8% "
     "tổng số nhân khẩu.", "share", "69.8", "ok"),
    ("noun phrase before chiếm", "tổng số hộ chăn nuôi là 41.944 hộ. 33.755 hộ chăn nuôi có chuồng trại đảm bảo phòng "
     "chống rét, chiếm 80,5%.", "share", "80.5", "ok"),
    ("percent-first share", "tỷ lệ thôn đạt chuẩn 58,9% (66/112 thôn); tỷ lệ thôn kiểu mẫu 1,8% (2 thôn).", "share", "1.8", "ok"),
    ("consistency", "Toàn xã có 07 hộ nghèo, chiếm 0,42%. Hộ cận nghèo 21 hộ, chiếm 1,27%.", "consistency", "1.27", "ok"),
    ("consistency", "Toàn xã có 07 hộ nghèo, chiếm 0,42%. Hộ cận nghèo 21 hộ, chiếm 1,72%.", "consistency", "1.72", "wrong"),
    # amounts in words
    ("amount in words", "Ước thu từ trồng trọt : 13.503.000.000đ (Mười ba tỷ, năm trăm linh ba triệu đồng)", "words",
     "13503000000", "ok"),
    ("amount in words", "Thu nhập bình quân 32.081.933đ (Ba mươi hai triệu, không trăm tám nghìn, chín trăm ba mươi ba đồng)",
     "words", "32008933", "wrong"),
]


@pytest.mark.parametrize("rule,text,kind,stated,verdict", CASES, ids=[f"{c[0]}:{c[3]}" for c in CASES])
def test_rule(rule: str, text: str, kind: str, stated: str, verdict: str) -> None:
    findings = [verify(c) for c in claims_in_text(text)]
    hits = [f for f in findings if f.kind == kind and f.stated == Decimal(stated)]
    assert hits, f"rule “{rule}”: no {kind} claim stating {stated} in {[(f.kind, f.stated) for f in findings]}"
    assert {f.verdict for f in hits} == {verdict}, [(f.verdict, f.note) for f in hits]
    if verdict == "ok":
        assert not [f for f in findings if f.verdict == "wrong"], [f.note for f in findings if f.verdict == "wrong"]


def test_no_figure_called_wrong_in_a_rank_or_a_date() -> None:
    text = "Công văn số 1388/UBND-VP ngày 01/6/2023, đạt hạng 05/14 đơn vị; cây công nghiệp ngắn ngày 15 ha."
    assert [verify(c).verdict for c in claims_in_text(text) if verify(c).verdict == "wrong"] == []
