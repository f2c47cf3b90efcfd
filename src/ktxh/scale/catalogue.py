"""The fields and indicators a generated country plans with.

Hand-written entries are the ones commune plans carry (seed 000, 003, 004); crops,
livestock and sectors are multiplied out to reach about 150. Every rate comes after
its numerator and denominator, so a prefix of the list is always complete.
"""

from __future__ import annotations

from dataclasses import dataclass

FIELDS = (
    ("kinh-te", "Kinh tế"),
    ("nong-nghiep", "Nông nghiệp, nông thôn"),
    ("ngan-sach", "Tài chính, ngân sách"),
    ("van-hoa-xa-hoi", "Văn hóa - xã hội"),
    ("giao-duc", "Giáo dục và đào tạo"),
    ("y-te", "Y tế, dân số"),
    ("lao-dong", "Lao động, việc làm, giảm nghèo"),
    ("moi-truong", "Tài nguyên, môi trường"),
    ("quoc-phong", "Quốc phòng - an ninh"),
    ("chinh-quyen", "Xây dựng chính quyền"),
)


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


def _rate(code, name, num, den, field, direction="up", style=None):
    return Spec(code, name, "%", field, "rate", direction=direction, aggregation="rate", numerator=num,
                denominator=den, decimals=2, style=style or ("percent_down" if direction == "down" else "percent_up"))


