"""Every case-file endpoint, tried as someone who is not a member and as nobody."""

import pytest

from tests.casefile.conftest import pull, push, write

pytestmark = pytest.mark.django_db


def test_it_hides_another_users_collection_from_pull(as_alice, bobs_collection):
    assert pull(as_alice, bobs_collection).status_code == 404


def test_it_hides_another_users_collection_from_push(as_alice, bobs_collection):
    r = push(as_alice, bobs_collection, write())
    assert r.status_code == 404
    assert not bobs_collection.records.exists()


def test_it_leaves_another_users_collections_out_of_the_list(as_alice, alices_collection, bobs_collection):
    ids = [c["id"] for c in as_alice.get("/api/v1/collections/").json()["collections"]]
    assert ids == [str(alices_collection.id)]


def test_an_unknown_collection_looks_the_same_as_someone_elses(as_alice, bobs_collection):
    unknown = pull(as_alice, type(bobs_collection)(id="00000000-0000-4000-8000-000000000000"))
    theirs = pull(as_alice, bobs_collection)
    assert (unknown.status_code, unknown.json()) == (theirs.status_code, theirs.json())


@pytest.mark.parametrize("method", ["get_list", "post_list", "pull", "push"])
def test_nobody_signed_in_gets_nothing(client, alices_collection, method):
    calls = {
        "get_list": lambda: client.get("/api/v1/collections/"),
        "post_list": lambda: client.post("/api/v1/collections/", {}, content_type="application/json"),
        "pull": lambda: pull(client, alices_collection),
        "push": lambda: push(client, alices_collection, write()),
    }
    r = calls[method]()
    assert r.status_code == 403
    assert r["Cache-Control"] == "no-store"
