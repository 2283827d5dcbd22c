"""Loads the England & Wales guide so a fresh install shows the whole guide."""

from django.db import migrations

from ._seed_england_wales import (
    ARTICLES,
    COUNTRIES,
    OFFENCES,
    REVIEW_DUE,
    REVIEWED_ON,
    RUNGS,
    SNIPPETS,
    SOURCES,
    STEPS,
    TAGS,
)


def load_seed(apps, schema_editor):
    model = apps.get_model
    sources = {key: model("guide", "Source").objects.create(**fields) for key, fields in SOURCES.items()}
    tags = {slug: model("guide", "Tag").objects.create(slug=slug, name=name) for slug, name in TAGS}

    def create(model_name: str, fields: dict, **extra):
        fields = {**fields}
        source_keys = fields.pop("sources")
        tag_slugs = fields.pop("tags", [])
        item = model("guide", model_name).objects.create(
            is_published=True, reviewed_on=REVIEWED_ON, review_due=REVIEW_DUE, **fields, **extra
        )
        item.sources.set([sources[key] for key in source_keys])
        if tag_slugs:
            item.tags.set([tags[slug] for slug in tag_slugs])
        return item

    england_and_wales = create(
        "Jurisdiction",
        {"name": "England & Wales", "slug": "england-and-wales", "sources": [next(iter(SOURCES))]},
    )
    for snippet in SNIPPETS:
        create("Snippet", snippet)
    for step in STEPS:
        step = {**step}
        channels = step.pop("channels")
        step_item = create("Step", step, jurisdiction=england_and_wales)
        for channel in channels:
            create("Channel", channel, step=step_item)
    for offence in OFFENCES:
        create("Offence", offence, jurisdiction=england_and_wales)
    for article in ARTICLES:
        create("Article", article, jurisdiction=england_and_wales)
    for country in COUNTRIES:
        create("CountryGuide", country, jurisdiction=england_and_wales)
    for rung in RUNGS:
        create("EscalationRung", rung, jurisdiction=england_and_wales)
    model("guide", "ContentVersion").objects.create(number=1)


def unload_seed(apps, schema_editor):
    """Back to an empty guide: the seed is all the guide there is at this point."""
    for name in ["Channel", "Step", "Offence", "Article", "CountryGuide", "EscalationRung", "Snippet", "Jurisdiction"]:
        apps.get_model("guide", name).objects.all().delete()
    for name in ["Tag", "Source", "ContentVersion"]:
        apps.get_model("guide", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("guide", "0001_initial")]

    operations = [migrations.RunPython(load_seed, unload_seed)]
