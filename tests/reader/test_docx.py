"""A .docx made from a seed's text reads into the same findings as the .txt.

The .docx files are built here with python-docx: one paragraph per line, tab-separated
lines as real tables (seed 004's Biểu số 02), and, for seed 000, real Word footnotes.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal
from xml.sax.saxutils import escape

import docx
import pytest
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from ktxh.reader import check_document, read_document

from .conftest import seed_document, seed_findings, seed_path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _is_row(line: str) -> bool:
    return sum(1 for c in line.split("\t") if c.strip()) >= 2


def _cell(text: str) -> str:
    return " ".join(re.sub(r"</?[a-zA-Z][^>]*>", " ", text).split())


def docx_from_text(text: str) -> bytes:
    """One paragraph per line (blank lines too); runs of tab-separated lines become a table."""
    d = docx.Document()
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        if _is_row(lines[i]):
            rows = []
            while i < len(lines) and (("\t" in lines[i] and lines[i].strip()) or (
                    not lines[i].strip() and i + 1 < len(lines) and "\t" in lines[i + 1])):
                if lines[i].strip():
                    rows.append([_cell(c) for c in lines[i].split("\t")])
                i += 1
            table = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
            continue
        d.add_paragraph(lines[i])
        i += 1
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def docx_with_footnotes(prefix: str) -> bytes:
    """The seed's paragraphs as read, with its footnotes as real Word footnotes at their marks."""
    doc = seed_document(prefix)
    d = docx.Document()
    for p in doc.paragraphs:
        para = d.add_paragraph()
        at = 0
        for offset, number in p.footnotes:
            para.add_run(p.text[at:offset])
            run = para.add_run()
            run._r.append(parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="{number}"/>'))
            at = offset
        para.add_run(p.text[at:])
    notes = "".join(
        f'<w:footnote w:id="{f.number}"><w:p><w:r><w:t xml:space="preserve">{escape(f.text)}</w:t></w:r></w:p>'
        "</w:footnote>"
        for f in doc.footnotes
    )
    xml = (f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
           f"</w:r></w:p></w:footnote>{notes}</w:footnotes>")
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode("utf-8"), d.part.package)
    d.part.relate_to(part, RT.FOOTNOTES)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _key(findings) -> list[tuple]:
    return [(f.kind, f.verdict, f.quote, f.stated, f.computed, f.note) for f in findings]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_docx_from_seed_text_gives_the_same_findings(prefix: str) -> None:
    data = docx_from_text(seed_path(prefix).read_text(encoding="utf-8"))
    doc = read_document(data, filename=f"{prefix}.docx")
    assert doc.format == "docx"
    assert _key(check_document(doc)) == _key(seed_findings(prefix))
    txt = seed_document(prefix)
    assert [h.text for h in doc.headings] == [h.text for h in txt.headings]
    assert doc.metadata == txt.metadata


def test_docx_paragraphs_are_numbered_where_lines_are_not() -> None:
    doc = read_document(docx_from_text(seed_path("003").read_text(encoding="utf-8")), filename="003.docx")
    wrong = [f for f in check_document(doc) if f.verdict == "wrong"]
    assert wrong[0].location.line is None and wrong[0].location.paragraph is not None
    assert "đoạn" in str(wrong[0].location)


def test_seed_004_table_is_a_real_table_with_its_units() -> None:
    doc = read_document(docx_from_text(seed_path("004").read_text(encoding="utf-8")), filename="004.docx")
    table = next(t for t in doc.tables if t.caption.startswith("Biểu số 02"))
    assert table.rows[0] == ("DANH MỤC", "ĐVT", "Chỉ tiêu")
    assert ("1. Dân số", "Người", "12,575") in table.rows
    targets = {t.label: t for t in doc.targets}
    # The ĐVT column decides: "12,575" people are 12 575; "0.42" % is a fraction.
    assert targets["Dân số"].target.low == Decimal("12575")
    assert targets["Tỷ lệ hộ nghèo"].target.low == Decimal("0.42")
    assert targets["Tỷ lệ hộ nghèo"].field == "Xã hội - môi trường"
    txt_targets = [(t.field, t.label, t.target, t.unit) for t in seed_document("004").targets]
    assert [(t.field, t.label, t.target, t.unit) for t in doc.targets] == txt_targets


