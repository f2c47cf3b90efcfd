from django.apps import AppConfig


class TrackingConfig(AppConfig):
    name = "ktxh.web.data.tracking"
    label = "tracking"
    verbose_name = "Theo dõi thực hiện"
