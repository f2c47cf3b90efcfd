"""Every target line the seeds state, read into its whole structure.

The lines are quoted verbatim from ../shared/seeds: seed 000 (Phần thứ hai, II), seed 001
(A.II, all 14), seed 003 (VII.1, all 24) and the rows of seed 004's Biểu số 02. Each expected
shape is (kind, low, high, strictness, unit, per_year, direction, change_mode).
"""

from decimal import Decimal

import pytest

from ktxh.core.model import Target
from ktxh.core.targets import parse_target


def shape(t: Target) -> tuple:
    def d(v: Decimal | None) -> str | None:
        return None if v is None else str(v)

    strict = (">" if t.low_strict else "") + ("<" if t.high_strict else "")
    return (t.kind.value, d(t.low), d(t.high), strict, t.unit, t.per_year, t.direction.value, t.change_mode)


SEED_000 = [
    ('- Tốc độ tăng trưởng toàn nền kinh tế bình quân 15-16%/ năm',
     ('change', '15', '16', '', '%', True, 'up', 'percent'),
     []),
    ('- Giá trị TM-DV tăng bình quân 16-17%/năm.',
     ('change', '16', '17', '', '%', True, 'up', 'percent'),
     []),
    ('- CN- TTCN tăng bình quân 15-16%/năm.',
     ('change', '15', '16', '', '%', True, 'up', 'percent'),
     []),
    ('- Nông nghiệp tăng bình quân 2-3%/năm.',
     ('change', '2', '3', '', '%', True, 'up', 'percent'),
     []),
    ('- Cơ cấu kinh tế đến năm 2025 tỷ trọng ngành TM-DV chiếm 63%, CN-TTCN, XDCB 33%, NN 4%.',
     ('exact', '63', '63', '', '%', False, 'up', None),
     [('exact', '33', '33', '', '%', False, 'up', None), ('exact', '4', '4', '', '%', False, 'up', None)]),
    ('- Thu ngân sách tăng 10-15% /năm.',
     ('change', '10', '15', '', '%', True, 'up', 'percent'),
     []),
    ('- Thu nhập bình quân đầu người đến 2025 đạt 85 triệu đồng/người/năm.',
     ('exact', '85', '85', '', 'triệu đồng/người/năm', False, 'up', None),
     []),
    ('- Hàng năm có từ 92% gia đình, 75% khối phố, 90% tộc họ đạt chuẩn văn hóa; phấn đấu xây dựng từ 01-02 tuyến phố đạt tuyến phố văn minh đô thị, cơ quan đạt cơ quan văn hóa, phường đạt phường văn minh đô thị.',
     ('min', '92', None, '', '%', True, 'up', None),
     [('min', '75', None, '', '%', True, 'up', None), ('min', '90', None, '', '%', True, 'up', None), ('range', '1', '2', '', 'tuyến phố', True, 'up', None)]),
    ('- Nâng cao chất lượng giáo dục toàn diện ở các cấp học, giữ vững thành quả phổ cập giáo dục các bậc học, giữ chuẩn mức độ II đối với trường TH Hồ Xuân Phương, phấn đấu xây dựng trường Mẫu giáo  chuẩn Quốc gia mức độ 2 và thực hiện đề án tách lập trường THCS.',
     ('qualitative', None, None, '', None, False, 'up', None),
     []),
    ('- Phấn đấu xây dựng phường không còn hộ nghèo. Tỷ lệ lao động phi nông nghiệp đạt 90%. Lao động được đào tạo nghề trên 75%.',
     ('max', None, '0', '', 'hộ nghèo', False, 'down', None),
     [('exact', '90', '90', '', '%', False, 'up', None), ('min', '75', None, '>', '%', False, 'up', None)]),
    ('- Phấn đấu có 100% các hộ gia đình thực hiện thu gom, xử lý rác thải sinh hoạt theo quy định. Tỷ lệ hộ sử dụng nước hợp vệ sinh đạt 100%.',
     ('exact', '100', '100', '', '%', False, 'up', None),
     [('exact', '100', '100', '', '%', False, 'up', None)]),
    ('- Duy trì tỷ suất sinh thô 9,1%o/năm. Tỷ lệ trẻ em suy dinh dưỡng còn 4,5%, tỷ lệ sinh con 3 trở lên thấp hơn chỉ tiêu trên giao hàng năm. Trạm y tế đạt chuẩn quốc gia về y tế.',
     ('exact', '9.1', '9.1', '', '‰', True, 'down', None),
     [('exact', '4.5', '4.5', '', '%', False, 'down', None), ('assigned', None, '0', '', None, False, 'down', None), ('qualitative', None, None, '', None, False, 'up', None)]),
    ('- Giữ vững ổn định an ninh chính trị, trật tự an toàn xã hội trên địa bàn phường, hoàn thành tiêu chí chuyển hóa địa bàn trọng điểm phức tạp về trật tự an toàn xã hội; hàng năm hoàn thành tốt các chỉ tiêu nhiệm vụ Quốc Phòng, công tác quân sự địa phương cấp trên giao; giao quân hằng năm đạt 100% chỉ tiêu.',
     ('exact', '100', '100', '', '%', True, 'up', None),
     [('qualitative', None, None, '', None, False, 'up', None), ('qualitative', None, None, '', None, False, 'up', None)]),
    ('- 100% cán bộ, công chức đạt chuẩn theo quy định.',
     ('exact', '100', '100', '', '%', False, 'up', None),
     []),
]

