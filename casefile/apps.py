from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasefileConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "casefile"
    verbose_name = _("Case files")
