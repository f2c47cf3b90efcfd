"""A commune with several targets and approved figures quoted from seed 003, for the browser
tests' screenshots (until the demo data loads through the importer)."""

from ktxh.web.plans.models import Indicator, Target
from ktxh.web.tracking import workflow
from ktxh.web.tracking.models import Period

# (code, name, unit, field attribute, target text, approved figure): seed 003's "a/b" figures,
# and a made-up figure of the year before so that the trend has two points.
ROWS = [
    ("cay-phan-tan", "Số lượng cây lâm nghiệp phân tán", "cây", "econ", "4.500 cây", "11.800", "4.200"),
    ("dien-tich-xuong-giong", "Diện tích xuống giống 2 vụ Đông Xuân và Hè Thu", "ha", "econ", "1.303,5 ha", "1.302",
     "1.310"),
    ("thu-ngan-sach", "Thu ngân sách", "triệu đồng", "econ", "340 triệu đồng", "177", "298"),
    ("bhyt", "Tỷ lệ người tham gia bảo hiểm y tế", "%", "soc", "> 85%", "88%", "86,5%"),
    ("thuy-ke", "Hộ sử dụng thủy kế", "%", "soc", "100%", "100%", None),
]


def _approved(w, officer, indicator, period, text):
    a = workflow.enter(officer, unit=w.a, indicator=indicator, period=period, text=text)
    a = workflow.submit(officer, a, version=a.version)
    workflow.approve(w.leader, a, version=a.version)


def showcase(w) -> None:
    before = Period.get("year", 2021)
    for code, name, unit, field, text, figure, earlier in ROWS:
        ind = Indicator.objects.create(code=code, name=name, unit=unit, field=getattr(w, field), decimals=1)
        Target.objects.create(plan=w.plan, indicator=ind, year=2022, source="hdnd", text=text)
        officer = w.officer if field == "econ" else w.officer_soc
        if earlier:
            _approved(w, officer, ind, before, earlier)
        _approved(w, officer, ind, w.year, figure)
    Target.objects.create(plan=w.plan, indicator=w.poor, year=2022, source="hdnd", text="dưới 2%")
