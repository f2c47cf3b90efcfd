"""The commune's settings, its leader's: signer, Nơi nhận, the officers' deadline."""

from ktxh.web.data.tracking.models import UnitDeadline
from ktxh.web.reports import adapter
from ktxh.web.tests.pages import signed_in


def test_leader_sets_signer_recipients_and_deadline(w):
    c = signed_in(w.leader)
    r = c.post(f"/xa/{w.a.pk}/van-ban/thiet-lap/", {"signer_name": "Nguyễn Văn An", "signer_authority": "TM. ỦY BAN NHÂN DÂN",
                               "signer_title": "CHỦ TỊCH", "recipients": "- TT Đảng ủy;\n- Lưu: VT.",
                               "days_before_due": "5"})
    assert r.status_code == 302
    signer, recipients = adapter.signer_and_recipients(w.a)
    assert signer.name == "Nguyễn Văn An" and "Lưu: VT." in recipients
    assert UnitDeadline.objects.get(unit=w.a).days_before_due == 5
    assert "Đã lưu thiết lập" in c.get(f"/xa/{w.a.pk}/van-ban/thiet-lap/").content.decode()


def test_bad_deadline_names_the_field(w):
    page = signed_in(w.leader).post(f"/xa/{w.a.pk}/van-ban/thiet-lap/", {"signer_title": "CHỦ TỊCH", "signer_authority": "TM",
                                                    "days_before_due": "-1"}).content.decode()
    assert "Số ngày gửi trước hạn không được âm." in page
    assert not UnitDeadline.objects.filter(unit=w.a).exists()


def test_only_the_leader(w):
    for u in (w.officer, w.planner, w.viewer):
        assert signed_in(u).get(f"/xa/{w.a.pk}/van-ban/thiet-lap/").status_code == 403
