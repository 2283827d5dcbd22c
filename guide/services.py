"""Writes editors make to guide content beyond the admin's own forms. Each bumps the content version (signals)."""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone
from django.utils.translation import gettext as _

from guide.models import GuideItem, Source

LEGAL_REVIEWERS_GROUP = "Legal reviewers"


class SourceNotCheckable(Exception):
    """Why a source cannot be marked as checked yet, in words an editor can act on."""


def reviewer_role(user: AbstractBaseUser) -> str:
    """The role readers see beside a review: never the editor's name."""
    if user.groups.filter(name=LEGAL_REVIEWERS_GROUP).exists():
        return GuideItem.ReviewerRole.LEGAL
    return GuideItem.ReviewerRole.EDITOR


def mark_reviewed(*, item: GuideItem, user: AbstractBaseUser, on: date | None = None) -> GuideItem:
    """An editor has read the item against its sources: record who (by role) and when."""
    item.reviewed_on = on or timezone.localdate()
    item.reviewed_by = user
    item.reviewer_role = reviewer_role(user)
    item.save(update_fields=["reviewed_on", "reviewed_by", "reviewer_role", "updated"])
    return item


def mark_source_checked(*, source: Source, user: AbstractBaseUser, on: date | None = None) -> Source:
    """Certify that the exact page says what the guide says it does. A bare domain cannot be certified."""
    if not source.url:
        raise SourceNotCheckable(
            _("“%(source)s” has no page address. Add the exact page first.") % {"source": source.title}
        )
    if not source.has_exact_page:
        raise SourceNotCheckable(
            _("“%(source)s” is only a home page (%(url)s). Add the exact page the guide relies on first.")
            % {"source": source.title, "url": source.url}
        )
    source.last_verified = on or timezone.localdate()
    source.checked_by = user
    source.save(update_fields=["last_verified", "checked_by", "updated"])
    return source


def clear_source_check(source: Source) -> None:
    """A changed address has not been checked: called before saving an edited URL."""
    source.last_verified = None
    source.checked_by = None