CORE = (
    Spec("tong-so-ho", "Tổng số hộ dân cư", "hộ", "lao-dong", "count", 0.27, stock=True),
    Spec("dan-so", "Dân số trung bình", "người", "y-te", "count", 1.0, stock=True),
    Spec("lao-dong-trong-tuoi", "Số người trong độ tuổi lao động", "người", "lao-dong", "count", 0.62, stock=True),
    Spec("so-ho-ngheo", "Số hộ nghèo", "hộ", "lao-dong", "count", 0.27 * 0.035, "down", style="amount_down", stock=True),
    _rate("ty-le-ho-ngheo", "Tỷ lệ hộ nghèo", "so-ho-ngheo", "tong-so-ho", "lao-dong", "down", "change_base"),
    Spec("nguoi-bhyt", "Số người tham gia bảo hiểm y tế", "người", "y-te", "count", 0.93, stock=True),
    _rate("ty-le-bhyt", "Tỷ lệ người dân tham gia bảo hiểm y tế", "nguoi-bhyt", "dan-so", "y-te"),
    Spec("ho-nuoc-sach", "Số hộ sử dụng nước sạch", "hộ", "moi-truong", "count", 0.27 * 0.9, stock=True),
    _rate("ty-le-nuoc-sach", "Tỷ lệ hộ dân sử dụng nước sạch", "ho-nuoc-sach", "tong-so-ho", "moi-truong"),
    Spec("lao-dong-dao-tao", "Số lao động đã qua đào tạo", "người", "lao-dong", "count", 0.62 * 0.7, stock=True),
    _rate("ty-le-lao-dong-dao-tao", "Tỷ lệ lao động qua đào tạo", "lao-dong-dao-tao", "lao-dong-trong-tuoi", "lao-dong"),
    Spec("ho-van-hoa", "Số hộ gia đình đạt danh hiệu “Gia đình văn hóa”", "hộ", "van-hoa-xa-hoi", "count", 0.27 * 0.92,
         stock=True),
    _rate("ty-le-ho-van-hoa", "Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa”", "ho-van-hoa", "tong-so-ho",
          "van-hoa-xa-hoi"),
    Spec("tre-duoi-5", "Số trẻ em dưới 5 tuổi", "người", "y-te", "count", 0.08, stock=True),
    Spec("tre-thap-coi", "Số trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", "người", "y-te", "count", 0.08 * 0.12,
         "down", style="amount_down", stock=True),
    _rate("ty-le-thap-coi", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", "tre-thap-coi", "tre-duoi-5", "y-te",
          "down"),
    Spec("rac-phat-sinh", "Khối lượng chất thải rắn sinh hoạt phát sinh", "tấn", "moi-truong", "count", 0.3, decimals=1),
    Spec("rac-thu-gom", "Khối lượng chất thải rắn sinh hoạt được thu gom", "tấn", "moi-truong", "count", 0.3 * 0.95,
         decimals=1),
    _rate("ty-le-thu-gom-rac", "Tỷ lệ thu gom chất thải rắn sinh hoạt", "rac-thu-gom", "rac-phat-sinh", "moi-truong"),
    Spec("nguoi-bhxh", "Số người tham gia bảo hiểm xã hội", "người", "lao-dong", "count", 0.62 * 0.25, stock=True),
    _rate("ty-le-bhxh", "Tỷ lệ lao động tham gia bảo hiểm xã hội", "nguoi-bhxh", "lao-dong-trong-tuoi", "lao-dong"),
    Spec("thu-ngan-sach", "Tổng thu ngân sách nhà nước trên địa bàn", "triệu đồng", "ngan-sach", "count", 0.9,
         style="assigned", freq="month"),
    Spec("chi-ngan-sach", "Tổng chi ngân sách địa phương", "triệu đồng", "ngan-sach", "count", 0.85, freq="month"),
    Spec("thu-thue", "Thu thuế ngoài quốc doanh", "triệu đồng", "ngan-sach", "count", 0.15, freq="month"),
    Spec("gia-tri-san-xuat", "Tổng giá trị sản xuất", "tỷ đồng", "kinh-te", "count", 0.06, decimals=2, freq="quarter"),
    Spec("tang-gtsx", "Tốc độ tăng tổng giá trị sản xuất", "%", "kinh-te", "growth", 8.0, aggregation="none",
         decimals=2, style="growth"),
    Spec("thu-nhap", "Thu nhập bình quân đầu người", "triệu đồng", "kinh-te", "level", 70.0, aggregation="average",
         decimals=1),
    Spec("nang-suat-lua", "Năng suất lúa bình quân", "tạ/ha", "nong-nghiep", "level", 60.0, aggregation="average",
         decimals=1),
    Spec("che-phu-rung", "Tỷ lệ che phủ rừng", "%", "moi-truong", "level", 45.0, aggregation="none", decimals=2,
         style="percent_up"),
    Spec("chi-so-cchc", "Chỉ số cải cách hành chính", "điểm", "chinh-quyen", "level", 85.0, aggregation="none", decimals=2),
    Spec("tiem-chung", "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", "%", "y-te", "level", 97.0,
         aggregation="none", decimals=2, style="percent_up"),
    Spec("nong-thon-moi", "Xây dựng xã đạt chuẩn nông thôn mới nâng cao", "", "nong-nghiep", "qual", aggregation="none",
         style="qual"),
    Spec("an-ninh", "Giữ vững an ninh chính trị, trật tự an toàn xã hội", "", "quoc-phong", "qual", aggregation="none",
         style="qual"),
    Spec("giao-quan", "Hoàn thành chỉ tiêu giao quân", "", "quoc-phong", "qual", aggregation="none", style="qual"),
    Spec("truong-dat-chuan", "Số trường đạt chuẩn quốc gia", "trường", "giao-duc", "count", 0.0002, stock=True),
    Spec("ho-kinh-doanh", "Số hộ kinh doanh cá thể", "hộ", "kinh-te", "count", 0.04, stock=True),
    Spec("doanh-nghiep-moi", "Số doanh nghiệp thành lập mới", "doanh nghiệp", "kinh-te", "count", 0.0006, freq="quarter"),
    Spec("viec-lam-moi", "Số lao động được giải quyết việc làm mới", "người", "lao-dong", "count", 0.012, freq="quarter"),
    Spec("von-dau-tu", "Tổng vốn đầu tư phát triển trên địa bàn", "tỷ đồng", "kinh-te", "count", 0.02, decimals=2,
         freq="quarter"),
    Spec("tai-nan-giao-thong", "Số vụ tai nạn giao thông", "vụ", "quoc-phong", "count", 0.0004, "down",
         style="amount_down", freq="month"),
    Spec("pham-phap-hinh-su", "Số vụ phạm pháp hình sự", "vụ", "quoc-phong", "count", 0.0006, "down",
         style="amount_down", freq="month"),
    Spec("kham-chua-benh", "Số lượt khám, chữa bệnh tại trạm y tế", "lượt", "y-te", "count", 0.8, freq="month"),
    Spec("duong-cung-hoa", "Chiều dài đường giao thông nông thôn được cứng hóa", "km", "nong-nghiep", "count", 0.0002,
         decimals=2),
    Spec("kenh-muong", "Chiều dài kênh mương được kiên cố hóa", "km", "nong-nghiep", "count", 0.0001, decimals=2),
    Spec("rung-trong-moi", "Diện tích rừng trồng mới", "ha", "moi-truong", "count", 0.002, decimals=1),
    Spec("cay-phan-tan", "Số cây lâm nghiệp phân tán trồng mới", "cây", "moi-truong", "count", 0.3),
    Spec("thuy-san", "Sản lượng thủy sản", "tấn", "nong-nghiep", "count", 0.02, decimals=1, freq="quarter"),
    Spec("dien-tich-thuy-san", "Diện tích nuôi trồng thủy sản", "ha", "nong-nghiep", "count", 0.002, decimals=1),
    Spec("thit-hoi", "Sản lượng thịt hơi xuất chuồng", "tấn", "nong-nghiep", "count", 0.04, decimals=1, freq="quarter"),
)

