from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "ktxh.web.data.audit"
    label = "audit"
    verbose_name = "Nhật ký thay đổi"
