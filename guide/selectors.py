"""Reads of guide content. Views fetch guide items only through here."""

from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Model, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from guide.models import (
    Article,
    Channel,
    ContentVersion,
    CountryGuide,
    EscalationRung,
    GuideItem,
    Offence,
    Snippet,
    Source,
    Step,
)

User = AbstractBaseUser | AnonymousUser
M = TypeVar("M", bound=Model)


def can_preview(user: User) -> bool:
    return bool(user.is_active and user.is_staff)


def visible(queryset: QuerySet, user: User) -> QuerySet:
    """Published items for everyone; unpublished ones too for staff previewing them."""
    return queryset if can_preview(user) else queryset.published()


def access_item(model: type[M], user: User, **lookup) -> M:
    """The only way to fetch one guide item for a page. 404 when it is not visible to this user."""
    queryset = visible(model.objects.all(), user).prefetch_related(
        Prefetch("sources", queryset=Source.objects.order_by("title"))
    )
    return get_object_or_404(queryset, **lookup)


def content_version() -> ContentVersion:
    version = ContentVersion.objects.order_by("pk").first()
    return version or ContentVersion(number=0)


def page_texts() -> dict[str, Snippet]:
    """Published page texts (banner, section introductions) by key, as templates name them: home-intro → home_intro."""
    return {snippet.key.replace("-", "_"): snippet for snippet in Snippet.objects.published()}


@dataclass(frozen=True)
class HomeSections:
    steps: list[Step]
    offences: list[Offence]
    countries: list[CountryGuide]
    rungs: list[EscalationRung]
    essentials: list[Article]
    notes: list[Article]

    @property
    def oldest_review(self) -> date | None:
        items: list[GuideItem] = [
            *self.steps,
            *self.offences,
            *self.countries,
            *self.rungs,
            *self.essentials,
            *self.notes,
        ]
        return min((item.reviewed_on for item in items), default=None)


def home_sections(user: User) -> HomeSections:
    """Everything the home page lists, in a fixed number of queries."""
    channels = visible(Channel.objects.all(), user).order_by("order")
    articles = list(visible(Article.objects.all(), user).order_by("order"))
    return HomeSections(
        steps=list(
            visible(Step.objects.all(), user).prefetch_related(
                Prefetch("channels", queryset=channels), Prefetch("channels__sources")
            )
        ),
        offences=list(visible(Offence.objects.all(), user)),
        countries=list(visible(CountryGuide.objects.all(), user)),
        rungs=list(visible(EscalationRung.objects.all(), user)),
        essentials=[article for article in articles if article.kind == Article.Kind.ESSENTIAL],
        notes=[article for article in articles if article.kind == Article.Kind.NOTE],
    )


def ladder(user: User) -> list[EscalationRung]:
    return list(visible(EscalationRung.objects.all(), user).prefetch_related("sources"))


def step_channels(step: Step, user: User) -> list[Channel]:
    return list(visible(step.channels.all(), user).prefetch_related("sources"))
