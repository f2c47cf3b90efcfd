"""The real administrative units of Vietnam since 1 July 2025, and the former communes they came from.

Two well-kept packages hold them; this module reads both and joins them on the GSO codes
(mã đơn vị hành chính của Tổng cục Thống kê):

- ``vietnam-provinces``: the 34 provinces and the 3 321 communes standing since
  1 July 2025 (2 621 xã, 687 phường, 13 đặc khu), with their GSO codes. It is the
  reference for codes and names.
- ``vietnamadminunits`` (MIT): the 10 035 former communes (63 provinces, before the
  2025 reorganisation) with their GSO codes, and the conversion of each former commune to
  the new one(s) it went into. Its conversion tables name units by keys
  (``"tinhquangnam_thixadienban_phuongdiennamdong"``), which its own tables map to GSO codes.
  For 114 new communes its codes differ from ``vietnam-provinces``', so a new commune is
  joined on its name key within the province (``xa_chan_may_lang_co`` = ``xachanmaylangco``),
  and on the code where the names differ.

A former commune split between several new ones is a predecessor of each. The five island
districts that had no communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) are not
communes and are left out of the lineage; the đặc khu formed from them have no predecessor.

Pure: no Django. The codes: a province ``"01"``, a commune standing since 1 July 2025
``"00070"`` (its GSO code), a former commune its GSO code with ``-cu`` (``"00001-cu"``), because
a new commune often keeps the code of one of its predecessors.

>>> c = read()
>>> len(c.provinces), len(c.communes), len(c.formers)
(34, 3321, 10035)
>>> hk = c.unit("00070"); hk.kind, hk.name, hk.parent, hk.valid_from.isoformat()
('phuong', 'Hoàn Kiếm', '01', '2025-07-01')
>>> [f"{u.name} ({u.district})" for u in c.predecessors("00070")][:3]
['Cửa Nam (Quận Hoàn Kiếm)', 'Cửa Đông (Quận Hoàn Kiếm)', 'Hàng Buồm (Quận Hoàn Kiếm)']
>>> c.unit("00001-cu").valid_to.isoformat()
'2025-06-30'
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

MERGER_DAY = dt.date(2025, 7, 1)
LAST_DAY_BEFORE = MERGER_DAY - dt.timedelta(days=1)
FORMER_SUFFIX = "-cu"

# The kind of unit from the first words of its name, as the packages write it.
_PREFIXES = (("Thành phố ", "thanh_pho"), ("Tỉnh ", "tinh"), ("Phường ", "phuong"), ("Xã ", "xa"),
             ("Đặc khu ", "dac_khu"), ("Thị trấn ", "thi_tran"))
KIND_WORDS = {"xa": "xã", "phuong": "phường", "dac_khu": "đặc khu", "thi_tran": "thị trấn",
              "tinh": "tỉnh", "thanh_pho": "thành phố"}


@dataclass(frozen=True)
class RealUnit:
    """One unit: ``level`` "province" or "commune"; ``parent`` the province's code; ``district`` the
    former district (huyện, quận, thị xã, thành phố thuộc tỉnh) of a former commune."""

    code: str
    name: str
    level: str
    kind: str
    parent: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    district: str = ""
    province_before: str = ""  # a former commune's province before 1 July 2025 ("Tỉnh Quảng Nam")

    @property
    def title(self) -> str:
        """``"phường Hoàn Kiếm"``, ``"thị trấn Long Mỹ (Thị xã Long Mỹ)"``: how a sentence names it."""
        words = f"{KIND_WORDS[self.kind]} {self.name}"
        return f"{words} ({self.district})" if self.district else words


def split_kind(full: str, default: str) -> tuple[str, str]:
    """``"Phường  An Nhơn"`` → ``("phuong", "An Nhơn")``; spaces tidied; without a known prefix, ``default``.

    >>> split_kind("Thành phố Hà Nội", "tinh"), split_kind("Cao Bằng", "tinh")
    (('thanh_pho', 'Hà Nội'), ('tinh', 'Cao Bằng'))
    >>> split_kind("Xã Chân Mây – Lăng Cô", "xa")
    ('xa', 'Chân Mây – Lăng Cô')
    """
    full = re.sub(r"\s+", " ", full).strip()
    for prefix, kind in _PREFIXES:
        if full.startswith(prefix):
            return kind, full[len(prefix):]
    return default, full


@dataclass(frozen=True)
class RealCountry:
    provinces: tuple[RealUnit, ...]
    communes: tuple[RealUnit, ...]
    formers: tuple[RealUnit, ...]
    lineage: tuple[tuple[str, str], ...]  # (code of the commune standing since 2025-07-01, code of a former one)

    @property
    def units(self) -> tuple[RealUnit, ...]:
        return self.provinces + self.formers + self.communes

    @cached_property
    def _by_code(self) -> dict[str, RealUnit]:
        return {u.code: u for u in self.units}

    @cached_property
    def _before(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for new, old in self.lineage:
            out[new].append(old)
        return out

    @cached_property
    def _after(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for new, old in self.lineage:
            out[old].append(new)
        return out

    def unit(self, code: str) -> RealUnit:
        return self._by_code[code]

    def predecessors(self, code: str) -> list[RealUnit]:
        """The former communes a commune was formed from (whole or in part), by name."""
        return sorted((self._by_code[c] for c in self._before.get(code, ())), key=lambda u: (u.name, u.code))

    def successors(self, code: str) -> list[RealUnit]:
        """The communes standing since 2025-07-01 that a former commune went into."""
        return sorted((self._by_code[c] for c in self._after.get(code, ())), key=lambda u: u.code)

    def find_former(self, name: str, district: str = "", province: str = "") -> list[RealUnit]:
        """Former communes called ``name`` (without ``phường``/``xã``), optionally in a district or
        province whose name contains the words given.

        >>> [u.title for u in read().find_former("Nhơn Hưng", district="Tịnh Biên")]
        ['phường Nhơn Hưng (Thị xã Tịnh Biên)']
        """
        out = []
        for u in self.formers:
            if u.name != name or district not in u.district:
                continue
            if province and province not in self._by_code[u.parent].name:
                continue
            out.append(u)
        return out


def _package_data() -> tuple[list[dict], list[dict], dict]:
    """The rows of ``vietnamadminunits``' two tables and its 2025 conversion (opened read-only)."""
    from vietnamadminunits.database.main import query

    new = query("SELECT provinceKey, provinceCode, wardKey, wardCode FROM admin_units")
    old = query("SELECT province, provinceKey, provinceCode, district, districtKey, ward, wardKey, wardCode, wardType "
                "FROM admin_units_legacy")
    import vietnamadminunits

    path = Path(vietnamadminunits.__file__).parent / "data" / "converter_2025.json"
    return new, old, json.loads(path.read_text(encoding="utf-8"))


