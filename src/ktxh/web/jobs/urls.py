from django.urls import path

from . import views

app_name = "jobs"
urlpatterns = [
    path("cong-viec/<int:job_id>/", views.status, name="status"),
    path("cong-viec/tong-hop/<int:period_id>/", views.refresh_rollup, name="refresh_rollup"),
]
