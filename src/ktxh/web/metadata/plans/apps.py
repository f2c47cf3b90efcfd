from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "ktxh.web.metadata.plans"
    label = "plans"
    verbose_name = "Kế hoạch và chỉ tiêu"
