"""The importer's whole output for the seeds' target lists (issue 14, "Done when"): indicator codes,
names, units, periods and values, row by row, and the codes the wards share.

Sources: src/ktxh/web/demo/seeds/ — seed 001 (Hương Xuân, NQ HĐND 2022, "II. Chỉ tiêu": 14 lines),
seed 003 (Nhơn Hưng, kế hoạch 2024, VII.1 "Các chỉ tiêu chủ yếu": compound lines split into one
target per indicator, each keeping its line as source) and seed 004 (Lê Lợi, Biểu số 02, the
table of 2023's indicators). Each row is (catalogue code, catalogue name, unit, period, value as
written, its figures in the indicator's unit: seed 003's "428.000.000 đồng" for the budget counted in
triệu đồng is saved as "428 triệu đồng", not read as 428 million of them). Checked by hand against the
seeds when written.
"""
# ruff: noqa: E501

from pathlib import Path

import pytest

from ktxh.reader import read_document
from ktxh.web.accounts.models import Role
from ktxh.web.data.tracking import importer
from ktxh.web.metadata.plans.models import Indicator, Target
from ktxh.web.tests.factories import unit, user

SEEDS = Path(__file__).resolve().parents[3] / "demo" / "seeds"


def seed(prefix: str):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return read_document(path)


@pytest.fixture
def commune(db):
    province = unit("91", "Tỉnh Thử Danh Mục", "province", "tinh")
    ward = unit("91001", "Phường Thử", "commune", "phuong", province)
    return ward, user("phuongthu.lanhdao", Role.LEADER, ward)


def rows(prefix: str, where: str, commune):
    ward, leader = commune
    prepared = importer.prepare(seed(prefix), unit=ward, user=leader)
    return [(r.code, r.name, r.unit, r.period, r.value) for r in prepared.rows
            if r.kind == importer.TARGET and where in r.location], prepared


SEED_001 = [
    ('tang-gtsx', 'Tốc độ tăng tổng giá trị sản xuất', '%', 'Năm 2022', 'Tốc độ tăng giá trị sản xuất các ngành kinh tế bình quân so với năm 2021: 14 – 15%/ năm'),
    ('gtsx-tren-ha', 'Giá trị sản xuất bình quân trên 1 ha đất canh tác', 'triệu đồng', 'Năm 2022', 'Giá trị sản xuất bình quân trên một hecta canh tác: 110 triệu đồng'),
    ('thu-ngan-sach', 'Tổng thu ngân sách nhà nước trên địa bàn', '%', 'Năm 2022', 'Tổng thu ngân sách nhà nước trên địa bàn (không tính tiền sử dụng đất): Phấn đấu đạt và vượt chỉ tiêu giao từ 5-10%'),
    ('thu-nhap', 'Thu nhập bình quân đầu người', 'triệu đồng', 'Năm 2022', 'Thu nhập bình quân đầu người: 60-61 triệu đồng'),
    ('von-dau-tu', 'Tổng vốn đầu tư phát triển trên địa bàn', 'tỷ đồng', 'Năm 2022', 'Tổng vốn đầu tư toàn xã hội: 40-45 tỷ đồng'),
    ('so-co-so-kinh-te', 'Số cơ sở kinh tế trên địa bàn', 'cơ sở', 'Năm 2022', 'Tăng số cơ sở và số lao động trong các cơ sở kinh tế trong năm: > 10 cơ sở, với >50 lao động'),
    ('ty-le-lao-dong-phi-nn', 'Tỷ lệ lao động phi nông nghiệp', '%', 'Năm 2022', 'Tỉ lệ lao động phi nông nghiệp: 83%'),
    ('viec-lam-moi', 'Số lao động được giải quyết việc làm mới', 'lao động', 'Năm 2022', 'Giải quyết việc làm trong năm: Từ 100-120 lao động, trong đó xuất khẩu lao động theo hợp đồng từ 10-12 người'),
    ('ty-le-truong-chuan', 'Tỷ lệ trường đạt chuẩn quốc gia', '%', 'Năm 2022', 'Duy trì tỷ lệ trường đạt chuẩn quốc gia: 75%'),
    ('ty-le-ho-ngheo', 'Tỷ lệ hộ nghèo', '%', 'Năm 2022', 'Tỷ lệ hộ nghèo giảm so với năm 2021(theo chuẩn nghèo đa chiều): Từ 0,7 - 0,9%'),
    ('ty-le-bhyt', 'Tỷ lệ người dân tham gia bảo hiểm y tế', '%', 'Năm 2022', 'Tỷ lệ người tham gia bảo hiểm y tế: > 99%'),
    ('ty-le-ho-nep-song-van-minh', 'Tỷ lệ hộ dân thực hiện nếp sống văn minh, môi trường văn hóa', '%', 'Năm 2022', 'Hộ dân thực hiện nếp sống văn minh, môi trường văn hóa: >98%'),
    ('ty-le-thu-gom-rac', 'Tỷ lệ thu gom chất thải rắn sinh hoạt', '%', 'Năm 2022', 'Tỷ lệ thu gom và vận chuyển rác thải rắn sinh hoạt: 100%'),
    ('ty-le-co-so-xu-ly-moi-truong', 'Tỷ lệ cơ sở sản xuất có hệ thống xử lý đảm bảo vệ sinh môi trường', '%', 'Năm 2022', 'Tỷ lệ cơ sở sản xuất có hệ thống xử lý đảm bảo vệ sinh môi trường: 90%'),
]

