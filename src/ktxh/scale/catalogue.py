"""The fields and indicators a generated country plans with, taken from the one catalogue.

Names, units, fields, directions, aggregations and decimals come from
:mod:`ktxh.catalogue`; this module adds only how the generator makes up figures (model,
base, target style, frequency). Crops, livestock and sectors are multiplied out to reach
about 150. Every rate comes after its numerator and denominator, so a prefix of the list
is always complete.
"""

from __future__ import annotations

from dataclasses import dataclass

from ktxh import catalogue

FIELDS = tuple(catalogue.fields().items())


@dataclass(frozen=True)
class Spec:
    """One indicator and how its figures are made up.

    ``model``: "count" scales with population (``base`` per inhabitant a year), "level"
    does not (``base`` is the value), "rate" is numerator / denominator × 100,
    "growth" is a yearly growth in %, "qual" is a yes/no result.
    ``style`` picks how its targets are written. ``freq``: the shortest period reported.
    """

    code: str
    name: str
    unit: str
    field: str
    model: str
    base: float = 0.0
    direction: str = "up"
    aggregation: str = "sum"
    numerator: str | None = None
    denominator: str | None = None
    decimals: int = 0
    style: str = "amount"
    freq: str = "year"
    stock: bool = False


def _spec(code: str, model: str, base: float = 0.0, *, style: str | None = None, freq: str = "year",
          stock: bool = False) -> Spec:
    """The catalogue's indicator ``code`` with how the generator makes up its figures."""
    ind = catalogue.get(code)
    if style is None:
        style = {"rate": "percent_down" if ind.direction == "down" else "percent_up", "qual": "qual",
                 "growth": "growth"}.get(model, "amount_down" if ind.direction == "down" else "amount")
    return Spec(code, ind.name, ind.unit, ind.field, model, base, ind.direction, ind.aggregation, ind.numerator,
                ind.denominator, ind.decimals, style, freq, stock)


def _rate(code: str, style: str | None = None) -> Spec:
    return _spec(code, "rate", style=style)


def _level(code: str, base: float, style: str | None = "amount") -> Spec:
    return _spec(code, "level", base, style=style)


CORE = (
    _spec("tong-so-ho", "count", 0.27, stock=True),
    _spec("dan-so", "count", 1.0, stock=True),
    _spec("lao-dong-trong-tuoi", "count", 0.62, stock=True),
    _spec("so-ho-ngheo", "count", 0.27 * 0.035, stock=True),
    _rate("ty-le-ho-ngheo", "change_base"),
    _spec("nguoi-bhyt", "count", 0.93, stock=True),
    _rate("ty-le-bhyt"),
    _spec("ho-nuoc-sach", "count", 0.27 * 0.9, stock=True),
    _rate("ty-le-nuoc-sach"),
    _spec("lao-dong-dao-tao", "count", 0.62 * 0.7, stock=True),
    _rate("ty-le-lao-dong-dao-tao"),
    _spec("ho-van-hoa", "count", 0.27 * 0.92, stock=True),
    _rate("ty-le-ho-van-hoa"),
    _spec("tre-duoi-5", "count", 0.08, stock=True),
    _spec("tre-thap-coi", "count", 0.08 * 0.12, stock=True),
    _rate("ty-le-thap-coi"),
    _spec("rac-phat-sinh", "count", 0.3),
    _spec("rac-thu-gom", "count", 0.3 * 0.95),
    _rate("ty-le-thu-gom-rac"),
    _spec("nguoi-bhxh", "count", 0.62 * 0.25, stock=True),
    _rate("ty-le-bhxh"),
    _spec("thu-ngan-sach", "count", 0.9, style="assigned", freq="month"),
    _spec("chi-ngan-sach", "count", 0.85, freq="month"),
    _spec("thu-thue", "count", 0.15, freq="month"),
    _spec("gia-tri-san-xuat", "count", 0.06, freq="quarter"),
    _spec("tang-gtsx", "growth", 8.0),
    _level("thu-nhap", 70.0),
    _level("nang-suat-lua", 60.0),
    _level("che-phu-rung", 45.0, "percent_up"),
    _level("chi-so-cchc", 85.0),
    _level("tiem-chung", 97.0, "percent_up"),
    _spec("nong-thon-moi", "qual"),
    _spec("an-ninh", "qual"),
    _spec("giao-quan", "qual"),
    _spec("truong-dat-chuan", "count", 0.0002, stock=True),
    _spec("ho-kinh-doanh", "count", 0.04, stock=True),
    _spec("doanh-nghiep-moi", "count", 0.0006, freq="quarter"),
    _spec("viec-lam-moi", "count", 0.012, freq="quarter"),
    _spec("von-dau-tu", "count", 0.02, freq="quarter"),
    _spec("tai-nan-giao-thong", "count", 0.0004, freq="month"),
    _spec("pham-phap-hinh-su", "count", 0.0006, freq="month"),
    _spec("kham-chua-benh", "count", 0.8, freq="month"),
    _spec("duong-cung-hoa", "count", 0.0002),
    _spec("kenh-muong", "count", 0.0001),
    _spec("rung-trong-moi", "count", 0.002),
    _spec("cay-phan-tan", "count", 0.3),
    _spec("thuy-san", "count", 0.02, freq="quarter"),
    _spec("dien-tich-thuy-san", "count", 0.002),
    _spec("thit-hoi", "count", 0.04, freq="quarter"),
)

