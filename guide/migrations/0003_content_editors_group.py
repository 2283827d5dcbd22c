"""The "Content editors" group: full rights over guide content and nothing else."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Content editors"
GUIDE_MODELS = [
    "source",
    "tag",
    "jurisdiction",
    "snippet",
    "step",
    "channel",
    "offence",
    "article",
    "countryguide",
    "escalationrung",
]


def create_group(apps, schema_editor):
    # Permissions are normally made after migrations finish; this group needs them now.
    guide_config = apps.get_app_config("guide")
    guide_config.models_module = True
    create_permissions(guide_config, apps=apps, verbosity=0)
    guide_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    permissions = Permission.objects.filter(content_type__app_label="guide", content_type__model__in=GUIDE_MODELS)
    view_version = Permission.objects.filter(content_type__app_label="guide", codename="view_contentversion")
    group.permissions.set([*permissions, *view_version])


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("guide", "0002_seed_england_wales"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
