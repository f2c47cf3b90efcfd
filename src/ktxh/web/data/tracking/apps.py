from django.apps import AppConfig
from django.db.models.signals import post_migrate


class TrackingConfig(AppConfig):
    name = "ktxh.web.data.tracking"
    label = "tracking"
    verbose_name = "Theo dõi thực hiện"

    def ready(self) -> None:
        from .periods import open_after_migrate

        post_migrate.connect(open_after_migrate, sender=self, dispatch_uid="tracking-open-periods")
