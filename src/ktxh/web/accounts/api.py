"""API: sign in for a token, revoke it, and who am I.

``POST /api/token`` goes through django-axes like the login page: wrong passwords are counted and
logged, and a locked-out user name gets 429 with the Vietnamese lockout message (``accounts.lockout``).
A success is logged as a sign-in (axes' AccessLog).
"""

from django.contrib.auth import authenticate, user_logged_in
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
    expires_at: str


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


@router.post("/token", auth=None, response={200: TokenOut, 401: Message, 429: Message},
             summary="Đăng nhập, nhận khóa API (hết hạn sau KTXH_TOKEN_TTL ngày)")
def issue_token(request, data: Credentials):
    user = authenticate(request, username=data.username, password=data.password)
    if user is None or not user.is_active:
        # A locked-out name is answered 429 by axes' middleware, whatever this says.
        return 401, {"detail": "Sai tên đăng nhập hoặc mật khẩu."}
    raw, token = ApiToken.create_for(user)
    user_logged_in.send(sender=user.__class__, request=request, user=user)  # the sign-in is logged
    return 200, {"token": raw, "username": user.username, "expires_at": token.expires_at.isoformat()}


@router.delete("/token", response={204: None, 400: Message}, summary="Thu hồi khóa API đang dùng")
def revoke_token(request):
    token = getattr(request, "api_token", None)
    if token is None:
        return 400, {"detail": "Không có khóa API nào được gửi kèm: gửi “Authorization: Bearer <khóa>” "
                               "của khóa cần thu hồi."}
    ApiToken.objects.filter(pk=token.pk).delete()
    return 204, None


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
