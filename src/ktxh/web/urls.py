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

# Vietnamese error pages (ktxh.web.ui.errors): a bad parameter's message is shown on its 400.
handler400 = "ktxh.web.ui.errors.bad_request"
handler403 = "ktxh.web.ui.errors.permission_denied"
handler404 = "ktxh.web.ui.errors.page_not_found"
handler500 = "django.views.defaults.server_error"  # ui/templates/500.html: stands alone, no database
