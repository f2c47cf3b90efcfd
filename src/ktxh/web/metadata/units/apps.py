from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "ktxh.web.metadata.units"
    label = "units"
    verbose_name = "Đơn vị hành chính"