SEED_003 = [
    ('ho-kinh-doanh', 'Số hộ kinh doanh cá thể', '%', 'Năm 2024', 'Tập trung phát triển thương mại - dịch vụ tăng 2,5% hộ kinh doanh/năm'),
    ('thu-ngan-sach-xa', 'Thu ngân sách xã, phường (thu cân đối)', 'đồng', 'Năm 2024', 'Thu cân đối theo chỉ tiêu huyện giao là 428 triệu đồng'),
    ('thu-nhap', 'Thu nhập bình quân đầu người', 'đồng/người/năm', 'Năm 2024', 'Thu nhập bình quân đầu người: 64 triệu đồng/người/năm'),
    ('chuyen-doi-cay-trong', 'Diện tích chuyển đổi cơ cấu cây trồng trên đất kém hiệu quả', 'ha', 'Năm 2024', 'Chuyên đổi cây trồng trên diện tích kém hiệu quả: 55 ha'),
    ('ty-le-ho-dien', 'Tỷ lệ hộ sử dụng điện (điện kế)', '%', 'Năm 2024', 'Hộ sử dụng điện kế đạt 99,64%'),
    ('ty-le-ho-thuy-ke', 'Tỷ lệ hộ sử dụng nước sạch (thủy kế)', '%', 'Năm 2024', 'Hộ sử dụng thủy kế đạt 100%'),
    ('dich-benh-gia-suc', 'Không để dịch bệnh gia súc, gia cầm xảy ra', '', 'Năm 2024', 'Không để dịch bệnh gia súc, gia cầm'),
    ('ty-le-bhyt', 'Tỷ lệ người dân tham gia bảo hiểm y tế', '%', 'Năm 2024', 'Vận động người dân tham gia BHYT đạt 93%'),
    ('chuan-quoc-gia-y-te', 'Xã, phường đạt Bộ tiêu chí quốc gia về y tế', 'chuẩn', 'Năm 2024', 'Tiếp tục duy trì thực hiện 10 chuẩn Y tế quốc gia'),
    ('ty-le-thap-coi', 'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi', '%', 'Năm 2024', 'Giảm tỷ lệ suy dinh dưỡng thể Chiều cao 15%'),
    ('ty-le-nhe-can', 'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân', '%', 'Năm 2024', 'Giảm tỷ lệ suy dinh dưỡng thể Cân nặng 8,19%'),
    ('huy-dong-mau-giao-5-tuoi', 'Tỷ lệ huy động trẻ mẫu giáo 5 tuổi ra lớp', '%', 'Năm 2024', 'Huy động học sinh ra lớp đúng độ tuổi: Mẫu giáo 05 tuổi đạt 100%/năm'),
    ('huy-dong-tieu-hoc', 'Tỷ lệ huy động trẻ em đúng độ tuổi vào tiểu học', '%', 'Năm 2024', 'Huy động học sinh ra lớp đúng độ tuổi: Tiểu học đạt 100%/năm'),
    ('huy-dong-thcs', 'Tỷ lệ huy động trẻ em đúng độ tuổi vào trung học cơ sở', '%', 'Năm 2024', 'Huy động học sinh ra lớp đúng độ tuổi: Trung học cơ sở đạt 97-98%/năm'),
    ('bo-hoc-tieu-hoc', 'Tỷ lệ học sinh tiểu học bỏ học', '%', 'Năm 2024', 'Tỷ lệ học sinh bỏ học giữa chừng giảm: Tiểu học dưới 01% năm học'),
    ('bo-hoc-thcs', 'Tỷ lệ học sinh trung học cơ sở bỏ học', '%', 'Năm 2024', 'Tỷ lệ học sinh bỏ học giữa chừng giảm: Trung học cơ sở dưới 02%/năm học'),
    ('pho-cap-giao-duc', 'Giữ vững chuẩn phổ cập giáo dục, xóa mù chữ', '', 'Năm 2024', 'Giữ vững chuẩn chống mù chữ, phổ cập mẫu giáo 05 tuổi, phổ cập tiểu học đúng độ tuổi, Trung học cơ sở và tiến tới phổ cập Trung học phổ thông'),
    ('viec-lam-moi', 'Số lao động được giải quyết việc làm mới', 'lao động', 'Năm 2024', 'Giới thiệu việc làm mới bình quân 200 lao động/năm'),
    ('ty-le-lao-dong-co-viec-lam', 'Tỷ lệ người trong độ tuổi lao động có việc làm thường xuyên', '%', 'Năm 2024', 'Tỷ lệ người trong độ tuổi lao động có việc làm thường xuyên đạt 92%'),
    ('ty-le-lao-dong-dao-tao', 'Tỷ lệ lao động qua đào tạo', '%', 'Năm 2024', 'Tỷ lệ lao động qua đào tạo đạt trên 70%'),
    ('so-ho-ngheo', 'Số hộ nghèo', 'hộ nghèo', 'Năm 2024', 'Giảm 01 hộ nghèo'),
    ('so-ho-can-ngheo', 'Số hộ cận nghèo', 'hộ cận nghèo', 'Năm 2024', 'Giảm 01 hộ cận nghèo theo chuẩn mới'),
    ('xuat-khau-lao-dong', 'Số lao động đi làm việc ở nước ngoài theo hợp đồng', 'lao động', 'Năm 2024', 'Xuất khẩu lao động: 02 lao động'),
    ('ty-le-no-qua-han', 'Tỷ lệ nợ quá hạn nguồn vốn vay Ngân hàng Chính sách xã hội', '%', 'Năm 2024', 'Tỷ lệ nợ quá hạn từ nguồn vốn vay từ Ngân hàng Chính sách xã hội cuối năm dưới 02%'),
    ('quy-khuyen-hoc', 'Vận động Quỹ khuyến học', 'triệu đồng', 'Năm 2024', 'Vận động quỹ khuyến học hàng năm 130 triệu đồng'),
    ('ty-le-ho-van-hoa', 'Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa”', '%', 'Năm 2024', 'Duy trì và nâng chất GDVH đã đạt'),
    ('ty-le-co-quan-van-hoa', 'Tỷ lệ cơ quan, đơn vị đạt chuẩn văn hóa', '%', 'Năm 2024', 'cơ quan, đơn vị văn hóa đạt 100%'),
    ('so-thon-van-hoa', 'Số thôn, tổ dân phố đạt danh hiệu văn hóa', 'nhóm', 'Năm 2024', 'Giữ vững 3/3 nhóm đạt chuẩn nhóm văn hoá'),
    ('cai-cach-hanh-chinh', 'Đẩy mạnh cải cách thủ tục hành chính', '', 'Năm 2024', 'Đẩy mạnh công tác cải cách thủ tục hành chính, thực hiện đúng phương châm “thân thiện, trách nhiệm, đúng hẹn”'),
    ('ty-le-hoa-giai-thanh', 'Tỷ lệ hòa giải thành ở cơ sở', '', 'Năm 2024', 'Đảm bảo công tác hòa giải cơ sở (không để đơn tồn đọng)'),
    ('giao-quan', 'Hoàn thành chỉ tiêu giao quân', '', 'Năm 2024', 'Giao quân đạt chỉ tiêu thị xã giao'),
    ('phong-trao-bvanqt', 'Phong trào toàn dân bảo vệ an ninh Tổ quốc', '', 'Năm 2024', 'Thực hiện tốt phong trào bảo vệ an ninh tổ quốc'),
    ('do-thi-van-minh', 'Phường đạt chuẩn văn minh đô thị', '', 'Năm 2024', 'Thực hiện tốt các chỉ tiêu phường đạt chuẩn đô thị văn minh'),
    ('quy-vi-nguoi-ngheo', 'Vận động Quỹ Vì người nghèo - an sinh xã hội', 'triệu đồng', 'Năm 2024', 'Vận động quỹ VNN-XHTT 460 triệu đồng/năm'),
]

