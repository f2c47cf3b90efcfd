"""The JSON API (django-ninja): units, indicators, plans, targets, actuals, evaluations.

Authentication: ``Authorization: Bearer <token>`` (a token from ``POST /api/token``) or
the browser session. Every rule about who sees and changes what is in
``ktxh.web.accounts.permissions``; errors come back as ``{"detail": "<Vietnamese>"}``.
The OpenAPI schema is at ``/api/openapi.json``.
"""

from __future__ import annotations

from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError
from ninja.security import HttpBearer, django_auth

from ktxh.core.errors import KtxhError
from ktxh.web.accounts.models import ApiToken
from ktxh.web.accounts.permissions import Denied
from ktxh.web.errors import ConflictError, WorkflowError


class TokenAuth(HttpBearer):
    def authenticate(self, request, token: str):
        found = ApiToken.valid(token)
        if found is None:
            return None
        request.user = found.user
        request.api_token = found  # DELETE /api/token revokes this one
        return found.user


api = NinjaAPI(
    title="KTXH API",
    version="1",
    description="Kế hoạch phát triển kinh tế - xã hội cấp xã, phường: đơn vị, chỉ tiêu, kế hoạch, số liệu, đánh giá.",
    auth=[TokenAuth(), django_auth],
    urls_namespace="api",
)


@api.exception_handler(Denied)
def _denied(request, exc: Denied):
    return api.create_response(request, {"detail": exc.message}, status=403)


@api.exception_handler(ConflictError)
def _conflict(request, exc: ConflictError):
    return api.create_response(request, {"detail": exc.message, "field": exc.field}, status=409)


@api.exception_handler(WorkflowError)
def _workflow(request, exc: WorkflowError):
    return api.create_response(request, {"detail": exc.message, "field": exc.field}, status=400)


@api.exception_handler(KtxhError)
def _core(request, exc: KtxhError):
    return api.create_response(request, {"detail": exc.message, "field": exc.field}, status=400)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    return api.create_response(
        request, {"detail": "Chưa đăng nhập, hoặc khóa API không hợp lệ: gửi “Authorization: Bearer <khóa>”."},
        status=401,
    )


@api.exception_handler(Http404)
def _not_found(request, exc):
    return api.create_response(request, {"detail": "Không tìm thấy."}, status=404)


@api.exception_handler(ValidationError)
def _invalid(request, exc: ValidationError):
    errors = [
        {"field": ".".join(str(p) for p in e.get("loc", ())[1:]) or "?", "message": e.get("msg", "")}
        for e in exc.errors
    ]
    fields = ", ".join(e["field"] for e in errors)
    return api.create_response(
        request, {"detail": f"Dữ liệu gửi lên không hợp lệ ở: {fields}.", "errors": errors}, status=422
    )


def _routers():
    from ktxh.web.accounts.api import router as accounts
    from ktxh.web.analytics.api import router as analytics
    from ktxh.web.data.tracking.api import router as tracking
    from ktxh.web.metadata.plans.api import router as plans
    from ktxh.web.metadata.units.api import router as units

    api.add_router("/", accounts)
    api.add_router("/", units)
    api.add_router("/", plans)
    api.add_router("/", tracking)
    api.add_router("/", analytics)


_routers()