def _new_codes(new_rows: list[dict]) -> dict[tuple[str, str], str]:
    """(province key, ward key) of ``vietnamadminunits`` → GSO code as ``vietnam-provinces`` has it."""
    from vietnam_provinces import Ward

    by_code = {int(w.code): w for w in Ward.iter_all()}
    by_key = {(int(w.province_code), w.codename.replace("_", "")): w for w in Ward.iter_all()}
    out = {}
    for r in new_rows:
        ward = by_key.get((int(r["provinceCode"]), r["wardKey"])) or by_code[int(r["wardCode"])]
        out[(r["provinceKey"], r["wardKey"])] = f"{int(ward.code):05d}"
    if len(set(out.values())) != len(out):
        raise ValueError("vietnamadminunits và vietnam-provinces không khớp: hai xã cùng một mã")
    return out


def _lineage(converter: dict, new_codes: dict, old_codes: dict) -> list[tuple[str, str]]:
    pairs = set()
    for prov, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for ward, olds in wards.items():
            pairs |= {(new_codes[(prov, ward)], old_codes[o]) for o in olds if o in old_codes}
    for prov, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, parts in olds.items():
            if old in old_codes:
                pairs |= {(new_codes[(prov, p["newWardKey"])], old_codes[old]) for p in parts}
    return sorted(pairs)


