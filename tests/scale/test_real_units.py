"""The real units: the country standing on 1 July 2025, the former communes, the lineage, loaded once."""

import datetime as dt
from collections import Counter

import pytest
from django.db.models import Q

from ktxh.scale.load import load_real_units
from ktxh.scale.real_units import LAST_DAY_BEFORE, MERGER_DAY, read
from ktxh.web.metadata.units.models import AdminUnit


def standing(day, **kw):
    return AdminUnit.objects.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day),
                                    Q(valid_to__isnull=True) | Q(valid_to__gte=day), **kw)


def test_the_packages_give_the_country_of_1_july_2025():
    c = read()
    assert Counter(u.kind for u in c.provinces) == {"tinh": 28, "thanh_pho": 6}
    assert Counter(u.kind for u in c.communes) == {"xa": 2621, "phuong": 687, "dac_khu": 13}
    assert len({u.code for u in c.units}) == len(c.units)
    # every former commune went somewhere, every new one but the five island đặc khu came from somewhere
    assert {old for _, old in c.lineage} == {u.code for u in c.formers}
    orphans = sorted(u.name for u in c.communes if not c.predecessors(u.code))
    assert orphans == ["Bạch Long Vĩ", "Côn Đảo", "Cồn Cỏ", "Hoàng Sa", "Lý Sơn"]
    # a commune in province P came from former communes whose province went into P
    assert all(c.unit(old).parent == c.unit(new).parent for new, old in c.lineage)


def test_a_seed_ward_and_its_successor():
    c = read()
    (old,) = c.find_former("Điện Nam Đông", district="Điện Bàn")
    (new,) = c.successors(old.code)
    assert (new.code, new.title, c.unit(new.parent).name) == ("20579", "phường Điện Bàn Đông", "Đà Nẵng")
    assert [u.name for u in c.predecessors("20579")] == [
        "Điện Dương", "Điện Nam Bắc", "Điện Nam Trung", "Điện Nam Đông", "Điện Ngọc"]


def test_a_former_commune_split_between_several():
    c = read()
    (old,) = c.find_former("Lê Lợi", district="An Dương")
    assert [u.name for u in c.successors(old.code)] == ["An Dương", "An Phong", "An Hải"]


@pytest.mark.django_db(transaction=False)
def test_load_then_load_again():
    first = load_real_units(progress=False)
    assert (first.created, first.linked) == (34 + 3321 + 10035, len(read().lineage))
    rows = sorted(AdminUnit.objects.values_list("id", "code", "name", "kind", "parent_id", "valid_from", "valid_to"))
    links = sorted(AdminUnit.predecessors.through.objects.values_list("from_adminunit_id", "to_adminunit_id"))
    again = load_real_units(progress=False)
    assert not again.changed
    assert sorted(AdminUnit.objects.values_list("id", "code", "name", "kind", "parent_id", "valid_from",
                                                "valid_to")) == rows
    assert sorted(AdminUnit.predecessors.through.objects.values_list("from_adminunit_id", "to_adminunit_id")) == links

    assert standing(MERGER_DAY, level="province").count() == 34
    communes = standing(MERGER_DAY, level="commune")
    assert communes.count() == 3321
    assert Counter(communes.values_list("kind", flat=True)) == {"xa": 2621, "phuong": 687, "dac_khu": 13}
    before = standing(LAST_DAY_BEFORE, level="commune")
    assert before.count() == 10035 and not before.filter(valid_from=MERGER_DAY).exists()
    assert Counter(before.values_list("kind", flat=True))["thi_tran"] > 500

    merged = AdminUnit.objects.get(code="20579")
    assert merged.parent.name == "Đà Nẵng" and merged.parent.code == "48"
    assert sorted(u.name for u in merged.lineage()) == sorted(
        ["Điện Dương", "Điện Nam Bắc", "Điện Nam Trung", "Điện Nam Đông", "Điện Ngọc"])
    old = AdminUnit.objects.get(code="20580-cu")
    assert old.is_valid_on(dt.date(2025, 6, 30)) and not old.is_valid_on(MERGER_DAY)
    assert old.parent_id == merged.parent_id and "Điện Bàn" in old.note
    assert list(old.successors.values_list("code", flat=True)) == ["20579"]


@pytest.mark.django_db
def test_a_corrected_unit_is_corrected_and_a_wrong_link_dropped():
    load_real_units(progress=False)
    AdminUnit.objects.filter(code="20579").update(name="Sai Tên")
    merged = AdminUnit.objects.get(code="20579")
    stray = AdminUnit.objects.get(code="00001-cu")
    merged.predecessors.add(stray)
    out = load_real_units(progress=False)
    assert (out.created, out.updated, out.linked, out.unlinked) == (0, 1, 0, 1)
    merged.refresh_from_db()
    assert merged.name == "Điện Bàn Đông" and stray not in merged.predecessors.all()


def test_the_command_as_a_user_runs_it(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    ktxh = str(Path(sys.executable).with_name("ktxh"))
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("KTXH_", "DJANGO_"))},
           "KTXH_DATA_DIR": str(tmp_path)}
    first = subprocess.run([ktxh, "units", "load"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert "2621 xã, 687 phường, 13 đặc khu từ 01/7/2025" in first.stdout
    assert "Đã thêm 13390 đơn vị" in first.stdout and "Đơn vị hành chính" in first.stderr  # the tqdm bar
    again = subprocess.run([ktxh, "units", "load", "--quiet"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert again.returncode == 0 and "không thay đổi gì" in again.stdout and again.stderr == ""
    shown = subprocess.run([ktxh, "units", "show", "20580-cu"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert "phường Điện Nam Đông (Thị xã Điện Bàn), Đà Nẵng" in shown.stdout and "nay thuộc: phường Điện Bàn Đông [20579]" in shown.stdout
    bad = subprocess.run([ktxh, "units", "show", "99999"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert bad.returncode == 2 and "mã “99999”" in bad.stderr