CROPS = ("lua", "ngo", "khoai-lang", "san", "lac", "dau-tuong", "rau", "mia", "che", "ca-phe", "ho-tieu", "dieu",
         "cao-su", "cay-an-qua")
ANIMALS = ("trau", "bo", "lon", "de", "gia-cam")
SECTORS = ("nong-lam-thuy-san", "cong-nghiep", "dich-vu")
SCHOOLS = ("mam-non", "tieu-hoc", "thcs")


def _multiplied() -> list[Spec]:
    out = []
    for i, crop in enumerate(CROPS):
        out.append(_spec(f"dien-tich-{crop}", "count", 0.02 / (1 + i)))
        out.append(_spec(f"san-luong-{crop}", "count", 0.12 / (1 + i), freq="quarter" if i < 2 else "year"))
        if 0 < i < 8:  # rice yield is in CORE
            out.append(_level(f"nang-suat-{crop}", 60.0 - 4 * i))
    for i, animal in enumerate(ANIMALS):
        out.append(_spec(f"dan-{animal}", "count", (0.02, 0.05, 0.3, 0.01, 3.0)[i], stock=True))
    for sector in SECTORS:
        out.append(_spec(f"gtsx-{sector}", "count", 0.02, freq="quarter"))
        out.append(_spec(f"tang-gtsx-{sector}", "growth", 7.0))
        out.append(_level(f"ty-trong-{sector}", 33.0, "percent_up"))
    for i, crop in enumerate(CROPS):
        out.append(_spec(f"gtsx-{crop}", "count", 0.004 / (1 + i)))
    for i, animal in enumerate(ANIMALS):
        out.append(_spec(f"ho-nuoi-{animal}", "count", 0.01 * (i + 1), stock=True))
        out.append(_spec(f"xuat-chuong-{animal}", "count", 0.005 * (i + 1)))
    for sector in SECTORS:
        out.append(_spec(f"lao-dong-{sector}", "count", 0.2, stock=True))
    for school in SCHOOLS:
        out.append(_spec(f"giao-vien-{school}", "count", 0.004, stock=True))
        out.append(_level(f"huy-dong-{school}", 98.0, "percent_up"))
        out.append(_spec(f"hoc-sinh-{school}", "count", 0.06, stock=True))
        out.append(_spec(f"truong-chuan-{school}", "count", 0.00007, stock=True))
        out.append(_level(f"bo-hoc-{school}", 0.8, "percent_down"))
    for code, base in (("sot-xuat-huyet", 0.0005), ("chay-no", 0.0001), ("vi-pham-moi-truong", 0.0001),
                       ("don-thu", 0.0003)):
        out.append(_spec(code, "count", base))
    for code, base in (("nha-van-hoa", 0.0003), ("cong-trinh-thuy-loi", 0.0001), ("so-co-so-cong-nghiep", 0.004),
                       ("so-hop-tac-xa", 0.0002), ("so-trang-trai", 0.0005), ("so-san-pham-ocop", 0.0002),
                       ("clb-van-hoa", 0.0004), ("so-diem-ban-le", 0.01)):
        out.append(_spec(code, "count", base, stock=True))
    return out


def indicators(count: int = 150) -> list[Spec]:
    """The first ``count`` specs, never a rate without its numerator and denominator."""
    every = list(CORE) + _multiplied()
    chosen: list[Spec] = []
    codes: set[str] = set()
    for spec in every:
        if len(chosen) >= count:
            break
        if spec.aggregation == "rate" and not {spec.numerator, spec.denominator} <= codes:
            continue
        chosen.append(spec)
        codes.add(spec.code)
    return chosen
