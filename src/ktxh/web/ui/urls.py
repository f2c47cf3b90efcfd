from django.contrib.auth import views as auth_views
from django.templatetags.static import static
from django.urls import path, reverse_lazy
from django.views.generic import RedirectView

from . import guide, views

app_name = "ui"

urlpatterns = [
    path("", views.home, name="home"),
    path("huong-dan/", guide.guide, name="guide"),
    path("huong-dan/anh/<str:name>", guide.picture, name="guide_picture"),
    path("favicon.ico", RedirectView.as_view(url=static("ui/favicon.svg"), permanent=True)),
    path("dang-nhap/", auth_views.LoginView.as_view(template_name="ui/login.html", next_page="ui:home"), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(template_name="ui/logged_out.html"), name="logout"),
    # Django's own password views, in Vietnamese templates.
    path("doi-mat-khau/", auth_views.PasswordChangeView.as_view(
        template_name="ui/password_change.html", success_url=reverse_lazy("ui:password_change_done"),
        extra_context={"title": "Đổi mật khẩu"}), name="password_change"),
    path("doi-mat-khau/xong/", auth_views.PasswordChangeDoneView.as_view(
        template_name="ui/message.html", extra_context={"title": "Đã đổi mật khẩu",
                                                        "message": "Mật khẩu mới có hiệu lực từ lần đăng nhập sau."}),
         name="password_change_done"),
    path("quen-mat-khau/", auth_views.PasswordResetView.as_view(
        template_name="ui/password_reset.html", email_template_name="ui/password_reset_email.txt",
        subject_template_name="ui/password_reset_subject.txt", success_url=reverse_lazy("ui:password_reset_done"),
        extra_context={"title": "Quên mật khẩu"}), name="password_reset"),
    path("quen-mat-khau/da-gui/", auth_views.PasswordResetDoneView.as_view(
        template_name="ui/message.html", extra_context={
            "title": "Đã gửi thư đặt lại mật khẩu",
            "message": "Nếu địa chỉ thư điện tử đã đăng ký cho một tài khoản, thư hướng dẫn đặt lại mật khẩu đã được "
                       "gửi đến đó. Không nhận được thư: hỏi lãnh đạo xã, phường đặt lại mật khẩu cho bạn."}),
         name="password_reset_done"),
    path("dat-lai-mat-khau/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(
        template_name="ui/password_reset_confirm.html", success_url=reverse_lazy("ui:password_reset_complete"),
        extra_context={"title": "Đặt mật khẩu mới"}), name="password_reset_confirm"),
    path("dat-lai-mat-khau/xong/", auth_views.PasswordResetCompleteView.as_view(
        template_name="ui/message.html", extra_context={"title": "Đã đặt mật khẩu mới",
                                                        "message": "Hãy đăng nhập bằng mật khẩu mới."}),
         name="password_reset_complete"),
]
