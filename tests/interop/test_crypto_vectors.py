"""The committed known answers are what the formats give: docs/vectors/crypto-v1.json cannot drift
from its generator, and tests/js/crypto.test.mjs holds the browser's code to the same file."""

import json
import runpy

from django.conf import settings

VECTORS = settings.BASE_DIR / "docs" / "vectors"


def test_the_committed_crypto_vectors_are_what_the_formats_give():
    made = runpy.run_path(str(VECTORS / "make_vectors.py"))["vectors"]()
    assert json.loads((VECTORS / "crypto-v1.json").read_text()) == made
