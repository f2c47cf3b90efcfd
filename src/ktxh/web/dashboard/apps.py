from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "ktxh.web.dashboard"
    label = "dashboard"
    verbose_name = "Trang theo dõi"
