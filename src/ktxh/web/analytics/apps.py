from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "ktxh.web.analytics"
    label = "analytics"
    verbose_name = "Đánh giá và tổng hợp"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the cache invalidation and the SQLite functions)