CROPS = ("lúa", "ngô", "khoai lang", "sắn", "lạc", "đậu tương", "rau các loại", "mía", "chè", "cà phê", "hồ tiêu",
         "điều", "cao su", "cây ăn quả")
ANIMALS = ("trâu", "bò", "lợn", "dê", "gia cầm")
SECTORS = ("nông, lâm nghiệp và thủy sản", "công nghiệp - xây dựng", "thương mại - dịch vụ")
SCHOOLS = ("mầm non", "tiểu học", "trung học cơ sở")
SLUGS = {
    "lúa": "lua", "ngô": "ngo", "khoai lang": "khoai-lang", "sắn": "san", "lạc": "lac", "đậu tương": "dau-tuong",
    "rau các loại": "rau", "mía": "mia", "chè": "che", "cà phê": "ca-phe", "hồ tiêu": "ho-tieu", "điều": "dieu",
    "cao su": "cao-su", "cây ăn quả": "cay-an-qua", "trâu": "trau", "bò": "bo", "lợn": "lon", "dê": "de",
    "gia cầm": "gia-cam", "nông, lâm nghiệp và thủy sản": "nong-lam-thuy-san", "công nghiệp - xây dựng": "cong-nghiep",
    "thương mại - dịch vụ": "dich-vu", "mầm non": "mam-non", "tiểu học": "tieu-hoc", "trung học cơ sở": "thcs",
}


