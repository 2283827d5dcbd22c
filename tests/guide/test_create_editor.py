import pytest
from django.core.management import CommandError, call_command
from django.http import HttpRequest

pytestmark = pytest.mark.django_db


def test_it_creates_an_editor_who_can_use_the_admin(client, monkeypatch, django_user_model):
    monkeypatch.setenv("EDITOR_PASSWORD", "correct horse battery staple")
    call_command("create_editor", "sam", password_from_env="EDITOR_PASSWORD")
    user = django_user_model.objects.get(username="sam")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["Content editors"]
    # django-axes needs the request to count sign-in attempts; Client.login() alone does not pass one.
    assert client.login(request=HttpRequest(), username="sam", password="correct horse battery staple")
    assert client.get("/admin/guide/offence/").status_code == 200


def test_it_refuses_a_weak_password(monkeypatch):
    monkeypatch.setenv("EDITOR_PASSWORD", "password")
    with pytest.raises(CommandError, match="too common"):
        call_command("create_editor", "sam", password_from_env="EDITOR_PASSWORD")


def test_it_refuses_a_taken_username(editor, monkeypatch):
    monkeypatch.setenv("EDITOR_PASSWORD", "correct horse battery staple")
    with pytest.raises(CommandError, match="already an account"):
        call_command("create_editor", "editor", password_from_env="EDITOR_PASSWORD")
