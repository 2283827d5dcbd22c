from io import StringIO

import pytest
import yaml
from django.core.management import call_command


@pytest.mark.django_db
def test_it_publishes_an_openapi_schema_of_the_sync_api(client):
    r = client.get("/api/v1/schema/")
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
def test_the_schema_describes_evidence_files_and_receipts(client):
    paths = yaml.safe_load(client.get("/api/v1/schema/").content)["paths"]
    assert {
        "/api/v1/collections/{collection_id}/blobs/",
        "/api/v1/blobs/{blob_id}/",
        "/api/v1/blobs/{blob_id}/content/",
        "/api/v1/receipts/",
    } <= set(paths)
    upload = paths["/api/v1/blobs/{blob_id}/content/"]["put"]
    assert list(upload["requestBody"]["content"]) == ["application/octet-stream"]
    assert {"200", "400", "409", "413"} <= set(upload["responses"])