SEED_001 = [
    ('1. Tốc độ tăng giá trị sản xuất các ngành kinh tế bình quân so với năm 2021: 14 – 15%/ năm.',
     ('change', '14', '15', '', '%', True, 'up', 'percent'),
     []),
    ('2. Giá trị sản xuất bình quân trên một hecta canh tác: 110 triệu đồng',
     ('exact', '110', '110', '', 'triệu đồng', False, 'up', None),
     []),
    ('3. Tổng thu ngân sách nhà nước trên địa bàn (không tính tiền sử dụng đất): Phấn đấu đạt và vượt chỉ tiêu giao từ 5-10%.',
     ('assigned', '5', '10', '', '%', False, 'up', None),
     []),
    ('4. Thu nhập bình quân đầu người: 60-61 triệu đồng',
     ('range', '60', '61', '', 'triệu đồng', False, 'up', None),
     []),
    ('5. Tổng vốn đầu tư toàn xã hội: 40-45 tỷ đồng',
     ('range', '40', '45', '', 'tỷ đồng', False, 'up', None),
     []),
    ('6. Tăng số cơ sở và số lao động trong các cơ sở kinh tế trong năm: > 10 cơ sở, với >50 lao động',
     ('change', '10', None, '>', 'cơ sở', False, 'up', 'absolute'),
     [('change', '50', None, '>', 'lao động', False, 'up', 'absolute')]),
    ('7. Tỉ lệ lao động phi nông nghiệp: 83%.',
     ('exact', '83', '83', '', '%', False, 'up', None),
     []),
    ('8. Giải quyết việc làm trong năm: Từ 100-120 lao động, trong đó xuất khẩu lao động theo hợp đồng từ 10-12 người.',
     ('range', '100', '120', '', 'lao động', False, 'up', None),
     [('range', '10', '12', '', 'người', False, 'up', None)]),
    ('9. Duy trì tỷ lệ trường đạt chuẩn quốc gia: 75%.',
     ('exact', '75', '75', '', '%', False, 'up', None),
     []),
    ('10. Tỷ lệ hộ nghèo giảm so với năm 2021(theo chuẩn nghèo đa chiều): Từ 0,7 - 0,9%.',
     ('change', '0.7', '0.9', '', '%', False, 'down', 'absolute'),
     []),
    ('11.Tỷ lệ người tham gia bảo hiểm y tế: > 99%.',
     ('min', '99', None, '>', '%', False, 'up', None),
     []),
    ('12. Hộ dân thực hiện nếp sống văn minh, môi trường văn hóa: >98%',
     ('min', '98', None, '>', '%', False, 'up', None),
     []),
    ('13. Tỷ lệ thu gom và vận chuyển rác thải rắn sinh hoạt: 100%',
     ('exact', '100', '100', '', '%', False, 'up', None),
     []),
    ('14. Tỷ lệ cơ sở sản xuất có hệ thống xử lý đảm bảo vệ sinh môi trường: 90%',
     ('exact', '90', '90', '', '%', False, 'up', None),
     []),
]

