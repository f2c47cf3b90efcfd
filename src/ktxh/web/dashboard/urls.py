from django.contrib.auth import views as auth_views
from django.urls import path

from . import editor, entry, importing, overview, term, views

app_name = "dashboard"

urlpatterns = [
    path("", views.home, name="home"),
    path("dang-nhap/", auth_views.LoginView.as_view(template_name="dashboard/login.html", next_page="dashboard:home"),
         name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(template_name="dashboard/logged_out.html"), name="logout"),
    path("xa/<int:unit_id>/", views.commune, name="commune"),
    path("xa/<int:unit_id>/chi-tieu/<int:indicator_id>/", views.indicator, name="indicator"),
    path("xa/<int:unit_id>/nhiem-ky/", term.review_page, name="term"),
    path("tinh/<int:unit_id>/", overview.province, name="province"),
    path("nhap-lieu/", entry.index, name="entry_index"),
    path("nhap-lieu/<int:period_id>/", entry.form, name="entry"),
    path("cho-duyet/", entry.queue, name="queue"),
    path("cho-duyet/<int:actual_id>/", entry.review, name="review"),
    path("ke-hoach/", editor.plans, name="plans"),
    path("ke-hoach/<int:plan_id>/", editor.plan, name="plan"),
    path("ke-hoach/xem-truoc/", editor.preview, name="preview"),
    path("nhap-tep/", importing.upload, name="import_upload"),
    path("nhap-tep/nhan/", importing.accept, name="import_accept"),
]
