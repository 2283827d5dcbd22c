import pytest

pytestmark = pytest.mark.django_db


def test_it_creates_a_case_file_with_an_empty_history(as_alice):
    r = as_alice.post("/api/v1/collections/", {}, content_type="application/json")
    assert r.status_code == 201
    body = r.json()
    assert body["kind"] == "casefile"
    assert body["head"].endswith(".0")


def test_it_lists_my_case_files_with_their_head_cursor(as_alice, alices_collection):
    r = as_alice.get("/api/v1/collections/")
    assert r.status_code == 200
    assert r["Cache-Control"] == "no-store"
    assert r.json()["collections"] == [
        {"id": str(alices_collection.id), "kind": "casefile", "head": f"{alices_collection.epoch.hex}.0"}
    ]


def test_it_refuses_more_case_files_than_the_limit(as_alice, settings):
    settings.SYNC_MAX_COLLECTIONS = 2
    for _ in range(2):
        assert as_alice.post("/api/v1/collections/", {}, content_type="application/json").status_code == 201
    r = as_alice.post("/api/v1/collections/", {}, content_type="application/json")
    assert r.status_code == 409
    assert r.json() == {"detail": "You can have up to 2 case files."}


def test_it_refuses_an_unknown_kind(as_alice):
    r = as_alice.post("/api/v1/collections/", {"kind": "diary"}, content_type="application/json")
    assert r.status_code == 400
    assert "kind" in r.json()
