"""The seeds' target lists read into catalogue indicators: whole outputs for seed 001's 14 lines,
seed 003's VII.1 and seed 004's Biểu số 02; the five seeds share codes for the same indicator."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ktxh.catalogue import get, indicator_name, match, normalize, read_line, split_compound
from ktxh.reader import read_document

SEEDS = Path(__file__).resolve().parents[1] / "reader" / "seeds"


def seed(n: str) -> Path:
    return next(SEEDS.glob(f"{n}_*.txt"))


def rows(n: str, *, table: bool | None = None) -> list[tuple]:
    out = []
    for t in read_document(seed(n)).targets:
        if table is not None and (t.location.table is not None) != table:
            continue
        parts = read_line(t.target.text, label=t.label, unit=t.unit) if t.location.table is not None \
            else read_line(t.target.text)
        for r in parts:
            low = None if r.target.low is None else r.target.low.normalize()
            out.append((r.code, r.name, r.target.unit, r.target.kind.value, low))
    return out


D = Decimal


def n(code: str) -> str:
    return get(code).name


SEED_001 = [
    ("tang-gtsx", n("tang-gtsx"), "%", "change", D(14)),
    ("gtsx-tren-ha", n("gtsx-tren-ha"), "triệu đồng", "exact", D(110)),
    ("thu-ngan-sach", n("thu-ngan-sach"), "%", "assigned", D(5)),
    ("thu-nhap", n("thu-nhap"), "triệu đồng", "range", D(60)),
    ("von-dau-tu", n("von-dau-tu"), "tỷ đồng", "range", D(40)),
    ("so-co-so-kinh-te", n("so-co-so-kinh-te"), "cơ sở", "change", D(10)),
    ("ty-le-lao-dong-phi-nn", n("ty-le-lao-dong-phi-nn"), "%", "exact", D(83)),
    ("viec-lam-moi", n("viec-lam-moi"), "lao động", "range", D(100)),
    ("ty-le-truong-chuan", n("ty-le-truong-chuan"), "%", "exact", D(75)),
    ("ty-le-ho-ngheo", "Tỷ lệ hộ nghèo", "%", "change", D("0.7")),
    ("ty-le-bhyt", n("ty-le-bhyt"), "%", "min", D(99)),
    ("ty-le-ho-nep-song-van-minh", n("ty-le-ho-nep-song-van-minh"), "%", "min", D(98)),
    ("ty-le-thu-gom-rac", n("ty-le-thu-gom-rac"), "%", "exact", D(100)),
    ("ty-le-co-so-xu-ly-moi-truong", n("ty-le-co-so-xu-ly-moi-truong"), "%", "exact", D(90)),
]

SEED_003 = [
    ("ho-kinh-doanh", "%", "change", D("2.5")),
    ("thu-ngan-sach-xa", "đồng", "exact", D(428000000)),
    ("thu-nhap", "đồng/người/năm", "exact", D(64000000)),
    ("chuyen-doi-cay-trong", "ha", "exact", D(55)),
    ("ty-le-ho-dien", "%", "exact", D("99.64")),
    ("ty-le-ho-thuy-ke", "%", "exact", D(100)),
    ("dich-benh-gia-suc", None, "qualitative", None),
    ("ty-le-bhyt", "%", "exact", D(93)),
    # line 9: three indicators
    ("chuan-quoc-gia-y-te", "chuẩn", "exact", D(10)),
    ("ty-le-thap-coi", "%", "exact", D(15)),
    ("ty-le-nhe-can", "%", "exact", D("8.19")),
    # line 10
    ("huy-dong-mau-giao-5-tuoi", "%", "exact", D(100)),
    ("huy-dong-tieu-hoc", "%", "exact", D(100)),
    ("huy-dong-thcs", "%", "range", D(97)),
    # line 11
    ("bo-hoc-tieu-hoc", "%", "max", None),
    ("bo-hoc-thcs", "%", "max", None),
    ("pho-cap-giao-duc", None, "qualitative", None),
    # line 13
    ("viec-lam-moi", "lao động", "exact", D(200)),
    ("ty-le-lao-dong-co-viec-lam", "%", "exact", D(92)),
    ("ty-le-lao-dong-dao-tao", "%", "min", D(70)),
    # line 14
    ("so-ho-ngheo", "hộ nghèo", "change", D(1)),
    ("so-ho-can-ngheo", "hộ cận nghèo", "change", D(1)),
    ("xuat-khau-lao-dong", "lao động", "exact", D(2)),
    ("ty-le-no-qua-han", "%", "max", None),
    ("quy-khuyen-hoc", "triệu đồng", "exact", D(130)),
    # line 18
    ("ty-le-ho-van-hoa", None, "qualitative", None),
    ("ty-le-co-quan-van-hoa", "%", "exact", D(100)),
    ("so-thon-van-hoa", "nhóm", "exact", D(3)),
    ("cai-cach-hanh-chinh", None, "qualitative", None),
    ("ty-le-hoa-giai-thanh", None, "qualitative", None),
    ("giao-quan", None, "assigned", D(0)),
    ("phong-trao-bvanqt", None, "qualitative", None),
    ("do-thi-van-minh", None, "qualitative", None),
    ("quy-vi-nguoi-ngheo", "triệu đồng", "exact", D(460)),
]

SEED_004_TABLE = [
    ("tang-gtsx", "%", "change", D("14.5")), ("tang-gtsx-dich-vu", "%", "range", D("14.5")),
    ("tang-gtsx-cong-nghiep", "%", "range", D(18)), ("dan-so", "người", "exact", D(12575)),
    ("ty-suat-sinh-tho", "‰", "change", D("0.03")), ("ty-le-tang-dan-so", "%", "exact", D("1.05")),
    ("so-truong", "trường", "exact", D(4)), ("so-lop", "lớp", "exact", D(68)),
    ("so-hoc-sinh", "h.sinh", "exact", D(2016)), ("pho-cap-mam-non", None, "qualitative", None),
    ("pho-cap-tieu-hoc", None, "qualitative", None), ("pho-cap-thcs", None, "qualitative", None),
    ("ty-le-kien-co-truong", "%", "exact", D(100)), ("truong-dat-chuan", "trường", "exact", D(4)),
    ("ty-le-truong-chuan", "%", "exact", D(100)), ("truong-chuan-md2", "trường", "exact", D(4)),
    ("ty-le-truong-chuan-md2", "%", "exact", D(100)), ("chuan-quoc-gia-y-te", "%", "exact", D(100)),
    ("ty-le-nhe-can", "%", "exact", D("7.1")), ("ty-le-thap-coi", "%", "exact", D("10.8")),
    ("benh-nhan-methadone", "người", "exact", D(52)), ("ty-le-bhyt", "%", "exact", D("99.7")),
    ("nguoi-bhxh-tu-nguyen", "người", "exact", D(64)), ("viec-lam-moi", "người", "exact", D(179)),
    ("xuat-khau-lao-dong", "người", "exact", D(5)), ("so-ho-ngheo", "hộ", "change", D(5)),
    ("ty-le-ho-ngheo", "%", "exact", D("0.42")), ("xa-phu-hop-tre-em", None, "qualitative", None),
    ("do-thi-van-minh", None, "qualitative", None), ("ty-le-thon-van-hoa", "%", "exact", D(87)),
    ("ty-le-ho-van-hoa", "%", "exact", D(96)), ("ty-le-nuoc-sach", "%", "exact", D(100)),
    ("ty-le-thu-gom-rac", "%", "exact", D(100)), ("ty-le-xu-ly-rac", "%", "exact", D(100)),
    ("attp-nong-lam-thuy-san", "%", "exact", D(96)), ("attp-thuc-pham", "%", "exact", D(96)),
]


def test_seed_001_fourteen_lines() -> None:
    assert rows("001") == SEED_001


def test_seed_003_vii_1() -> None:
    got = [(c, u, k, lo) for c, _name, u, k, lo in rows("003")]
    assert got == SEED_003
    names = {c: name for c, name, *_ in rows("003")}
    assert names["ty-le-ho-thuy-ke"] == "Tỷ lệ hộ sử dụng nước sạch (thủy kế)"


def test_seed_004_bieu_so_02() -> None:
    got = [(c, u, k, lo) for c, _name, u, k, lo in rows("004", table=True)]
    assert got == SEED_004_TABLE
    assert all(name == get(c).name for c, name, *_ in rows("004", table=True))


def test_seed_000_compound_lines() -> None:
    line = ("Duy trì tỷ suất sinh thô 9,1%o/năm. Tỷ lệ trẻ em suy dinh dưỡng còn 4,5%, tỷ lệ sinh con 3 trở lên "
            "thấp hơn chỉ tiêu trên giao hàng năm. Trạm y tế đạt chuẩn quốc gia về y tế.")
    got = [(r.code, r.target.kind.value, r.source == line) for r in read_line(line)]
    assert got == [("ty-suat-sinh-tho", "exact", True), ("ty-le-nhe-can", "exact", True),
                   ("ty-le-sinh-con-thu-3", "assigned", True), ("chuan-quoc-gia-y-te", "qualitative", True)]


SHARED = {
    "ty-le-bhyt": ["Tỷ lệ người tham gia bảo hiểm y tế: > 99%.", "Vận động người dân tham gia BHYT đạt 93%.",
                   "Tỷ lệ tham gia bảo hiểm y tế đạt 88%", "tỷ lệ người dân tham gia bảo hiểm y tế ước đạt 96,4%",
                   "Tỷ lệ số người tham gia bảo hiểm y tế", "nâng cao tỷ lệ bảo hiểm y tế toàn dân"],
    "ty-le-ho-ngheo": ["Tỷ lệ hộ nghèo giảm so với năm 2021(theo chuẩn nghèo đa chiều): Từ 0,7 - 0,9%.",
                       "Tỷ lệ hộ nghèo", "tỷ lệ hộ nghèo năm 2023 ước còn 1,92%",
                       "đến nay, tỷ lệ hộ nghèo giảm còn 0,75%"],
    "thu-nhap": ["Thu nhập bình quân đầu người: 60-61 triệu đồng", "Thu nhập bình quân đầu người: 64.000.000 đồng/người/năm.",
                 "Thu nhập bình quân đầu người đến 2025 đạt 85 triệu đồng/người/năm.",
                 "thu nhập bình quân đầu người đạt 55 triệu đồng/người/ năm"],
    "san-luong-luong-thuc": ["Tổng sản lượng lương thực cây có hạt năm 2021 đạt: 6.031/5.926 tấn",
                             "Tổng sản lượng lương thực cây có hạt năm 2023 ước đạt 5.814,7 tấn",
                             "Phấn đấu tổng sản lượng lương thực cây có hạt đạt 100% chỉ tiêu kế hoạch thành phố giao."],
}


@pytest.mark.parametrize("code", sorted(SHARED))
def test_seeds_share_one_code(code: str) -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    for line in SHARED[code]:
        assert line.split(":")[0][:30] in text, line  # quoted from a seed
        assert match(line)[0].code == code, (line, match(line)[:2])


def test_actuals_of_seed_002_grain_output_share_the_code() -> None:
    doc = read_document(seed("002"))
    grain = [a for a in doc.actuals if "lương thực" in a.label]
    assert len(grain) >= 2 and {match(a.label, a.unit)[0].code for a in grain} == {"san-luong-luong-thuc"}


def test_units_are_checked() -> None:
    assert all(m.unit != "tấn" for m in match("Sản lượng lúa đạt 95%", "%"))
    assert match("Sản lượng lúa: 2.961 tấn", "tấn")[0].code == "san-luong-lua"


def test_names_are_names() -> None:
    assert indicator_name("Hộ sử dụng thủy kế đạt 100%") == "Tỷ lệ hộ sử dụng nước sạch (thủy kế)"
    assert indicator_name("Thu nhập bình quân đầu người đến 2025 đạt 85 triệu đồng/người/năm") == \
        "Thu nhập bình quân đầu người"
    assert indicator_name("Phấn đấu số cây xanh đô thị trồng mới đạt 500 cây năm 2024") == "Số cây xanh đô thị trồng mới"


words = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ ",
                min_size=1, max_size=40)


@settings(max_examples=200, deadline=None)
@given(words, st.integers(0, 10**6), st.sampled_from(["%", " tấn", " ha", " người", " triệu đồng", "‰"]))
def test_normalize_drops_the_figure_and_keeps_the_words(name: str, value: int, unit: str) -> None:
    text = f"{name} đạt {value:,}{unit}".replace(",", ".")
    assert not any(ch.isdigit() for ch in normalize(text))
    assert set(normalize(text).split()) <= set(normalize(name).split()) | {"tấn", "ha", "người", "triệu", "đồng"}


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=200))
def test_split_compound_never_fails_and_keeps_text(line: str) -> None:
    parts = split_compound(line)
    assert parts and all(isinstance(p, str) for p in parts)


def test_seed_000_list_led_by_figures() -> None:
    line = ("Hàng năm có từ 92% gia đình, 75% khối phố, 90% tộc họ đạt chuẩn văn hóa; phấn đấu xây dựng từ 01-02 "
            "tuyến phố đạt tuyến phố văn minh đô thị, cơ quan đạt cơ quan văn hóa, phường đạt phường văn minh đô thị.")
    assert line[:40] in seed("000").read_text(encoding="utf-8")
    got = [(r.code, r.target.kind.value, r.target.low) for r in read_line(line)]
    assert got[:3] == [("ty-le-ho-van-hoa", "min", D(92)), ("ty-le-thon-van-hoa", "min", D(75)),
                       ("ty-le-toc-ho-van-hoa", "min", D(90))]
    assert got[3][0] == "tuyen-pho-van-minh"


def test_seed_000_shares_of_the_economy() -> None:
    line = "Cơ cấu kinh tế đến năm 2025 tỷ trọng ngành TM-DV chiếm 63%, CN-TTCN, XDCB 33%, NN 4%."
    assert line[:50] in seed("000").read_text(encoding="utf-8")
    assert [(r.code, r.target.low) for r in read_line(line)] == [
        ("ty-trong-dich-vu", D(63)), ("ty-trong-cong-nghiep", D(33)), ("ty-trong-nong-lam-thuy-san", D(4))]


UNITS = st.sampled_from([None, "%", "‰", "tấn", "ha", "người", "hộ", "triệu đồng", "tỷ đồng", "triệu đồng/ha", "cơ sở"])


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=0, max_size=120), UNITS)
def test_match_keeps_units_and_scores(text: str, unit: str | None) -> None:
    from ktxh.catalogue import compatible
    found = match(text, unit, relative=False)
    assert all(0 <= m.score <= 100 for m in found)
    assert all(compatible(m.unit, unit) for m in found)
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=160))
def test_read_line_keeps_the_whole_line_as_source(line: str) -> None:
    for r in read_line(line):
        assert r.source == line.strip()
        assert r.name


def highs(n: str, *, table: bool | None = None) -> list[tuple[str | None, Decimal | None]]:
    out = []
    for t in read_document(seed(n)).targets:
        if table is not None and (t.location.table is not None) != table:
            continue
        parts = read_line(t.target.text, label=t.label, unit=t.unit) if t.location.table is not None \
            else read_line(t.target.text)
        out.extend((r.code, r.target.high) for r in parts if r.target.kind.value not in ("exact", "qualitative"))
    return out


def test_upper_bounds_of_ranges_and_limits() -> None:
    """The other end of every range, maximum and change (checked by hand against the seeds)."""
    assert highs("001") == [("tang-gtsx", D(15)), ("thu-ngan-sach", D(10)), ("thu-nhap", D(61)),
                            ("von-dau-tu", D(45)), ("so-co-so-kinh-te", None), ("viec-lam-moi", D(120)),
                            ("ty-le-ho-ngheo", D("0.9")), ("ty-le-bhyt", None), ("ty-le-ho-nep-song-van-minh", None)]
    assert highs("003") == [("ho-kinh-doanh", D("2.5")), ("huy-dong-thcs", D(98)), ("bo-hoc-tieu-hoc", D(1)),
                            ("bo-hoc-thcs", D(2)), ("ty-le-lao-dong-dao-tao", None), ("so-ho-ngheo", D(1)),
                            ("so-ho-can-ngheo", D(1)), ("ty-le-no-qua-han", D(2)), ("giao-quan", None)]
    assert highs("004", table=True) == [("tang-gtsx", D("16.5")), ("tang-gtsx-dich-vu", D("16.5")),
                                        ("tang-gtsx-cong-nghiep", D(20)), ("ty-suat-sinh-tho", D("0.03")),
                                        ("so-ho-ngheo", D(5))]


def test_seed_003_names_are_the_catalogue_names() -> None:
    assert all(code and name == get(code).name for code, name, *_ in rows("003"))
