from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "ktxh.web.analytics"
    label = "analytics"
    verbose_name = "Đánh giá và tổng hợp"

    def ready(self) -> None:
        from ktxh.web.data.tracking import entry

        from . import (  # noqa: F401  (connects the cache invalidation and the SQLite functions)
            evaluation,
            signals,
        )

        entry.register_judge(evaluation.judge_waiting)  # the queue shows % of plan; tracking cannot import analytics
