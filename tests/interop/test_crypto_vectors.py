"""The committed known answers are what the formats give: docs/vectors/crypto-v1.json cannot drift
from its generator, and tests/js/crypto.test.mjs holds the browser's code to the same file."""

import json
import runpy

from django.conf import settings

VECTORS = settings.BASE_DIR / "docs" / "vectors"


def test_the_committed_crypto_vectors_are_what_the_formats_give():
    made = runpy.run_path(str(VECTORS / "make_vectors.py"))["vectors"]()
    assert json.loads((VECTORS / "crypto-v1.json").read_text()) == made


def vectors() -> dict:
    return json.loads((VECTORS / "crypto-v1.json").read_text())


def test_the_server_signs_the_known_receipt_and_publishes_the_known_key_document():
    from datetime import UTC, datetime

    from casefile.evidence import receipts

    v = vectors()["receipt"]
    seed = bytes.fromhex(v["signing_key_seed"])
    when = datetime.strptime(v["receipt"]["time"], receipts.TIME_FORMAT).replace(tzinfo=UTC)
    assert receipts.sign(seed, v["receipt"]["sha256"], when) == v["receipt"]
    assert receipts.public_key_document(seed) == v["key_document"]
    assert receipts.verify_receipt(v["receipt"], v["key_document"]["public_key"])


def test_the_server_names_group_records_as_the_vectors_do():
    from uuid import UUID

    from casefile.record_ids import details_record_id, named_record_id, own_record_ids

    v = vectors()
    group_id = UUID(v["group"]["group_id"])
    ids = v["named_record_ids"]["group"]
    assert str(details_record_id(group_id)) == ids["details"]
    assert {str(each) for each in own_record_ids(group_id, 7)} == {ids["member-7"], ids["note-7"]}
    for name, expected in v["named_record_ids"]["case_file"].items():
        assert str(named_record_id(UUID(v["record"]["collection_id"]), name)) == expected
