"""URLs: the admin and the JSON API (schema at /api/openapi.json)."""

from django.contrib import admin
from django.urls import include, path

from ktxh.web.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("", include("ktxh.web.reports.urls")),
    path("", include("ktxh.web.ui.urls")),
    path("", include("ktxh.web.analytics.urls")),
    path("", include("ktxh.web.data.tracking.urls")),
    path("", include("ktxh.web.metadata.plans.urls")),
    path("", include("ktxh.web.jobs.urls")),
    path("", include("ktxh.web.accounts.urls")),
]

# Vietnamese pages for refused, missing and failed requests (templates 403.html, 404.html, 500.html of ui).
handler403 = "django.views.defaults.permission_denied"
handler404 = "django.views.defaults.page_not_found"
handler500 = "django.views.defaults.server_error"
