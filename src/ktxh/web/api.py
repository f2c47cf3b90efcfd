"""The JSON API (django-ninja): units, indicators, plans, targets, actuals, evaluations.

Authentication: ``Authorization: Bearer <token>`` (a token from ``POST /api/token``) or
the browser session. Every rule about who sees and changes what is in
``ktxh.web.accounts.permissions``; errors come back as ``{"detail": "<Vietnamese>"}``.
The OpenAPI schema is at ``/api/openapi.json``; every operation declares its errors (400 a rule of
the work, such as a term plan of five years; 401, 403, 404, 409 a stale version, 422 a body that
does not match the schema), each ``{"detail": …}``. Properties a body does not declare are ignored.
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


ERRORS = {
    400: "Dữ liệu không đọc được (số liệu, chỉ tiêu, bước của quy trình không hợp lệ)",
    401: "Chưa đăng nhập, hoặc khóa API không hợp lệ",
    403: "Không có quyền",
    404: "Không tìm thấy",
    409: "Người khác đã sửa trước (phiên bản cũ)",
    422: "Dữ liệu gửi lên sai kiểu hoặc vượt giới hạn",
}
ERROR_SCHEMA = {
    "title": "Lỗi", "type": "object", "required": ["detail"],
    "properties": {
        "detail": {"type": "string", "description": "Lời báo lỗi bằng tiếng Việt"},
        "field": {"type": "string", "description": "Trường bị lỗi (nếu có)"},
        "errors": {"type": "array", "items": {"type": "object", "properties": {
            "field": {"type": "string"}, "message": {"type": "string"}}}},
    },
}


class KtxhApi(NinjaAPI):
    """The API whose schema declares, on every operation, the errors every operation may answer."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
        ref = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                for status, description in ERRORS.items():
                    if status not in responses and str(status) not in responses:  # a declared one stays
                        responses[status] = {"description": description, **ref}
        return schema


api = KtxhApi(
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