SEED_004 = [
    ('tang-gtsx', 'Tốc độ tăng tổng giá trị sản xuất', '%', 'Năm 2023', '14,5 – 16,5'),
    ('tang-gtsx-dich-vu', 'Tốc độ tăng giá trị sản xuất ngành thương mại - dịch vụ', '%', 'Năm 2023', '14,5 – 16,5'),
    ('tang-gtsx-cong-nghiep', 'Tốc độ tăng giá trị sản xuất ngành công nghiệp - xây dựng', '%', 'Năm 2023', '18,0- 20,0'),
    ('dan-so', 'Dân số trung bình', 'người', 'Năm 2023', '12,575'),
    ('ty-suat-sinh-tho', 'Tỷ suất sinh thô', '‰', 'Năm 2023', '0.03'),
    ('ty-le-tang-dan-so', 'Tỷ lệ tăng dân số tự nhiên', '%', 'Năm 2023', '1.05'),
    ('so-truong', 'Số trường học', 'trường', 'Năm 2023', '4'),
    ('so-lop', 'Số lớp học', 'lớp', 'Năm 2023', '68'),
    ('so-hoc-sinh', 'Số học sinh đầu năm học', 'h.sinh', 'Năm 2023', '2,016'),
    ('pho-cap-mam-non', 'Phổ cập giáo dục mầm non cho trẻ 5 tuổi', '', 'Năm 2023', 'đạt'),
    ('pho-cap-tieu-hoc', 'Phổ cập giáo dục tiểu học mức độ 3', '', 'Năm 2023', 'đạt'),
    ('pho-cap-thcs', 'Phổ cập giáo dục trung học cơ sở mức độ 2', '', 'Năm 2023', 'đạt'),
    ('ty-le-kien-co-truong', 'Tỷ lệ kiên cố hóa trường, lớp học', '%', 'Năm 2023', '100'),
    ('truong-dat-chuan', 'Số trường đạt chuẩn quốc gia (mức độ 1)', 'trường', 'Năm 2023', '4'),
    ('ty-le-truong-chuan', 'Tỷ lệ trường đạt chuẩn quốc gia', '%', 'Năm 2023', '100'),
    ('truong-chuan-md2', 'Số trường đạt chuẩn quốc gia mức độ 2', 'trường', 'Năm 2023', '4'),
    ('ty-le-truong-chuan-md2', 'Tỷ lệ trường đạt chuẩn quốc gia mức độ 2', '%', 'Năm 2023', '100'),
    ('chuan-quoc-gia-y-te', 'Xã, phường đạt Bộ tiêu chí quốc gia về y tế', '%', 'Năm 2023', '100'),
    ('ty-le-nhe-can', 'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân', '%', 'Năm 2023', '7.1'),
    ('ty-le-thap-coi', 'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi', '%', 'Năm 2023', '10.8'),
    ('benh-nhan-methadone', 'Số bệnh nhân được điều trị thay thế nghiện các chất dạng thuốc phiện bằng Methadone', 'người', 'Năm 2023', '52'),
    ('ty-le-bhyt', 'Tỷ lệ người dân tham gia bảo hiểm y tế', '%', 'Năm 2023', '99.7'),
    ('nguoi-bhxh-tu-nguyen', 'Số người tham gia bảo hiểm xã hội tự nguyện', 'người', 'Năm 2023', '64'),
    ('viec-lam-moi', 'Số lao động được giải quyết việc làm mới', 'người', 'Năm 2023', '179'),
    ('xuat-khau-lao-dong', 'Số lao động đi làm việc ở nước ngoài theo hợp đồng', 'người', 'Năm 2023', '5'),
    ('so-ho-ngheo', 'Số hộ nghèo', 'hộ', 'Năm 2023', '5'),
    ('ty-le-ho-ngheo', 'Tỷ lệ hộ nghèo', '%', 'Năm 2023', '0.42'),
    ('xa-phu-hop-tre-em', 'Xã, phường phù hợp với trẻ em', '', 'Năm 2023', 'đạt'),
    ('do-thi-van-minh', 'Phường đạt chuẩn văn minh đô thị', 'Phường', 'Năm 2023', 'đạt'),
    ('ty-le-thon-van-hoa', 'Tỷ lệ thôn, tổ dân phố đạt danh hiệu văn hóa', '%', 'Năm 2023', '87'),
    ('ty-le-ho-van-hoa', 'Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa”', '%', 'Năm 2023', '96'),
    ('ty-le-nuoc-sach', 'Tỷ lệ hộ dân sử dụng nước sạch', '%', 'Năm 2023', '100'),
    ('ty-le-thu-gom-rac', 'Tỷ lệ thu gom chất thải rắn sinh hoạt', '%', 'Năm 2023', '100'),
    ('ty-le-xu-ly-rac', 'Tỷ lệ chất thải rắn sinh hoạt thu gom được xử lý hợp vệ sinh', '%', 'Năm 2023', '100'),
    ('attp-nong-lam-thuy-san', 'Tỷ lệ cơ sở sản xuất, chế biến, kinh doanh nông lâm thủy sản được cấp giấy chứng nhận an toàn thực phẩm', '%', 'Năm 2023', '96'),
    ('attp-thuc-pham', 'Tỷ lệ cơ sở sản xuất, kinh doanh thực phẩm, dịch vụ ăn uống được cấp giấy chứng nhận an toàn thực phẩm', '%', 'Năm 2023', '96'),
]


