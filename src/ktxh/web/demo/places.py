"""Where the demo wards of the seeds stand in the real country since 1 July 2025.

The seeds are real wards' documents from before the 2025 reorganisation; each is found among
the former communes of ``ktxh.scale.real_units`` by its name and its district (named in its
text), and the note says which commune it went into. Lê Lợi cannot be placed: its plan is sent to
"UBND TP Bắc Giang", and the former communes of that city (as ``vietnamadminunits`` lists them,
the state before 1 July 2025) hold no Lê Lợi any more.
"""

from __future__ import annotations

# demo code → (name, the district its text names, how the text shows it)
PLACES = {
    "DEMO-01": ("Điện Nam Đông", "Thị xã Điện Bàn", "“phường vùng Đông của thị xã”, Nghị quyết của HĐND thị xã"),
    "DEMO-02": ("Hương Xuân", "Thị xã Hương Trà", "“phối hợp Thị đoàn Hương Trà”"),
    "DEMO-03": ("Lương Sơn", "Thành phố Sông Công", "“Trung tâm Dịch vụ nông nghiệp thành phố Sông Công”"),
    "DEMO-04": ("Nhơn Hưng", "Thị xã Tịnh Biên", "“thành lập thị xã Tịnh Biên và các phường thuộc thị xã”"),
}
UNPLACED = {
    "DEMO-05": "Văn bản mẫu gửi “UBND TP Bắc Giang”; danh mục xã trước 01/7/2025 (vietnamadminunits) không còn "
               "phường Lê Lợi thuộc thành phố Bắc Giang, nên chưa xác định được đơn vị kế thừa.",
}


def note(code: str) -> str:
    """The note shown on a demo ward: what it was, and what it is part of since 1 July 2025.

    >>> print(note("DEMO-04"))
    Dữ liệu mẫu từ văn bản thật của phường Nhơn Hưng, Thị xã Tịnh Biên, Tỉnh An Giang (mã 30511). Từ 01/7/2025 thuộc phường Thới Sơn, tỉnh An Giang (mã 30502), hình thành từ: phường Nhà Bàng, phường Nhơn Hưng, phường Thới Sơn.
    """
    if code in UNPLACED:
        return UNPLACED[code]
    if code not in PLACES:
        return ""
    from ktxh.scale.real_units import read

    name, district, _ = PLACES[code]
    country = read()
    (old,) = country.find_former(name, district=district)
    parts = []
    for new in country.successors(old.code):
        province = country.unit(new.parent)
        before = ", ".join(u.title.split(" (")[0] for u in country.predecessors(new.code))
        parts.append(f"{new.title}, {province.title} (mã {new.code}), hình thành từ: {before}")
    return (f"Dữ liệu mẫu từ văn bản thật của {old.title.split(' (')[0]}, {old.district}, {old.province_before} "
            f"(mã {old.code.removesuffix('-cu')}). Từ 01/7/2025 thuộc " + "; ".join(parts) + ".")
