from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "ktxh.web.reports"
    label = "reports"
    verbose_name = "Văn bản báo cáo, kế hoạch"
