from io import StringIO

import pytest
import yaml
from django.core.management import call_command


@pytest.mark.django_db
def test_it_publishes_an_openapi_schema_of_the_sync_api_to_staff(editor_client):
    r = editor_client.get("/api/v1/schema/")
    assert r.status_code == 200
    schema = yaml.safe_load(r.content)
    assert schema["openapi"].startswith("3.")
    assert {
        "/api/v1/collections/",
        "/api/v1/collections/{collection_id}/records/",
        "/api/v1/collections/{collection_id}/records/push/",
    } <= set(schema["paths"])


def test_the_schema_is_valid_and_describes_every_endpoint_without_warnings():
    call_command("spectacular", "--validate", "--fail-on-warn", stdout=StringIO(), stderr=StringIO())


@pytest.mark.django_db
def test_the_schema_describes_evidence_files_and_receipts(editor_client):
    paths = yaml.safe_load(editor_client.get("/api/v1/schema/").content)["paths"]
    assert {
        "/api/v1/collections/{collection_id}/blobs/",
        "/api/v1/blobs/{blob_id}/",
        "/api/v1/blobs/{blob_id}/content/",
        "/api/v1/receipts/",
    } <= set(paths)
    upload = paths["/api/v1/blobs/{blob_id}/content/"]["put"]
    assert list(upload["requestBody"]["content"]) == ["application/octet-stream"]
    assert {"200", "400", "409", "413"} <= set(upload["responses"])


def test_it_hides_the_schema_from_everyone_else_in_production(client, django_user_model):
    assert client.get("/api/v1/schema/").status_code == 404
    client.force_login(django_user_model.objects.create_user("sam"))
    assert client.get("/api/v1/schema/").status_code == 404


@pytest.mark.django_db
def test_it_shows_the_schema_to_anyone_when_debug_is_on(client, settings):
    settings.DEBUG = True
    r = client.get("/api/v1/schema/")
    assert r.status_code == 200
    assert yaml.safe_load(r.content)["openapi"].startswith("3.")


@pytest.mark.django_db
def test_every_operation_that_needs_a_session_says_it_answers_401(editor_client):
    paths = yaml.safe_load(editor_client.get("/api/v1/schema/").content)["paths"]
    for path, operations in paths.items():
        for method, operation in operations.items():
            needs_session = {} not in operation["security"]
            assert ("401" in operation["responses"]) == needs_session, (method, path)
    signed_out = paths["/api/v1/collections/"]["get"]["responses"]["401"]
    assert "WWW-Authenticate" in signed_out["headers"]
    assert "/api/v1/auth/login/" in paths and "401" not in paths["/api/v1/auth/login/"]["post"]["responses"]
