from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "ui"

urlpatterns = [
    path("", views.home, name="home"),
    path("dang-nhap/", auth_views.LoginView.as_view(template_name="ui/login.html", next_page="ui:home"), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(template_name="ui/logged_out.html"), name="logout"),
]
