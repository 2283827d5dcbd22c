import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from rest_framework.throttling import SimpleRateThrottle

from guide import page_cache
from guide.models import Offence

EDITOR_PASSWORD = "a long editor passphrase 42"


@pytest.fixture(scope="session", autouse=True)
def collected_static(tmp_path_factory):
    """Tests serve static files as production does: hashed, compressed, through WhiteNoise."""
    # override_settings, not assignment: it tells the static files storage, which may already exist, to move too.
    moved = override_settings(STATIC_ROOT=tmp_path_factory.mktemp("staticfiles"))
    moved.enable()
    call_command("collectstatic", interactive=False, verbosity=0)
    yield settings.STATIC_ROOT
    moved.disable()


@pytest.fixture(autouse=True)
def fresh_caches():
    """Each test starts with no remembered pages or throttle counts: rolled-back data must not be served."""
    page_cache.forget()
    cache.clear()
    yield
    page_cache.forget()


@pytest.fixture
def without_fair_use_limits(monkeypatch):
    """No per-person limits on pull, push and upload, for a test that syncs far more than a person would.

    Throttle counts start at zero in every test (fresh_caches), so only a test that makes hundreds of
    requests as one person within a minute needs this: many Hypothesis examples inside one test, say.
    """
    for scope in ("sync_pull", "sync_push", "blob_upload"):
        monkeypatch.setitem(SimpleRateThrottle.THROTTLE_RATES, scope, None)


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password=EDITOR_PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Content editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def unpublished_offence(db) -> Offence:
    offence = Offence.objects.get(slug="blackmail")
    offence.is_published = False
    offence.save()
    return offence


@pytest.fixture(autouse=True)
def blob_root(settings, tmp_path):
    """Each test stores evidence files in its own empty directory, never in the project's media/."""
    root = tmp_path / "blobs"
    settings.STORAGES = {
        **settings.STORAGES,
        "blobs": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": root, "allow_overwrite": True},
        },
    }
    return root
