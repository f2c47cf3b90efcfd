from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("tai-khoan/khoa-api/", views.tokens, name="tokens"),
    path("tai-khoan/khoa-api/<int:token_id>/thu-hoi/", views.revoke, name="revoke"),
]
