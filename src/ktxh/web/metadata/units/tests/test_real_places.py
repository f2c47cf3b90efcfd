"""The seeds' wards placed in their real successors of 1 July 2025 (the demo's notes), and the
note on a unit given by the API."""

import pytest

from ktxh.scale.load import load_real_units
from ktxh.scale.real_units import read
from ktxh.web.demo import places


@pytest.mark.parametrize(("code", "successor", "province"), [
    ("DEMO-01", "20579", "Đà Nẵng"),    # Điện Nam Đông → phường Điện Bàn Đông
    ("DEMO-02", "20017", "Huế"),        # Hương Xuân → phường Kim Trà
    ("DEMO-03", "05528", "Thái Nguyên"),  # Lương Sơn → phường Bách Quang
    ("DEMO-04", "30502", "An Giang"),   # Nhơn Hưng → phường Thới Sơn
])
def test_a_seed_ward_and_its_successor(code, successor, province):
    name, district, _ = places.PLACES[code]
    country = read()
    (old,) = country.find_former(name, district=district)
    assert [u.code for u in country.successors(old.code)] == [successor]
    assert country.unit(country.unit(successor).parent).name == province
    text = places.note(code)
    assert f"mã {successor}" in text and name in text and district in text


def test_lê_lợi_is_said_to_be_unplaced():
    assert not read().find_former("Lê Lợi", district="Thành phố Bắc Giang")
    assert "chưa xác định" in places.note("DEMO-05")


@pytest.mark.django_db
def test_the_api_gives_a_former_commune_its_district(client):
    from django.contrib.auth import get_user_model

    from ktxh.web.accounts.models import Membership, Role
    from ktxh.web.metadata.units.models import AdminUnit

    load_real_units(progress=False)
    user = get_user_model().objects.create_user("xem", password="x")
    Membership.objects.create(user=user, role=Role.VIEWER, unit=AdminUnit.objects.get(code="48"))
    client.force_login(user)
    old = AdminUnit.objects.get(code="20580-cu")
    got = client.get(f"/api/units/{old.pk}").json()
    assert got["note"] == "Trước 01/7/2025 thuộc Thị xã Điện Bàn" and got["valid_to"] == "2025-06-30"
    new = client.get(f"/api/units/{AdminUnit.objects.get(code='20579').pk}").json()
    assert {u["code"] for u in new["predecessors"]} == {"20581-cu", "20578-cu", "20579-cu", "20580-cu", "20563-cu"}