SEED_003 = [
    ('1. Tập trung phát triển thương mại - dịch vụ tăng 2,5% hộ kinh doanh/năm.',
     ('change', '2.5', '2.5', '', '%', True, 'up', 'percent'),
     []),
    ('2. Thu cân đối theo chỉ tiêu huyện giao là 428.000.000 đồng',
     ('exact', '428000000', '428000000', '', 'đồng', False, 'up', None),
     []),
    ('3. Thu nhập bình quân đầu người: 64.000.000 đồng/người/năm.',
     ('exact', '64000000', '64000000', '', 'đồng/người/năm', False, 'up', None),
     []),
    ('4. Chuyên đổi cây trồng trên diện tích kém hiệu quả: 55 ha.',
     ('exact', '55', '55', '', 'ha', False, 'up', None),
     []),
    ('5. Hộ sử dụng điện kế đạt 99,64%.',
     ('exact', '99.64', '99.64', '', '%', False, 'up', None),
     []),
    ('6. Hộ sử dụng thủy kế đạt 100%.',
     ('exact', '100', '100', '', '%', False, 'up', None),
     []),
    ('7. Không để dịch bệnh gia súc, gia cầm.',
     ('qualitative', None, None, '', None, False, 'up', None),
     []),
    ('8. Vận động người dân tham gia BHYT đạt 93%.',
     ('exact', '93', '93', '', '%', False, 'up', None),
     []),
    ('9. Tiếp tục duy trì thực hiện 10 chuẩn Y tế quốc gia. Giảm tỷ lệ suy dinh dưỡng thể Chiều cao 15%; Giảm tỷ lệ suy dinh dưỡng thể Cân nặng 8,19%.',
     ('exact', '10', '10', '', 'chuẩn', False, 'up', None),
     [('exact', '15', '15', '', '%', False, 'down', None), ('exact', '8.19', '8.19', '', '%', False, 'down', None)]),
    ('10. Huy động học sinh ra lớp đúng độ tuổi: Mẫu giáo 05 tuổi đạt 100%/năm; Tiểu học đạt 100%/năm; Trung học cơ sở đạt 97-98%/năm.',
     ('exact', '100', '100', '', '%', True, 'up', None),
     [('exact', '100', '100', '', '%', True, 'up', None), ('range', '97', '98', '', '%', True, 'up', None)]),
    ('11. Tỷ lệ học sinh bỏ học giữa chừng giảm: Tiểu học dưới 01% năm học; Trung học cơ sở dưới 02%/năm học.',
     ('max', None, '1', '<', '%', False, 'down', None),
     [('max', None, '2', '<', '%', True, 'down', None)]),
    ('12. Giữ vững chuẩn chống mù chữ, phổ cập mẫu giáo 05 tuổi, phổ cập tiểu học đúng độ tuổi, Trung học cơ sở và tiến tới phổ cập Trung học phổ thông.',
     ('qualitative', None, None, '', None, False, 'up', None),
     []),
    ('13. Giới thiệu việc làm mới bình quân 200 lao động/năm. Tỷ lệ người trong độ tuổi lao động có việc làm thường xuyên đạt 92%. Tỷ lệ lao động qua đào tạo đạt trên 70%.',
     ('exact', '200', '200', '', 'lao động', True, 'up', None),
     [('exact', '92', '92', '', '%', False, 'up', None), ('min', '70', None, '>', '%', False, 'up', None)]),
    ('14. Giảm 01 hộ nghèo và 01 hộ cận nghèo theo chuẩn mới.',
     ('change', '1', '1', '', 'hộ nghèo', False, 'down', 'absolute'),
     [('change', '1', '1', '', 'hộ cận nghèo', False, 'down', 'absolute')]),
    ('15. Xuất khẩu lao động: 02 lao động.',
     ('exact', '2', '2', '', 'lao động', False, 'up', None),
     []),
    ('16. Tỷ lệ nợ quá hạn từ nguồn vốn vay từ Ngân hàng Chính sách xã hội cuối năm dưới 02%.',
     ('max', None, '2', '<', '%', False, 'down', None),
     []),
    ('17. Vận động quỹ khuyến học hàng năm 130 triệu đồng.',
     ('exact', '130', '130', '', 'triệu đồng', True, 'up', None),
     []),
    ('18. Duy trì và nâng chất GDVH đã đạt, cơ quan, đơn vị văn hóa đạt 100%. Giữ vững 3/3 nhóm đạt chuẩn nhóm văn hoá.',
     ('exact', '100', '100', '', '%', False, 'up', None),
     [('exact', '3', '3', '', 'nhóm', False, 'up', None)]),
    ('19. Đẩy mạnh công tác cải cách thủ tục hành chính, thực hiện đúng phương châm “thân thiện, trách nhiệm, đúng hẹn”.',
     ('qualitative', None, None, '', None, False, 'up', None),
     []),
    ('20. Đảm bảo công tác hòa giải cơ sở (không để đơn tồn đọng).',
     ('qualitative', None, None, '', None, False, 'up', None),
     []),
    ('21. Giao quân đạt chỉ tiêu thị xã giao.',
     ('assigned', '0', None, '', None, False, 'up', None),
     []),
    ('22. Thực hiện tốt phong trào bảo vệ an ninh tổ quốc.',
     ('qualitative', None, None, '', None, False, 'up', None),
     []),
    ('23. Thực hiện tốt các chỉ tiêu phường đạt chuẩn đô thị văn minh.',
     ('qualitative', None, None, '', None, False, 'up', None),
     []),
    ('24. Vận động quỹ VNN-XHTT 460 triệu đồng/năm.',
     ('exact', '460', '460', '', 'triệu đồng', True, 'up', None),
     []),
]

