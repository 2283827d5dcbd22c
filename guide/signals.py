"""Every change to guide content bumps the content version.

Installed apps compare it with the version they cached, so an editor's
correction reaches phones without anyone clearing anything.
"""

from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from guide import page_cache
from guide.models import ContentVersion, GuideItem, SituationOffence, Source, Tag


def bump_content_version() -> None:
    updated = ContentVersion.objects.update(number=F("number") + 1, changed=timezone.now())
    if not updated:
        ContentVersion.objects.create(number=1)
    page_cache.forget()


def _is_guide_content(sender) -> bool:
    return isinstance(sender, type) and (issubclass(sender, GuideItem) or sender in (Source, Tag, SituationOffence))


@receiver(post_save)
@receiver(post_delete)
def content_saved_or_deleted(sender, raw: bool = False, **kwargs) -> None:
    if not raw and _is_guide_content(sender):
        bump_content_version()


@receiver(m2m_changed)
def content_links_changed(sender, instance, action: str, **kwargs) -> None:
    if action.startswith("post_") and _is_guide_content(type(instance)):
        bump_content_version()
