"""Plan lists in the forms real plans use: "(1)", "1.", "a)", "-", "+", and a run-in list after
"các chỉ tiêu …:"; parenthesized numbering is never a figure."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ktxh.core.model import TargetKind
from ktxh.reader import read_text_document

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "plans"


def targets(name: str):  # type: ignore[no-untyped-def]
    return read_text_document((CORPUS / name).read_text(encoding="utf-8"), name).targets


def test_parenthesized_numbers_son_lang() -> None:
    got = targets("son-lang-2020-2025.txt")
    assert len(got) == 19
    y_te = next(t for t in got if t.target.text.startswith("Duy trì xã đạt chuẩn quốc gia về y tế"))
    assert y_te.target.kind is TargetKind.QUALITATIVE and y_te.field == "Văn hóa – xã hội"
    assert {t.field for t in got} == {"Kinh tế", "Văn hóa – xã hội", "Quốc phòng - An ninh",
                                      "Xây dựng hệ thống chính trị"}


def test_dashes_under_numbered_groups_phu_tho() -> None:
    got = targets("phu-tho-2023.txt")
    assert len(got) == 15 and [t.field for t in got].count("Môi trường") == 3


def test_run_in_lists() -> None:
    assert [t.target.text for t in targets("tan-hoa-2026.txt")] == [
        "Tổng thu ngân sách Nhà nước đạt 40,6 tỷ đồng",
        "tỷ lệ giải ngân vốn đầu tư công phấn đấu đạt 100% kế hoạch giao",
        "thu nhập bình quân đầu người đạt 78 triệu đồng/người/năm",
        "tỷ lệ hộ nghèo giảm còn 0,8%",
        "tỷ lệ gia đình văn hóa đạt 95%",
        "tỷ lệ người tham gia BHYT đạt trên 95%",
    ]
    ntl = targets("nam-tu-liem-2024.txt")
    assert len(ntl) == 8 and [t.field for t in ntl].count("Xã hội") == 4


def test_letters_and_closing_parentheses() -> None:
    # Lines of xã Sơn Lang's list, marked the other ways plans mark them.
    text = ("Các chỉ tiêu chủ yếu:\n"
            "a) Tỷ lệ lao động qua đào tạo: trên 20%.\n"
            "b) Duy trì xã đạt chuẩn quốc gia về y tế.\n"
            "3) Số trường học đạt chuẩn Quốc gia: 04 trường.\n"
            "+ Tỷ lệ tăng dân số tự nhiên hàng năm: 1,1%.\n"
            "Tổ chức thực hiện: các ngành triển khai.\n")
    got = read_text_document(text, "x.txt").targets
    assert [(t.target.kind.value, t.target.low) for t in got] == [
        ("min", 20), ("qualitative", None), ("exact", 4), ("exact", Decimal("1.1"))]


def test_report_sentences_are_not_run_in_lists() -> None:
    # Seed 003: "Thực hiện chỉ tiêu giai đoạn 3: 1.049/890 trường hợp" is a result, not a plan list.
    seeds = Path(__file__).resolve().parents[1] / "reader" / "seeds"
    doc = read_text_document(next(seeds.glob("003_*.txt")).read_text(encoding="utf-8"), "003.txt")
    assert len(doc.targets) == 24