SEED_004_ROWS = [
    ('Tốc độ phát triển GTSX', '%', '14,5 – 16,5', ('change', '14.5', '16.5', '', '%', False, 'up', 'percent')),
    ('- Dịch vụ', '%', '14,5 – 16,5', ('range', '14.5', '16.5', '', '%', False, 'up', None)),
    ('- Công nghiệp-XD', '%', '18,0- 20,0', ('range', '18.0', '20.0', '', '%', False, 'up', None)),
    ('1. Dân số', 'Người', '12,575', ('exact', '12575', '12575', '', 'người', False, 'up', None)),
    ('- Mức giảm tỷ lệ sinh', '‰', '0.03', ('change', '0.03', '0.03', '', '‰', False, 'down', 'absolute')),
    ('- Tỷ lệ phát triển dân số tự nhiên', '%', '1.05', ('exact', '1.05', '1.05', '', '%', False, 'up', None)),
    ('Quy mô trường', 'Trường', '4', ('exact', '4', '4', '', 'trường', False, 'up', None)),
    ('- Quy mô lớp', 'Lớp', '68', ('exact', '68', '68', '', 'lớp', False, 'up', None)),
    ('- Số học sinh có mặt đầu năm học', 'H.sinh', '2,016', ('exact', '2016', '2016', '', 'h.sinh', False, 'up', None)),
    ('- Phổ cập mầm non cho trẻ 5 tuổi', '', 'đạt', ('qualitative', None, None, '', None, False, 'up', None)),
    ('- Phổ cập giáo dục tiểu học mức độ 3', '', 'đạt', ('qualitative', None, None, '', None, False, 'up', None)),
    ('- Phổ cập giáo dục THCS mức độ 2', '', 'đạt', ('qualitative', None, None, '', None, False, 'up', None)),
    ('- Tỷ lệ kiên cố hoá trường lớp học', '%', '100', ('exact', '100', '100', '', '%', False, 'up', None)),
    ('- Số trường đạt chuẩn quốc gia MĐ 1 (luỹ kế)', 'Trường', '4', ('exact', '4', '4', '', 'trường', False, 'up', None)),
    ('- Tỷ lệ trường đạt chuẩn quốc gia MĐ 1', '%', '100', ('exact', '100', '100', '', '%', False, 'up', None)),
    ('- Số trường đạt chuẩn quốc gia MĐ 2 (luỹ kế)', 'Trường', '4', ('exact', '4', '4', '', 'trường', False, 'up', None)),
    ('- Tỷ lệ trường đạt chuẩn quốc gia MĐ 2', '%', '100', ('exact', '100', '100', '', '%', False, 'up', None)),
    ('- Tỷ lệ phường xã đạt bộ tiêu chí quốc gia về y tế', '%', '100', ('exact', '100', '100', '', '%', False, 'up', None)),
    ('- Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng (thể nhẹ cân)', '%', '7.1', ('exact', '7.1', '7.1', '', '%', False, 'down', None)),
    ('- Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng (thể thấp còi)', '%', '10.8', ('exact', '10.8', '10.8', '', '%', False, 'down', None)),
    ('- Số bệnh nhân được điều trị thay thế nghiện các chất dạng thuốc phiện bằng thuốc Methadone', 'Người', '52', ('exact', '52', '52', '', 'người', False, 'up', None)),
    ('- Tỷ lệ số người tham gia bảo hiểm y tế', '%', '99.7', ('exact', '99.7', '99.7', '', '%', False, 'up', None)),
    ('- Số người tham gia bảo hiểm xã hội tự nguyện', 'Người', '64', ('exact', '64', '64', '', 'người', False, 'up', None)),
    ('Tổng số lao động được giải quyết việc làm mới', 'Người', '179', ('exact', '179', '179', '', 'người', False, 'up', None)),
    ('<i>Trong đó: Xuất khẩu lao động</i>', '<i>Người</i>', '<i>5</i>', ('exact', '5', '5', '', 'người', False, 'up', None)),
    ('- Số hộ nghèo giảm', 'Hộ', '5', ('change', '5', '5', '', 'hộ', False, 'down', 'absolute')),
    ('- Tỷ lệ hộ nghèo', '%', '0.42', ('exact', '0.42', '0.42', '', '%', False, 'down', None)),
    ('- Số xã đạt tiêu chuẩn phù hợp với trẻ em', 'đạt', 'đạt', ('qualitative', None, None, '', None, False, 'up', None)),
    ('-phường đạt chuẩn văn minh đô thị', 'Phường', 'đạt', ('qualitative', None, None, '', None, False, 'up', None)),
    ('- Tỷ lệ thôn, tổ dân phố đạt tiêu chuẩn văn hoá', '%', '87', ('exact', '87', '87', '', '%', False, 'up', None)),
    ('- Tỷ lệ hộ gia đình được công nhận danh hiệu gia đình văn hoá', '%', '96', ('exact', '96', '96', '', '%', False, 'up', None)),
    ('- Tỷ lệ hộ dân thành thị được cung cấp nước sạch (đạt QC 01)', '%', '100', ('exact', '100', '100', '', '%', False, 'up', None)),
    ('- Tỷ lệ chất thải rắn được thu gom', '%', '100', ('exact', '100', '100', '', '%', False, 'up', None)),
    ('- Tỷ lệ chất thải rắn thu gom được xử lý hợp VS', '%', '100', ('exact', '100', '100', '', '%', False, 'up', None)),
    ('- Tỷ lệ cơ sở sản xuất, chế biến, kinh doanh nông lâm sản, thủy sản được cấp giấy chứng nhận ATTP', '%', '96', ('exact', '96', '96', '', '%', False, 'up', None)),
    ('- Tỷ lệ cơ sở sản xuất, chế biến, kinh doanh thực phẩm; kinh doanh dịch vụ ăn uống được cấp giấy chứng nhận ATTP', '%', '96', ('exact', '96', '96', '', '%', False, 'up', None)),
]