@pytest.mark.parametrize(("prefix", "where", "expected"), [
    ("001", "II. Chỉ tiêu", SEED_001), ("003", "1. Các chỉ tiêu chủ yếu", SEED_003), ("004", "bảng 2,", SEED_004),
])
def test_the_importer_reads_each_seed_target_onto_its_catalogue_indicator(commune, prefix, where, expected):
    got, prepared = rows(prefix, where, commune)
    assert got == expected
    assert all(r.action == "new" for r in prepared.rows if r.kind == importer.TARGET and where in r.location)


def test_a_compound_line_keeps_the_whole_line_as_the_source_of_each_part(commune):
    _, prepared = rows("003", "1. Các chỉ tiêu chủ yếu", commune)
    parts = [r for r in prepared.rows if "Tiếp tục duy trì thực hiện 10 chuẩn Y tế quốc gia" in r.source]
    assert [r.code for r in parts] == ["chuan-quoc-gia-y-te", "ty-le-thap-coi", "ty-le-nhe-can"]
    assert len({r.source for r in parts}) == 1


def test_seed_001s_fourteen_lines_are_saved_as_fourteen_targets(commune):
    ward, leader = commune
    result = importer.import_document(seed("001"), unit=ward, user=leader)
    stored = {(t.indicator.code, t.year, t.text) for t in Target.objects.filter(plan__unit=ward).select_related("indicator")}
    assert stored == {(code, 2022, value) for code, _n, _u, _p, value in SEED_001} and result.targets == 14
    assert not Indicator.objects.filter(catalogue="").exists()  # nothing minted


