from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("thong-bao/", views.notifications, name="notifications"),
    path("thong-bao/<int:pk>/", views.open_notification, name="notification"),
    path("tai-khoan/", views.members, name="members"),
    path("tai-khoan/<int:pk>/", views.member, name="member"),
]
