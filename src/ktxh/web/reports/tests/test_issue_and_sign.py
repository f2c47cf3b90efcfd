"""The leader issues the report: the register gives the next number of the year and the date, which the
document then prints; the signer's name and title come from the commune's settings; the PDF download."""

from __future__ import annotations

import io
import shutil
from datetime import date

import docx
import pytest

from ktxh.web.reports import views
from ktxh.web.reports.models import DocumentSettings, IssuedDocument, SignerTitle
from ktxh.web.tests.pages import approved, signed_in


@pytest.fixture
def ward(w):
    approved(w, "5.933,3")
    return w


def _url(w, kind, action=""):
    return f"/xa/{w.a.pk}/van-ban/{kind}/{action}?ke_hoach={w.plan.pk}&ky={w.year.pk}"


def _header(response):
    document = docx.Document(io.BytesIO(response.content))
    return document.tables[0].cell(1, 0).text, document.tables[0].cell(1, 1).text


def test_the_leader_issues_numbers_in_one_sequence_a_year(ward) -> None:
    leader = signed_in(ward.leader)
    assert _header(leader.get(_url(ward, "bao-cao"))) == ("Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND",
                                                           "Lương Sơn, ngày \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0 tháng "
                                                           "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0 năm 2022")
    IssuedDocument.objects.create(unit=ward.a, period=ward.year, kind="ke-hoach", year=date.today().year, number=7,
                                  issued_on=date(date.today().year, 1, 5))
    response = leader.post(_url(ward, "bao-cao", "cap-so/"))
    assert response.status_code == 302
    entry = IssuedDocument.objects.get(kind="bao-cao")
    assert (entry.number, entry.issued_on, entry.issued_by) == (8, date.today(), ward.leader)
    number, when = _header(leader.get(_url(ward, "bao-cao")))
    assert number == "Số: 08/BC-UBND"
    month = f"{entry.issued_on.month:02d}" if entry.issued_on.month < 3 else str(entry.issued_on.month)
    assert when == f"Lương Sơn, ngày {entry.issued_on.day:02d} tháng {month} năm {entry.issued_on.year}"
    # Issuing again keeps the number; the plan has its own entry.
    leader.post(_url(ward, "bao-cao", "cap-so/"))
    assert IssuedDocument.objects.filter(kind="bao-cao").count() == 1
    assert _header(leader.get(_url(ward, "ke-hoach")))[0] == "Số: 07/KH-UBND"


def test_only_the_leader_of_the_commune_issues(ward) -> None:
    for who in (ward.officer, ward.planner, ward.viewer, ward.leader_b):
        assert signed_in(who).post(_url(ward, "bao-cao", "cap-so/")).status_code == 403
    assert signed_in(ward.leader).get(_url(ward, "bao-cao", "cap-so/")).status_code == 405
    assert not IssuedDocument.objects.exists()


