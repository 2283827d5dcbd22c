from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasefileConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "casefile"
    verbose_name = _("Case files")

    def ready(self) -> None:
        from casefile.accounts import sessions  # noqa: F401 (connects the receiver that stamps each sign-in's time)