@pytest.mark.parametrize(("line", "main", "parts"), SEED_000 + SEED_001 + SEED_003)
def test_seed_target_lines(line: str, main: tuple, parts: list) -> None:
    target = parse_target(line)
    assert shape(target) == main
    assert [shape(p) for p in target.parts] == parts
    assert target.text == line


@pytest.mark.parametrize(("label", "unit", "cell", "main"), SEED_004_ROWS)
def test_seed_004_table_rows(label: str, unit: str, cell: str, main: tuple) -> None:
    target = parse_target(cell, label=label, unit=unit or None)
    assert shape(target) == main
    assert target.parts == ()


def test_labels_name_the_indicator() -> None:
    t = parse_target("8. Giải quyết việc làm trong năm: Từ 100-120 lao động, trong đó xuất khẩu lao động theo hợp đồng từ 10-12 người.")
    assert t.label == "Giải quyết việc làm trong năm"
    assert t.parts[0].label == "xuất khẩu lao động theo hợp đồng"
    t = parse_target("- Cơ cấu kinh tế đến năm 2025 tỷ trọng ngành TM-DV chiếm 63%, CN-TTCN, XDCB 33%, NN 4%.")
    assert [p.label for p in t.parts] == ["CN-TTCN, XDCB", "NN"]
    assert t.year == 2025
    t = parse_target("10. Huy động học sinh ra lớp đúng độ tuổi: Mẫu giáo 05 tuổi đạt 100%/năm; Tiểu học đạt 100%/năm; Trung học cơ sở đạt 97-98%/năm.")
    assert [p.label for p in t.parts] == ["Tiểu học", "Trung học cơ sở"]