def test_real_word_footnotes_are_linked_like_written_ones() -> None:
    doc = read_document(docx_with_footnotes("000"), filename="000.docx")
    assert [f.text for f in doc.footnotes] == [f.text for f in seed_document("000").footnotes]
    series = [f for f in check_document(doc) if f.kind in ("series", "average_growth")]
    expected = [f for f in seed_findings("000") if f.kind in ("series", "average_growth")]
    assert _key(series) == _key(expected)
    assert [(f.verdict, f.stated_text) for f in series] == [
        ("ok", "84,6 tỷ đồng"), ("ok", "35%/năm"), ("wrong", "64 tỷ đồng"), ("wrong", "30%/năm"),
    ]


def test_word_heading_and_list_styles_stand_for_markers() -> None:
    d = docx.Document()
    d.add_paragraph("KẾ HOẠCH phát triển kinh tế - xã hội năm 2024", style="Title")
    d.add_paragraph("Đánh giá kết quả năm 2023", style="Heading 1")
    d.add_paragraph("Sản xuất nông nghiệp", style="Heading 2")
    d.add_paragraph("Số lượng cây lâm nghiệp phân tán đã trồng là 11.800 cây/4.500 cây đạt 226,22% tỷ lệ cây sống đạt 95%.")
    d.add_paragraph("Các chỉ tiêu chủ yếu", style="Heading 1")
    d.add_paragraph("Thu nhập bình quân đầu người: 64.000.000 đồng/người/năm.", style="List Number")
    d.add_paragraph("Vận động người dân tham gia BHYT đạt 93%.", style="List Number")
    buf = io.BytesIO()
    d.save(buf)
    doc = read_document(buf.getvalue(), filename="ke_hoach.docx")
    assert [(h.level, h.text) for h in doc.headings] == [
        (1, "KẾ HOẠCH phát triển kinh tế - xã hội năm 2024"), (3, "Đánh giá kết quả năm 2023"),
        (4, "Sản xuất nông nghiệp"), (3, "Các chỉ tiêu chủ yếu"),
    ]
    [f] = check_document(doc)
    assert (f.verdict, f.computed_text) == ("wrong", "262,22%")
    assert f.location.section[-1] == "Sản xuất nông nghiệp" and f.location.paragraph == 4
    assert [(t.label, t.target.low) for t in doc.targets] == [
        ("Thu nhập bình quân đầu người", Decimal("64000000")), ("Vận động người dân tham gia BHYT đạt 93%", Decimal(93)),
    ]


def test_sentences_inside_table_cells_are_checked() -> None:
    d = docx.Document()
    d.add_paragraph("Biểu số 03: Kết quả thực hiện Đề án 06 năm 2023")
    table = d.add_table(rows=3, cols=2)
    rows = [("Nội dung", "Kết quả"),
            ("Kích hoạt định danh điện tử mức 02", "Kích hoạt mức 02 thành công 3.732/2.899 trường hợp đạt 128,7%"),
            ("Thực hiện chỉ tiêu giai đoạn 3", "1.049/890 trường hợp đạt 117,64%")]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    buf = io.BytesIO()
    d.save(buf)
    findings = check_document(read_document(buf.getvalue(), filename="de_an_06.docx"))
    assert [(f.verdict, f.stated_text, f.computed_text, f.location.row) for f in findings] == [
        ("ok", "128,7%", "128,7%", 2), ("wrong", "117,64%", "117,87%", 3),
    ]
    assert str(findings[1].location) == "bảng 1, hàng 3"
