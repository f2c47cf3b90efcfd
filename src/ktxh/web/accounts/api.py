"""API: sign in for a token, and who am I."""


from django.contrib.auth import authenticate
from ninja import Router, Schema

from ktxh.web.schemas import secret, text

from .models import ApiToken
from .permissions import scope

router = Router(tags=["Tài khoản"])


class Credentials(Schema):
    username: text(150)
    password: secret(4096)


class TokenOut(Schema):
    token: str
    username: str


class MeOut(Schema):
    username: str
    full_name: str
    role: str | None
    role_label: str | None
    unit_id: int | None
    unit_name: str | None
    field_ids: list[int]


class Message(Schema):
    detail: str


@router.post("/token", auth=None, response={200: TokenOut, 401: Message}, summary="Đăng nhập, nhận khóa API")
def issue_token(request, data: Credentials):
    user = authenticate(request, username=data.username, password=data.password)
    if user is None or not user.is_active:
        return 401, {"detail": "Sai tên đăng nhập hoặc mật khẩu."}
    return 200, {"token": ApiToken.issue(user), "username": user.username}


@router.get("/me", response=MeOut, summary="Người dùng hiện tại và vai trò")
def me(request):
    s = scope(request.user)
    m = getattr(request.user, "membership", None) if s.role else None
    return {
        "username": request.user.username,
        "full_name": request.user.get_full_name(),
        "role": s.role,
        "role_label": m.get_role_display() if m else None,
        "unit_id": s.unit.pk if s.unit else None,
        "unit_name": str(s.unit) if s.unit else None,
        "field_ids": sorted(s.field_ids),
    }
