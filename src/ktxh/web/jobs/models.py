"""A job: a function run in the background, its progress and its outcome, for the pages to show."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class JobStatus(models.TextChoices):
    QUEUED = "queued", "Đang chờ"
    RUNNING = "running", "Đang chạy"
    DONE = "done", "Đã xong"
    FAILED = "failed", "Lỗi"


class Job(models.Model):
    name = models.CharField("tên công việc", max_length=200)
    func = models.CharField("hàm", max_length=200, help_text="module:tên, ví dụ ktxh.web.jobs.tasks:import_file")
    args = models.JSONField("tham số", default=list, blank=True)
    status = models.CharField("trạng thái", max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    done = models.PositiveIntegerField("đã làm", default=0)
    total = models.PositiveIntegerField("tổng số", default=0)
    message = models.CharField("đang làm", max_length=300, blank=True, default="")
    result = models.JSONField("kết quả", null=True, blank=True)
    error = models.TextField("lỗi", blank=True, default="")
    queued_by = models.CharField("xếp hàng bởi", max_length=100, blank=True, default="", help_text="máy:tiến trình")
    run_by = models.CharField("chạy bởi", max_length=100, blank=True, default="", help_text="máy:tiến trình")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người yêu cầu", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField("lúc yêu cầu", auto_now_add=True)
    started_at = models.DateTimeField("lúc bắt đầu", null=True, blank=True)
    finished_at = models.DateTimeField("lúc xong", null=True, blank=True)

    class Meta:
        verbose_name = "công việc chạy nền"
        verbose_name_plural = "công việc chạy nền"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"

    @property
    def percent(self) -> int | None:
        """Progress in whole percent, None while the total is unknown."""
        return min(100, self.done * 100 // self.total) if self.total else (100 if self.status == JobStatus.DONE else None)

    def as_dict(self) -> dict:
        return {"id": self.pk, "name": self.name, "status": self.status, "status_label": self.get_status_display(),
                "done": self.done, "total": self.total, "percent": self.percent, "message": self.message,
                "result": self.result, "error": self.error, "queued_by": self.queued_by, "run_by": self.run_by}
