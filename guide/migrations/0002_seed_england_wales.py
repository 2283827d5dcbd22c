"""Loads the England & Wales guide so a fresh install shows the whole guide."""

from django.db import migrations

from ._seed_england_wales import (
    ARTICLES,
    COUNTRIES,
    JURISDICTION,
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
    def model(name):
        return apps.get_model("guide", name)

    sources = {key: model("Source").objects.create(**fields) for key, fields in SOURCES.items()}
    tags = {slug: model("Tag").objects.create(slug=slug, name=name) for slug, name in TAGS}

    def create(model_name, fields, **extra):
        """Creates one published guide item and links its sources (and tags, for offences)."""
        fields = dict(fields)
        source_keys, tag_slugs = fields.pop("sources"), fields.pop("tags", None)
        fields.pop("channels", None)
        item = model(model_name).objects.create(
            is_published=True, reviewed_on=REVIEWED_ON, review_due=REVIEW_DUE, **fields, **extra
        )
        item.sources.set([sources[key] for key in source_keys])
        if tag_slugs is not None:
            item.tags.set([tags[slug] for slug in tag_slugs])
        return item

    jurisdiction = create("Jurisdiction", JURISDICTION)
    for snippet in SNIPPETS:
        create("Snippet", snippet)
    for step in STEPS:
        step_item = create("Step", step, jurisdiction=jurisdiction)
        for channel in step["channels"]:
            create("Channel", channel, step=step_item)
    for model_name, items in [("Offence", OFFENCES), ("Article", ARTICLES), ("CountryGuide", COUNTRIES)]:
        for fields in items:
            create(model_name, fields, jurisdiction=jurisdiction)
    for rung in RUNGS:
        create("EscalationRung", rung, jurisdiction=jurisdiction)
    model("ContentVersion").objects.create(number=1)


def unload_seed(apps, schema_editor):
    """Removes what load_seed created, in reverse order."""

    def model(name):
        return apps.get_model("guide", name)

    model("ContentVersion").objects.filter(number=1).delete()
    jurisdiction = model("Jurisdiction").objects.filter(slug=JURISDICTION["slug"])
    for model_name in ["EscalationRung", "CountryGuide", "Article", "Offence"]:
        model(model_name).objects.filter(jurisdiction__in=jurisdiction).delete()
    model("Channel").objects.filter(slug__in=[c["slug"] for step in STEPS for c in step["channels"]]).delete()
    model("Step").objects.filter(slug__in=[step["slug"] for step in STEPS]).delete()
    model("Snippet").objects.filter(key__in=[snippet["key"] for snippet in SNIPPETS]).delete()
    jurisdiction.delete()
    model("Tag").objects.filter(slug__in=[slug for slug, _ in TAGS]).delete()
    for fields in SOURCES.values():
        model("Source").objects.filter(url=fields["url"], title=fields["title"]).delete()


class Migration(migrations.Migration):
    dependencies = [("guide", "0001_initial")]

    operations = [migrations.RunPython(load_seed, unload_seed)]
