from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("tai-khoan/khoa-api/", views.tokens, name="tokens"),
    path("tai-khoan/khoa-api/<int:token_id>/thu-hoi/", views.revoke, name="revoke"),
    path("thong-bao/", views.notifications, name="notifications"),
    path("thong-bao/<int:pk>/", views.open_notification, name="notification"),
    path("tai-khoan/", views.members, name="members"),
    path("tai-khoan/<int:pk>/", views.member, name="member"),
]
