"""A figure far from its own history is confirmed with a reason, or corrected."""

from ktxh.web.data.audit.models import AuditEntry
from ktxh.web.data.tracking.models import Actual, Period
from ktxh.web.metadata.plans.models import Target
from ktxh.web.tests.pages import approved, signed_in


def _setup(w):
    y21 = Period.get("year", 2021)
    Target.objects.create(plan=w.plan, indicator=w.grain, year=2021, source="cap_tren", text="5.926 tấn")
    approved(w, "6.031", period=y21)


def _post(c, w, text, **extra):
    p = f"i{w.grain.pk}"
    return c.post(f"/nhap-lieu/{w.year.pk}/", {f"{p}-text": text, f"{p}-version": 0, "action": "luu",
                                              **{f"{p}-{k}": v for k, v in extra.items()}})


def test_ten_times_last_year_asks_for_a_confirmation(w):
    _setup(w)
    page = _post(signed_in(w.officer), w, "60.310").content.decode()
    assert "gấp 10,0 lần số liệu Năm 2021 (6.031 tấn)" in page
    assert "Tôi xác nhận số liệu này đúng" in page
    assert not Actual.objects.filter(period=w.year).exists()


def test_confirmation_needs_a_reason(w):
    _setup(w)
    page = _post(signed_in(w.officer), w, "60.310", confirm="on", confirm_comment=" ").content.decode()
    assert "Ghi lý do xác nhận số liệu bất thường." in page
    assert not Actual.objects.filter(period=w.year).exists()


def test_confirmed_with_a_reason_is_saved_and_recorded(w):
    _setup(w)
    r = _post(signed_in(w.officer), w, "60.310", confirm="on", confirm_comment="Sáp nhập thêm 3 xã")
    assert r.status_code == 302
    a = Actual.objects.get(period=w.year)
    entry = AuditEntry.objects.get(object_id=a.pk, action="confirm")
    assert entry.user == w.officer and entry.comment.endswith("Lý do: Sáp nhập thêm 3 xã")


def test_corrected_value_passes(w):
    _setup(w)
    assert _post(signed_in(w.officer), w, "6.031,5").status_code == 302


def test_share_above_100_is_refused(w):
    Target.objects.create(plan=w.plan, indicator=w.poor, year=2022, source="hdnd", text="dưới 2%")
    p = f"i{w.poor.pk}"
    page = signed_in(w.officer_soc).post(f"/nhap-lieu/{w.year.pk}/", {f"{p}-text": "104,5%", f"{p}-version": 0,
                                                                       "action": "luu"}).content.decode()
    assert "“Tỷ lệ hộ nghèo”: tỷ lệ 104,5% vượt quá 100%." in page
    assert not Actual.objects.exists()
