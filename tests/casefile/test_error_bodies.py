"""Every API error answer carries a sentence to show (`detail`) and a stable `code` to act on."""

import uuid

import pytest
from django.test import Client

from tests.casefile.helpers import NEW_ACCOUNT, new_blob, post, pull, push, put_chunk, write

pytestmark = pytest.mark.django_db


def assert_detail_and_code(r, status: int, code: str) -> dict:
    assert r.status_code == status, r.content
    body = r.json()
    assert isinstance(body["detail"], str) and body["detail"]
    assert body["code"] == code
    return body


def test_a_reset_cursor_says_cursor_reset(as_alice, alices_collection):
    assert_detail_and_code(
        pull(as_alice, alices_collection, since=f"{alices_collection.epoch.hex}.99"), 410, "cursor_reset"
    )


def test_a_signed_out_request_says_so(alices_collection):
    assert_detail_and_code(pull(Client(), alices_collection), 401, "not_authenticated")


def test_field_errors_keep_their_fields_and_add_detail_and_code():
    body = assert_detail_and_code(post(Client(), "register", {**NEW_ACCOUNT, "username": "no spaces"}), 400, "invalid")
    assert body["detail"] == body["username"][0]


def test_a_push_that_is_not_a_list_of_writes_is_invalid(as_alice, alices_collection):
    r = as_alice.post(
        f"/api/v1/collections/{alices_collection.id}/records/push/", {"writes": "x"}, content_type="application/json"
    )
    assert_detail_and_code(r, 400, "invalid")


def test_a_body_that_is_not_json_is_invalid(as_alice, alices_collection):
    r = as_alice.post(f"/api/v1/collections/{alices_collection.id}/records/push/", "{", content_type="application/json")
    assert_detail_and_code(r, 400, "parse_error")


def test_someone_elses_case_file_is_not_found(as_alice, bobs_collection):
    assert_detail_and_code(pull(as_alice, bobs_collection), 404, "not_found")


def test_an_unknown_api_address_is_not_found(as_alice):
    assert_detail_and_code(as_alice.get(f"/api/v1/nothing/{uuid.uuid4()}/"), 404, "not_found")


def test_a_wrong_method_says_so(as_alice, alices_collection):
    assert_detail_and_code(
        as_alice.delete(f"/api/v1/collections/{alices_collection.id}/records/"), 405, "method_not_allowed"
    )


def test_a_chunk_at_the_wrong_offset_says_wrong_offset(as_alice, alices_collection):
    blob_id = new_blob(as_alice, alices_collection, 100).json()["id"]
    body = assert_detail_and_code(put_chunk(as_alice, blob_id, 50, b"x" * 10), 409, "wrong_offset")
    assert body["received"] == 0


def test_a_domain_error_keeps_its_extra_fields(as_alice, alices_collection):
    first = write()
    push(as_alice, alices_collection, first)
    r = push(as_alice, alices_collection, write(first["id"], base_version=0))
    assert r.status_code == 200  # a stale write is a per-record conflict, not an error answer
    assert r.json()["results"][0]["status"] == "conflict"