def test_base_period_of_a_change() -> None:
    t = parse_target("10. Tỷ lệ hộ nghèo giảm so với năm 2021(theo chuẩn nghèo đa chiều): Từ 0,7 - 0,9%.")
    assert t.base == "năm 2021"
    assert parse_target("1. Tốc độ tăng giá trị sản xuất các ngành kinh tế bình quân so với năm 2021: 14 – 15%/ năm.").base == "năm 2021"


def test_plan_text_sentences_of_seed_004() -> None:
    t = parse_target(
        "Hạ tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng xuống dưới 7.1%. Duy trì tỷ lệ phát triển dân số tự nhiên ở mức 1,05%."
    )
    assert shape(t) == ("max", None, "7.1", "<", "%", False, "down", None)
    assert [shape(p) for p in t.parts] == [("exact", "1.05", "1.05", "", "%", False, "up", None)]
    t = parse_target("2.5. Trên 96% số hộ đạt gia đình văn hóa; trên 87% số tổ dân phố đạt danh hiệu tổ dân phố văn hóa.")
    assert shape(t) == ("min", "96", None, ">", "%", False, "up", None)
    assert [shape(p) for p in t.parts] == [("min", "87", None, ">", "%", False, "up", None)]


def test_or_more_and_level_words() -> None:
    assert shape(parse_target("Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn đạt 99% trở lên")) == (
        "min", "99", None, "", "%", False, "up", None,
    )
    assert shape(parse_target("thu tiền cấp quyền sử dụng đất từ 40 tỷ")) == (
        "min", "40", None, "", "tỷ đồng", False, "up", None,
    )
    assert shape(parse_target("giảm tỷ lệ sinh con thứ 3 trở lên xuống còn 12,5%")) == (
        "exact", "12.5", "12.5", "", "%", False, "down", None,
    )
    assert shape(parse_target("Tỷ lệ hộ nghèo: ≤ 1,5%")) == ("max", None, "1.5", "", "%", False, "down", None)


def test_direction_can_be_overridden() -> None:
    assert parse_target("Tỷ lệ phát triển dân số tự nhiên: 1,05%", direction="down").direction.value == "down"


def test_no_measurable_target_is_qualitative_never_an_error() -> None:
    t = parse_target("22. Thực hiện tốt phong trào bảo vệ an ninh tổ quốc.")
    assert t.kind.value == "qualitative"
    assert t.qualitative == "thực hiện tốt"
    assert t.warnings


@pytest.mark.parametrize("bad", ["", "   ", "x" * 3000])
def test_bad_input_gets_a_vietnamese_error_naming_the_text(bad: str) -> None:
    from ktxh.core.errors import TargetError

    with pytest.raises(TargetError) as err:
        parse_target(bad)
    assert "Chỉ tiêu" in err.value.message
    assert err.value.field == "chỉ tiêu"


def test_a_range_written_backwards_is_read_and_flagged() -> None:
    t = parse_target("Thu ngân sách tăng 15 – 10%/năm")
    assert (t.low, t.high) == (Decimal(10), Decimal(15))
    assert "ghi ngược" in t.warnings[0]
