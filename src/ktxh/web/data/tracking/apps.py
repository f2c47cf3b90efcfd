from django.apps import AppConfig
from django.db.models.signals import post_migrate


class TrackingConfig(AppConfig):
    name = "ktxh.web.data.tracking"
    label = "tracking"
    verbose_name = "Theo dõi thực hiện"

    def ready(self) -> None:
        from ktxh.web.metadata.plans import merge

        from . import merging
        from .periods import open_after_migrate

        merge.register_figures(merging)

        post_migrate.connect(open_after_migrate, sender=self, dispatch_uid="tracking-open-periods")