@lru_cache(maxsize=1)
def read() -> RealCountry:
    """Every real unit and the lineage, read from the two packages (about 1 s; cached)."""
    from vietnam_provinces import Province, VietNamDivisionType, Ward

    new_rows, old_rows, converter = _package_data()
    merged = {k for k, v in converter["DICT_PROVINCE"].items() if len(v) > 1}
    new_province_of = {old: new for new, olds in converter["DICT_PROVINCE"].items() for old in olds}
    province_code = {r["provinceKey"]: f"{int(r['provinceCode']):02d}" for r in new_rows}
    provinces = []
    for p in sorted(Province.iter_all(), key=lambda p: int(p.code)):
        kind = "thanh_pho" if p.division_type == VietNamDivisionType.THANH_PHO_TRUNG_UONG else "tinh"
        name = split_kind(p.name, kind)[1]
        key = next(k for k, c in province_code.items() if c == f"{int(p.code):02d}")
        provinces.append(RealUnit(f"{int(p.code):02d}", name, "province", kind,
                                  valid_from=MERGER_DAY if key in merged else None))
    communes = []
    for w in sorted(Ward.iter_all(), key=lambda w: int(w.code)):
        kind, name = split_kind(w.name, "xa")
        communes.append(RealUnit(f"{int(w.code):05d}", name, "commune", kind, f"{int(w.province_code):02d}",
                                 valid_from=MERGER_DAY))
    old_codes, formers = {}, []
    for r in old_rows:
        if not r["wardCode"]:
            continue  # an island district without communes
        key = f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey']}"
        code = f"{r['wardCode']}{FORMER_SUFFIX}"
        old_codes[key] = code
        kind, name = split_kind(f"{r['wardType']} {r['ward'][len(r['wardType']):].strip()}", "xa")
        formers.append(RealUnit(code, name, "commune", kind, province_code[new_province_of[r["provinceKey"]]],
                                valid_to=LAST_DAY_BEFORE, district=r["district"], province_before=r["province"]))
    formers.sort(key=lambda u: u.code)
    lineage = _lineage(converter, _new_codes(new_rows), old_codes)
    return RealCountry(tuple(provinces), tuple(communes), tuple(formers), tuple(lineage))


def restrict(country: RealCountry, provinces) -> RealCountry:
    """The part of ``country`` in the provinces whose codes are given (for a smaller test country).

    >>> part = restrict(read(), ["48"])
    >>> [p.name for p in part.provinces], len(part.communes), len(part.formers)
    (['Đà Nẵng'], 94, 280)
    """
    keep = set(provinces)
    unknown = keep - {p.code for p in country.provinces}
    if unknown:
        raise ValueError(f"Không có tỉnh, thành phố mã {', '.join(sorted(unknown))} (mã 2 chữ số, ví dụ 01, 48, 79).")
    communes = tuple(u for u in country.communes if u.parent in keep)
    formers = tuple(u for u in country.formers if u.parent in keep)
    codes = {u.code for u in communes}
    return RealCountry(tuple(p for p in country.provinces if p.code in keep), communes, formers,
                       tuple((new, old) for new, old in country.lineage if new in codes))


def counts(country: RealCountry) -> dict[str, int]:
    """How many of each kind: the figures the press gives for 1 July 2025.

    >>> counts(read())
    {'tỉnh': 28, 'thành phố': 6, 'xã': 2621, 'phường': 687, 'đặc khu': 13, 'xã, phường, thị trấn cũ': 10035}
    """
    by = Counter(u.kind for u in country.provinces + country.communes)
    out = {KIND_WORDS[k]: by[k] for k in ("tinh", "thanh_pho", "xa", "phuong", "dac_khu")}
    out["xã, phường, thị trấn cũ"] = len(country.formers)
    return out
