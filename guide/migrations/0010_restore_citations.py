"""Restores every citation the original guide gives, one source row each, and moves the rest to suggestions.

The seed merged citations into one row per domain (all ten offences shared "legislation.gov.uk"),
gave bare domains a home-page URL, and linked sources the original never gave (interpol.int for
Canada and South Africa, the Victims' Right to Review page for the cross-reference request).
Here: a domain the original named stays a domain (`named_as`, no URL) until an editor finds the
page; each citation gets its own row; links the original did not give become editor suggestions,
never shown to readers. Nothing has been checked with a recorded editor, so everything is queued.
"""

from urllib.parse import urlsplit

from django.db import migrations

from ._citations import CITATIONS, UNNAMED
from ._content_version import bump_content_version

LOOKUP = {"Snippet": "key"}
UNNAMED_TITLE = "Unnamed “Source” link in the original guide"
CROSS_REFERENCE = "cross-reference-request"


def _domain_only_rows(Source) -> None:
    """A home page the seed made up for a bare domain becomes the domain; old unattributed checks are queued."""
    for source in Source.objects.all():
        parts = urlsplit(source.url)
        # The seed's pattern for a bare domain: the domain as title, and its home page made up as the URL.
        if source.url and not source.named_as and parts.path in ("", "/") and parts.hostname == source.title:
            source.named_as = parts.hostname.removeprefix("www.")
            source.url = ""
        if source.title == "Source not named in the original guide":
            source.title = UNNAMED_TITLE
        if source.last_verified and source.checked_by_id is None:
            source.notes = (
                f"{source.notes}\n\n" if source.notes else ""
            ) + f"Marked verified on {source.last_verified:%d %B %Y} before checks recorded who checked: check again."
            source.last_verified = None
        source.needs_verification = source.checked_by_id is None
        source.save()


def restore_citations(apps, schema_editor):
    Source = apps.get_model("guide", "Source")
    _domain_only_rows(Source)
    claimed: set[int] = set()

    def citation(spec: str, current: list):
        if spec.startswith("https://"):
            source, _ = Source.objects.get_or_create(url=spec, defaults={"title": spec})
            return source
        if spec == UNNAMED:
            match = [s for s in current if not s.url and not s.named_as]
            return match[0] if match else Source.objects.create(title=UNNAMED_TITLE)
        free = [s for s in current if s.named_as == spec and s.pk not in claimed]
        if free:
            claimed.add(free[0].pk)
            return free[0]
        template = Source.objects.filter(named_as=spec).order_by("pk").first()
        copy = Source.objects.create(
            named_as=spec, title=spec, publisher=template.publisher if template else "", needs_verification=True
        )
        claimed.add(copy.pk)
        return copy

    for (model_name, key), specs in CITATIONS.items():
        model = apps.get_model("guide", model_name)
        item = model.objects.filter(**{LOOKUP.get(model_name, "slug"): key}).first()
        if item is None:
            continue  # removed by an editor
        current = list(item.sources.order_by("pk"))
        cited = [citation(spec, current) for spec in specs]
        # A row merged from one of this item's own citations is not a suggestion: it was the original's.
        not_given = [s for s in current if s not in cited and (s.url or s.named_as) and s.named_as not in specs]
        item.suggested_sources.add(*not_given)
        item.sources.set(cited)

    _cross_reference_request(apps)
    _situations(apps)
    bump_content_version(apps)


def _cross_reference_request(apps) -> None:
    """Its quotations are the CPS guidance the linked-cases essential cites; the VRR page is unrelated."""
    Snippet, Article = apps.get_model("guide", "Snippet"), apps.get_model("guide", "Article")
    snippet = Snippet.objects.filter(key=CROSS_REFERENCE).first()
    linked = Article.objects.filter(slug="linked-cases").first()
    if snippet is None or linked is None:
        return
    cps = [s for s in linked.sources.all() if s.named_as == "cps.gov.uk"]
    if cps:
        snippet.suggested_sources.add(*[s for s in snippet.sources.all() if s not in cps])
        snippet.sources.set(cps)


def _situations(apps) -> None:
    """A finder situation rests on the citations of what it points to."""
    Source = apps.get_model("guide", "Source")
    for situation in apps.get_model("guide", "Situation").objects.all():
        offences = situation.offences.all()
        articles = situation.articles.all()
        cited = Source.objects.filter(offence_items__in=offences) | Source.objects.filter(article_items__in=articles)
        cited = set(cited.distinct())
        if cited:
            situation.sources.set(cited)


class Migration(migrations.Migration):
    dependencies = [("guide", "0009_honest_provenance")]

    operations = [migrations.RunPython(restore_citations, migrations.RunPython.noop)]
