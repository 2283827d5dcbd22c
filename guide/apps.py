from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuideConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "guide"
    verbose_name = _("Guide content")

    def ready(self) -> None:
        from guide import signals  # noqa: F401 - connects the receivers
