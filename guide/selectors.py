"""Reads of guide content. Views fetch guide items only through here."""

from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Model, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from guide.finder import by_seriousness
from guide.models import (
    Article,
    Channel,
    ContentVersion,
    CountryGuide,
    EscalationRung,
    Offence,
    Situation,
    SituationOffence,
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
class ReviewStatus:
    """What a page made of many items can honestly say about editorial review."""

    reviewed: int
    total: int
    oldest: date | None

    @property
    def all_reviewed(self) -> bool:
        return self.total > 0 and self.reviewed == self.total

    @property
    def none_reviewed(self) -> bool:
        return self.reviewed == 0


def review_status(items) -> ReviewStatus:
    """Reviewed only counts an editor's review (date and role), never the import date."""
    items = list(items)
    dates = [item.reviewed_on for item in items if item.is_reviewed]
    return ReviewStatus(reviewed=len(dates), total=len(items), oldest=min(dates, default=None))


@dataclass(frozen=True)
class HomeSections:
    steps: list[Step]
    offences: list[Offence]
    countries: list[CountryGuide]
    rungs: list[EscalationRung]
    essentials: list[Article]
    notes: list[Article]

    @property
    def review(self) -> ReviewStatus:
        channels = [channel for step in self.steps for channel in step.channels.all()]
        items = [*self.steps, *channels, *self.offences, *self.countries, *self.rungs, *self.essentials, *self.notes]
        return review_status(items)


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


def offence_channels(offence: Offence, user: User) -> list[Channel]:
    """Where to report first for this offence: the step 1 channels the finder points to for it."""
    situations = visible(Situation.objects.filter(offences=offence), user)
    channels = visible(Channel.objects.filter(step__number=1, situations__in=situations), user)
    return list(channels.select_related("step").distinct().order_by("order"))


@dataclass(frozen=True)
class FinderCatalogue:
    """Every situation and everything it can point to, each tagged with the situations that lead to it."""

    situations: list[Situation]
    offences: list[Offence]
    channels: list[Channel]
    articles: list[Article]
    countries: list[CountryGuide]


def _reachable(situations: list[Situation], related: str, sort_key) -> list:
    """Everything the situations point to through `related`, each with `situation_slugs` for data attributes."""
    items: dict[int, Model] = {}
    slugs: dict[int, list[str]] = {}
    for situation in situations:
        for item in getattr(situation, related).all():
            items[item.pk] = item
            slugs.setdefault(item.pk, []).append(situation.slug)
    for pk, item in items.items():
        item.situation_slugs = " ".join(slugs[pk])
    return sorted(items.values(), key=sort_key)


def finder_catalogue(user: User) -> FinderCatalogue:
    """The offence finder's data in a fixed number of queries, published items only for the public."""
    links = SituationOffence.objects.filter(offence__in=visible(Offence.objects.all(), user)).select_related("offence")
    situations = list(
        visible(Situation.objects.all(), user).prefetch_related(
            Prefetch("situationoffence_set", queryset=links, to_attr="offence_links"),
            Prefetch("channels", queryset=visible(Channel.objects.all(), user).select_related("step")),
            Prefetch("articles", queryset=visible(Article.objects.all(), user)),
            Prefetch("country_guides", queryset=visible(CountryGuide.objects.all(), user)),
        )
    )
    reasons: dict[int, list[SituationOffence]] = {}
    offences: dict[int, Offence] = {}
    for situation in situations:
        for link in situation.offence_links:
            offences[link.offence.pk] = link.offence
            reasons.setdefault(link.offence.pk, []).append(link)
    for pk, offence in offences.items():
        offence.finder_reasons = reasons[pk]
        offence.situation_slugs = " ".join(link.situation.slug for link in reasons[pk])
    return FinderCatalogue(
        situations=situations,
        offences=sorted(offences.values(), key=by_seriousness),
        channels=_reachable(situations, "channels", lambda channel: (channel.step.number, channel.order)),
        articles=_reachable(situations, "articles", lambda article: (article.kind, article.order)),
        countries=_reachable(situations, "country_guides", lambda guide: guide.order),
    )