def test_the_wards_share_one_indicator_each_for_what_they_all_state(db):
    from ktxh.web.data.tracking.models import Actual
    from ktxh.web.demo import load

    load.load_demo()

    def wards(code):
        plans = Target.objects.filter(indicator__code=code).values_list("plan__unit__name", flat=True)
        return set(plans) | set(Actual.objects.filter(indicator__code=code).values_list("unit__name", flat=True))

    # health-insurance coverage, the poverty rate and income per head: one indicator in every ward stating them
    assert wards("ty-le-bhyt") == {"Hương Xuân", "Nhơn Hưng", "Lê Lợi"}
    assert wards("ty-le-ho-ngheo") == {"Hương Xuân", "Lê Lợi", "Lương Sơn"}
    assert wards("thu-nhap") == {"Hương Xuân", "Nhơn Hưng", "Điện Nam Đông"}
    assert not Indicator.objects.filter(catalogue="").exists()
    # Lương Sơn's grain output: the 2020 base, 2021, 2022 and the 2023 estimate under one indicator
    grain = Actual.objects.filter(unit__name="Lương Sơn", indicator__code="san-luong-luong-thuc")
    assert sorted((a.period.year, a.is_estimate) for a in grain) == [(2020, False), (2021, False), (2022, False), (2023, True)]
    # Nhơn Hưng's 2024 plan: one target per indicator
    nh = Target.objects.filter(plan__unit__name="Nhơn Hưng", plan__start_year=2024, plan__kind="annual")
    assert nh.count() == nh.values("indicator").distinct().count() == 34
    # Nhơn Hưng's 2023 health-insurance figure and its 2024 target are one indicator
    assert Actual.objects.get(unit__name="Nhơn Hưng", indicator__code="ty-le-bhyt", period__year=2023).text == "88"
    assert nh.get(indicator__code="ty-le-bhyt").text == "Vận động người dân tham gia BHYT đạt 93%"
