import base64
import os
import uuid

import pytest

pytestmark = pytest.mark.django_db

WRAPPED_KEY = base64.b64encode(os.urandom(60)).decode()


def create(client, **fields):
    return client.post("/api/v1/collections/", {"wrapped_key": WRAPPED_KEY} | fields, content_type="application/json")


def test_it_creates_a_case_file_with_an_empty_history(as_alice):
    r = create(as_alice)
    assert r.status_code == 201
    body = r.json()
    assert body["kind"] == "casefile"
    assert body["head"].endswith(".0")
    assert body["wrapped_key"] == WRAPPED_KEY


def test_it_keeps_the_id_the_device_chose_and_answers_a_retry_with_the_same_case_file(as_alice):
    collection_id = str(uuid.uuid4())
    first = create(as_alice, id=collection_id)
    again = create(as_alice, id=collection_id)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json() == again.json()
    assert first.json()["id"] == collection_id
    assert len(as_alice.get("/api/v1/collections/").json()["collections"]) == 1


def test_an_id_someone_else_has_answers_as_an_unknown_one_would(as_alice, bobs_collection):
    unknown = as_alice.get(f"/api/v1/collections/{uuid.uuid4()}/records/")
    r = create(as_alice, id=str(bobs_collection.id))
    assert (
        (r.status_code, r.json())
        == (unknown.status_code, unknown.json())
        == (404, {"detail": "Not found.", "code": "not_found"})
    )
    assert not bobs_collection.memberships.filter(user__username="alice").exists()


def test_an_id_someone_else_has_answers_404_even_at_the_limit(as_alice, bobs_collection, settings):
    settings.SYNC_MAX_COLLECTIONS = 0
    assert create(as_alice, id=str(bobs_collection.id)).status_code == 404


def test_it_needs_the_wrapped_key(as_alice):
    r = as_alice.post("/api/v1/collections/", {}, content_type="application/json")
    assert r.status_code == 400
    assert r.json() == {
        "wrapped_key": ["This field is required."],
        "code": "invalid",
        "detail": "This field is required.",
    }


def test_it_lists_my_case_files_with_their_head_cursor(as_alice, alices_collection):
    r = as_alice.get("/api/v1/collections/")
    assert r.status_code == 200
    assert r["Cache-Control"] == "no-store"
    head = f"{alices_collection.epoch.hex}.0"
    assert r.json()["collections"] == [
        {
            "id": str(alices_collection.id),
            "kind": "casefile",
            "head": head,
            "wrapped_key": "",
            "role": "owner",
            "key_version": 1,
            "group_key_version": 1,
            "rotation_needed": False,
        }
    ]


def test_it_lists_each_case_file_with_the_key_wrapped_for_me(as_alice, django_assert_num_queries):
    for _ in range(5):
        create(as_alice)
    # session, user, collections: the session was saved at sign-in, and again only after SESSION_REFRESH_SECONDS
    with django_assert_num_queries(3):
        r = as_alice.get("/api/v1/collections/")
    assert [c["wrapped_key"] for c in r.json()["collections"]] == [WRAPPED_KEY] * 5


def test_it_refuses_more_case_files_than_the_limit(as_alice, settings):
    settings.SYNC_MAX_COLLECTIONS = 2
    for _ in range(2):
        assert create(as_alice).status_code == 201
    r = create(as_alice)
    assert r.status_code == 409
    assert r.json() == {"detail": "You can have up to 2 case files.", "code": "limit_reached"}


def test_it_refuses_an_unknown_kind(as_alice):
    r = create(as_alice, kind="diary")
    assert r.status_code == 400
    assert "kind" in r.json()
