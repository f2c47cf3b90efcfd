from django.apps import AppConfig


class RollupConfig(AppConfig):
    name = "ktxh.web.rollup"
    label = "rollup"
    verbose_name = "Tổng hợp toàn tỉnh, toàn quốc"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the cache invalidation and the SQLite functions)
