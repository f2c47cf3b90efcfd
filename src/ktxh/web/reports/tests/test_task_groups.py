"""Nhiệm vụ, giải pháp of the next year's plan, by field from the tasks' words (``adapter.task_groups``)."""

from __future__ import annotations

from ktxh.web.reports.adapter import task_groups

FIELDS = ["Kinh tế", "Văn hóa - xã hội", "Tài nguyên, môi trường", "Quốc phòng - an ninh"]


def _field_of(task: str, fields=FIELDS) -> str:
    (group,) = [g for g in task_groups([task], fields) if g.tasks]
    return group.field


def test_a_case_of_a_breach_is_not_a_school() -> None:
    """Demo Nhơn Hưng 2024: "… xử lý nghiêm trường hợp vi phạm" went under "Y tế, dân số" ("trường")."""
    task = "Tăng cường công tác kiểm tra về hành lang lộ giới nhằm kịp thời xử lý nghiêm trường hợp vi phạm."
    assert _field_of(task) != "Văn hóa - xã hội"
    assert _field_of("Duy trì tốt việc dạy và học ở các trường học trên địa bàn.") == "Văn hóa - xã hội"
    assert _field_of("Thường xuyên kiểm tra vệ sinh môi trường tại khu dân cư.") == "Tài nguyên, môi trường"
