"""What a page needs of a job: its status as JSON (for a progress bar), and the one job a
staff member may start from a URL (the roll-up refresh). The pages that start imports and a
province's documents call ``queue.enqueue`` themselves."""

from __future__ import annotations

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET, require_POST

from . import tasks
from .models import Job
from .queue import enqueue


def _refused(message: str, status: int) -> JsonResponse:
    return JsonResponse({"detail": message}, status=status)


@require_GET
def status(request, job_id: int):
    """``GET /cong-viec/<id>/``: the job of its requester (or any job for staff)."""
    if not request.user.is_authenticated:
        return _refused("Cần đăng nhập để xem công việc.", 401)
    job = get_object_or_404(Job, pk=job_id)
    if not (request.user.is_staff or job.created_by_id == request.user.pk):
        raise Http404("Không có công việc này.")
    return JsonResponse(job.as_dict())


@require_POST
def refresh_rollup(request, period_id: int):
    """``POST /cong-viec/tong-hop/<kỳ>/``: staff only; queues the roll-up of every province."""
    from ktxh.web.data.tracking.models import Period

    if not request.user.is_authenticated:
        return _refused("Cần đăng nhập để yêu cầu công việc.", 401)
    if not request.user.is_staff:
        return _refused("Chỉ quản trị hệ thống được yêu cầu tổng hợp lại số liệu.", 403)
    period = get_object_or_404(Period, pk=period_id)
    job = enqueue(tasks.refresh_rollup, period.pk, name=f"Tổng hợp số liệu {period.code}", user=request.user)
    return JsonResponse(job.as_dict(), status=202)
