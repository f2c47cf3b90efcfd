from django.apps import AppConfig


class UiConfig(AppConfig):
    name = "ktxh.web.ui"
    label = "ui"
    verbose_name = "Giao diện chung"
