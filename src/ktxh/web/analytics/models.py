"""One small table: a generation number per period, bumped when a figure changes.

Cached roll-ups are keyed by it, so every app server sees an invalidation at once even
when each keeps its own in-memory cache.
"""

from django.db import models


class Stamp(models.Model):
    key = models.CharField("khóa", max_length=40, primary_key=True)  # "all" or "period:<id>"
    generation = models.PositiveBigIntegerField("thế hệ", default=1)

    class Meta:
        verbose_name = "mốc làm mới số liệu tổng hợp"
        verbose_name_plural = "mốc làm mới số liệu tổng hợp"

    def __str__(self) -> str:
        return f"{self.key}: {self.generation}"
