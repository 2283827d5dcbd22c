import pytest
from django.core.management import CommandError, call_command
from django.http import HttpRequest

from tests.casefile.helpers import NEW_ACCOUNT

pytestmark = pytest.mark.django_db


def test_it_creates_an_editor_who_can_use_the_admin(client, monkeypatch, django_user_model):
    monkeypatch.setenv("EDITOR_PASSWORD", "correct horse battery staple")
    call_command("create_editor", "sam@falseos.example", password_from_env="EDITOR_PASSWORD")
    user = django_user_model.objects.get(username="sam@falseos.example")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["Content editors"]
    # django-axes needs the request to count sign-in attempts; Client.login() alone does not pass one.
    assert client.login(request=HttpRequest(), username="sam@falseos.example", password="correct horse battery staple")
    assert client.get("/admin/guide/offence/").status_code == 200


def test_it_refuses_a_weak_password(monkeypatch):
    monkeypatch.setenv("EDITOR_PASSWORD", "password")
    with pytest.raises(CommandError, match="too common"):
        call_command("create_editor", "sam@falseos.example", password_from_env="EDITOR_PASSWORD")


def test_it_refuses_a_taken_username(monkeypatch):
    monkeypatch.setenv("EDITOR_PASSWORD", "correct horse battery staple")
    call_command("create_editor", "sam@falseos.example", password_from_env="EDITOR_PASSWORD")
    with pytest.raises(CommandError, match="already an account"):
        call_command("create_editor", "sam@falseos.example", password_from_env="EDITOR_PASSWORD")


@pytest.mark.parametrize("name", ["sam", "sam.editor", "s_a-m"])
def test_it_refuses_a_name_a_case_file_could_have(monkeypatch, name):
    monkeypatch.setenv("EDITOR_PASSWORD", "correct horse battery staple")
    with pytest.raises(CommandError, match="Name editors by email address"):
        call_command("create_editor", name, password_from_env="EDITOR_PASSWORD")


def test_registering_a_case_file_under_an_editors_name_does_not_say_it_is_taken(client, monkeypatch):
    monkeypatch.setenv("EDITOR_PASSWORD", "correct horse battery staple")
    call_command("create_editor", "sam@falseos.example", password_from_env="EDITOR_PASSWORD")
    r = client.post("/api/v1/auth/register/", {**NEW_ACCOUNT, "username": "sam@falseos.example"}, "application/json")
    assert r.status_code == 400
    assert "Choose another name." not in str(r.json())