def test_a_deputy_signs_for_the_chair(ward) -> None:
    DocumentSettings.objects.create(unit=ward.a, signer_name="Nguyễn Văn Bình", signer_title=SignerTitle.DEPUTY,
                                    recipients="UBND thành phố (b/c);\nLưu: VT.")
    document = docx.Document(io.BytesIO(signed_in(ward.leader).get(_url(ward, "bao-cao")).content))
    signature = next(t for t in document.tables if t.cell(0, 0).text.startswith("Nơi nhận:"))
    assert [t for t in (p.text for p in signature.cell(0, 1).paragraphs) if t.strip()] == [
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Bình"]


def test_without_settings_the_name_is_left_blank_not_the_accounts_label(ward) -> None:
    document = docx.Document(io.BytesIO(signed_in(ward.leader).get(_url(ward, "bao-cao")).content))
    signature = next(t for t in document.tables if t.cell(0, 0).text.startswith("Nơi nhận:"))
    ward.leader.first_name = "Lãnh đạo phường Lương Sơn"  # an account's label, as the demo's
    ward.leader.save()
    document = docx.Document(io.BytesIO(signed_in(ward.leader).get(_url(ward, "bao-cao")).content))
    signature = next(t for t in document.tables if t.cell(0, 0).text.startswith("Nơi nhận:"))
    assert "Lãnh đạo" not in signature.cell(0, 1).text
    assert [t for t in (p.text for p in signature.cell(0, 1).paragraphs) if t.strip()] == [
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) chưa được cài")
def test_pdf_beside_the_word_file(ward) -> None:
    response = signed_in(ward.leader).get(_url(ward, "bao-cao-pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert 'filename="bao-cao-nam-2022-phuong-luong-son.pdf"' in response["Content-Disposition"]


def test_without_libreoffice_the_pdf_download_says_so(ward, monkeypatch) -> None:
    monkeypatch.setattr(views.shutil, "which", lambda name: None)
    response = signed_in(ward.leader).get(_url(ward, "ke-hoach-pdf"))
    assert response.status_code == 503
    assert "Máy chủ chưa cài LibreOffice (lệnh soffice)" in response.content.decode()


def test_file_names_are_vietnamese_slugs(ward) -> None:
    names = {kind: signed_in(ward.leader).get(_url(ward, kind))["Content-Disposition"] for kind in
             ("bao-cao", "ke-hoach", "bieu")}
    assert names == {"bao-cao": 'attachment; filename="bao-cao-nam-2022-phuong-luong-son.docx"',
                     "ke-hoach": 'attachment; filename="ke-hoach-nam-2023-phuong-luong-son.docx"',
                     "bieu": 'attachment; filename="bieu-01-02-nam-2022-phuong-luong-son.xlsx"'}
    assert views.slug("Phường Điện Nam Đông") == "phuong-dien-nam-dong"


def test_the_narrative_form_is_prefilled_and_an_unchanged_text_stays_generated(ward) -> None:
    officer = signed_in(ward.officer)
    url = f"/xa/{ward.a.pk}/van-ban/loi-van/?ke_hoach={ward.plan.pk}&ky={ward.year.pk}"
    html = officer.get(url).content.decode()
    generated = views._generated(ward.plan, ward.year)
    strengths = generated["danh-gia-chung/uu-diem"]
    assert strengths.startswith("Các chỉ tiêu đạt và vượt kế hoạch năm 2022: 01/01 chỉ tiêu")
    assert strengths in html.replace("&#x27;", "'")
    own = "Sản xuất nông nghiệp ổn định dù mưa lớn cuối vụ."
    officer.post(url, {"danh-gia-chung/uu-diem": strengths, "danh-gia-chung/nguyen-nhan": own})
    from ktxh.web.reports.models import Narrative

    assert dict(Narrative.objects.values_list("section", "text")) == {"danh-gia-chung/nguyen-nhan": own}
    lines = [p.text for p in docx.Document(io.BytesIO(officer.get(_url(ward, "bao-cao")).content)).paragraphs]
    at = lines.index("3. Nguyên nhân")
    assert lines[at + 1] == own and lines[at + 2].startswith("III. PHƯƠNG HƯỚNG")


def test_the_leader_sets_signer_recipients_and_objective(ward) -> None:
    leader = signed_in(ward.leader)
    page = leader.get(f"/xa/{ward.a.pk}/van-ban/thiet-lap/")
    assert page.status_code == 200 and "Phó Chủ tịch (TM. Ủy ban nhân dân, KT. Chủ tịch)" in page.content.decode()
    posted = leader.post(f"/xa/{ward.a.pk}/van-ban/thiet-lap/", {
        "signer_name": "Dương Thị Lưu", "signer_title": SignerTitle.CHAIR, "signer_authority": "TM. ỦY BAN NHÂN DÂN",
        "recipients": "UBND TP (b/c);\nLưu: VP-UB.", "general_objective": "Giữ vững tăng trưởng; bảo đảm an sinh."})
    assert posted.status_code == 302
    plan = docx.Document(io.BytesIO(leader.get(_url(ward, "ke-hoach")).content))
    lines = [p.text for p in plan.paragraphs]
    assert lines[lines.index("1. Mục tiêu tổng quát") + 1] == "Giữ vững tăng trưởng; bảo đảm an sinh."
    signature = next(t for t in plan.tables if t.cell(0, 0).text.startswith("Nơi nhận:"))
    assert [p.text for p in signature.cell(0, 0).paragraphs] == ["Nơi nhận:", "- UBND TP (b/c);", "- Lưu: VP-UB."]
    assert "Dương Thị Lưu" in signature.cell(0, 1).text
    commune = leader.get(f"/xa/{ward.a.pk}/?ke_hoach={ward.plan.pk}&ky={ward.year.pk}").content.decode()
    assert "Người ký, nơi nhận" in commune and "Cấp số báo cáo" in commune
    for who in (ward.officer, ward.planner, ward.leader_b):
        assert signed_in(who).get(f"/xa/{ward.a.pk}/van-ban/thiet-lap/").status_code == 403


def test_the_proposal_follows_the_trend_and_never_falls_below_the_result_or_the_plan() -> None:
    import doctest

    from ktxh.web.reports import adapter

    result = doctest.testmod(adapter)
    assert result.attempted >= 2 and result.failed == 0


def test_the_objective_of_the_last_plan_carries_over(ward) -> None:
    from ktxh.web.data.tracking.models import Period
    from ktxh.web.reports.models import Narrative

    Narrative.objects.create(unit=ward.a, period=Period.get("year", 2021), section="muc-tieu-tong-quat",
                             text="Phát triển kinh tế nhanh, bền vững.")
    plan = docx.Document(io.BytesIO(signed_in(ward.leader).get(_url(ward, "ke-hoach")).content))
    lines = [p.text for p in plan.paragraphs]
    assert lines[lines.index("1. Mục tiêu tổng quát") + 1] == "Phát triển kinh tế nhanh, bền vững."


def test_term_reports_are_named_by_their_kind_and_term(ward) -> None:
    """The giữa kỳ report of Lương Sơn was "bao-cao-giai-doan-2021-2023-…" (the years with figures so far)."""
    from dataclasses import replace

    from ktxh.documents import Period, PeriodKind
    from ktxh.web.reports import adapter

    data = adapter.report_data(ward.plan, ward.year)
    names = [views.file_name("bao-cao", replace(data, period=Period(kind, 2023, 2021, 2025)), ward.a, "docx")
             for kind in (PeriodKind.MIDTERM, PeriodKind.TERM)]
    assert names == ["bao-cao-giua-ky-2021-2025-phuong-luong-son.docx",
                     "bao-cao-nhiem-ky-2021-2025-phuong-luong-son.docx"]


def test_default_recipients_name_the_upper_level_in_lower_case(ward) -> None:
    """"- UBND thành phố Sông Công (b/c);" as the seeds write it, not "UBND Thành phố …"."""
    from ktxh.web.reports import adapter

    _, recipients = adapter.signer_and_recipients(ward.a)  # Lương Sơn, under "Tỉnh Thử"
    assert recipients == ("UBND tỉnh Thử (b/c);", "TT Đảng ủy, HĐND phường;", "Các thành viên UBND;", "Lưu: VT.")
