"""Guide pages served from memory answer only what Django itself would answer."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_cached_page_is_not_served_to_a_host_that_is_not_allowed(client):
    assert client.get("/offences/stalking/").status_code == 200  # fills the cache
    r = client.get("/offences/stalking/", HTTP_HOST="attacker.example")
    assert r.status_code == 400
    assert b"Stalking" not in r.content


def test_a_cached_page_is_served_again_to_an_allowed_host(client, django_assert_num_queries):
    first = client.get("/offences/stalking/")
    with django_assert_num_queries(0):
        again = client.get("/offences/stalking/")
    assert again.content == first.content