def _multiplied() -> list[Spec]:
    out = []
    for i, crop in enumerate(CROPS):
        s = SLUGS[crop]
        out.append(Spec(f"dien-tich-{s}", f"Diện tích gieo trồng {crop}", "ha", "nong-nghiep", "count",
                        0.02 / (1 + i), decimals=1))
        out.append(Spec(f"san-luong-{s}", f"Sản lượng {crop}", "tấn", "nong-nghiep", "count", 0.12 / (1 + i),
                        decimals=1, freq="quarter" if i < 2 else "year"))
        if 0 < i < 8:  # rice yield is in CORE
            out.append(Spec(f"nang-suat-{s}", f"Năng suất {crop}", "tạ/ha", "nong-nghiep", "level", 60.0 - 4 * i,
                            aggregation="average", decimals=1))
    for i, animal in enumerate(ANIMALS):
        out.append(Spec(f"dan-{SLUGS[animal]}", f"Tổng đàn {animal}", "con", "nong-nghiep", "count",
                        (0.02, 0.05, 0.3, 0.01, 3.0)[i], stock=True))
    for sector in SECTORS:
        s = SLUGS[sector]
        out.append(Spec(f"gtsx-{s}", f"Giá trị sản xuất ngành {sector}", "tỷ đồng", "kinh-te", "count", 0.02,
                        decimals=2, freq="quarter"))
        out.append(Spec(f"tang-gtsx-{s}", f"Tốc độ tăng giá trị sản xuất ngành {sector}", "%", "kinh-te", "growth",
                        7.0, aggregation="none", decimals=2, style="growth"))
        out.append(Spec(f"ty-trong-{s}", f"Tỷ trọng ngành {sector} trong cơ cấu kinh tế", "%", "kinh-te", "level",
                        33.0, aggregation="none", decimals=2, style="percent_up"))
    for i, crop in enumerate(CROPS):
        out.append(Spec(f"gtsx-{SLUGS[crop]}", f"Giá trị sản xuất {crop}", "tỷ đồng", "nong-nghiep", "count",
                        0.004 / (1 + i), decimals=2))
    for i, animal in enumerate(ANIMALS):
        s = SLUGS[animal]
        out.append(Spec(f"ho-nuoi-{s}", f"Số hộ chăn nuôi {animal}", "hộ", "nong-nghiep", "count", 0.01 * (i + 1),
                        stock=True))
        out.append(Spec(f"xuat-chuong-{s}", f"Sản lượng {animal} xuất chuồng", "tấn", "nong-nghiep", "count",
                        0.005 * (i + 1), decimals=1))
    for sector in SECTORS:
        out.append(Spec(f"lao-dong-{SLUGS[sector]}", f"Số lao động làm việc trong ngành {sector}", "người", "lao-dong",
                        "count", 0.2, stock=True))
    for school in SCHOOLS:
        s = SLUGS[school]
        out.append(Spec(f"giao-vien-{s}", f"Số giáo viên {school}", "người", "giao-duc", "count", 0.004, stock=True))
        out.append(Spec(f"huy-dong-{s}", f"Tỷ lệ huy động trẻ em {school} ra lớp", "%", "giao-duc", "level", 98.0,
                        aggregation="none", decimals=2, style="percent_up"))
        out.append(Spec(f"hoc-sinh-{s}", f"Số học sinh {school}", "học sinh", "giao-duc", "count", 0.06, stock=True))
        out.append(Spec(f"truong-chuan-{s}", f"Số trường {school} đạt chuẩn quốc gia", "trường", "giao-duc", "count",
                        0.00007, stock=True))
        out.append(Spec(f"bo-hoc-{s}", f"Tỷ lệ học sinh {school} bỏ học", "%", "giao-duc", "level", 0.8,
                        direction="down", aggregation="none", decimals=2, style="percent_down"))
    for code, what, base in (("sot-xuat-huyet", "Số ca mắc sốt xuất huyết", 0.0005), ("chay-no", "Số vụ cháy, nổ", 0.0001),
                             ("vi-pham-moi-truong", "Số vụ vi phạm môi trường", 0.0001),
                             ("don-thu", "Số đơn thư khiếu nại, tố cáo", 0.0003)):
        out.append(Spec(code, what, "vụ", "quoc-phong" if code != "sot-xuat-huyet" else "y-te", "count", base, "down",
                        style="amount_down"))
    for what, base in (("nhà văn hóa thôn, tổ dân phố", 0.0003), ("công trình thủy lợi", 0.0001),
                       ("cơ sở sản xuất công nghiệp", 0.004), ("hợp tác xã", 0.0002), ("trang trại", 0.0005),
                       ("sản phẩm OCOP", 0.0002), ("câu lạc bộ văn hóa, thể thao", 0.0004), ("điểm bán lẻ", 0.01)):
        out.append(Spec(f"co-so-{len(out)}", f"Số {what}", "cơ sở", "kinh-te", "count", base, stock=True))
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
