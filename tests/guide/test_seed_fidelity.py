"""Every sentence of the original guide is on the public pages, word for word.

The original (tests/data/, a copy of ../shared/seed/falseos-england-wales.txt) is the text of a
rendered page, so its page furniture is taken off first: link arrows, "Official source · x ↗" lines,
labels the pages show as headings ("What it covers."), list numbers, and the joins where the
scrape ran a heading into the next line ("Criminal harassmentProtection from…"). Comparison ignores
case (headings are shown in sentence case) and whitespace; it never ignores a word.
"""

import html
import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.pages import guide_urls

pytestmark = pytest.mark.django_db

ORIGINAL = (Path(settings.BASE_DIR) / "tests" / "data" / "falseos-england-wales.txt").read_text()

_CHROME = [
    re.compile(r"Official sources?(?: · \S+ ↗)?"),  # "Official source · gov.uk ↗"
    re.compile(r"^(?:\S+ ↗)+$|^Source ↗$"),  # "tiktok.com ↗tiktok.com ↗…", a bare "Source ↗"
    re.compile(r"^[a-z0-9.-]+\.[a-z]{2,} →"),  # "police.uk →", a channel's website link
]
_LABELS = re.compile(r"^(?:What it covers|Section|Key elements)\. |^Max penalty: ")
_LIST_MARK = re.compile(r"^\d+\.\s*\d(?=[A-Z])|^(?:\d+\.|•|-)\s+")
_INLINE_LIST_MARK = re.compile(r"(?<=: )(?:\d\.|-) (?=[A-Z])")  # "…an account: 1. A court order"
_GLUED = re.compile(r"(?<=[a-z)])(?=[A-Z][a-z])|(?<=URGENT)(?=In )|Max penalty: | · ")
_SENTENCE_END = re.compile(r"(?<=[.!?])(?<!U\.S\.)(?<!e\.g\.)(?<!i\.e\.)\s+(?=[A-Z0-9\"“'(])")
_SPACE = re.compile(r"\s+")
_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|code|em|i|span|strong|time)\b[^>]*>")
_TAG = re.compile(r"<[^>]+>")


def _fragments(line: str) -> list[str]:
    """A line of the original as the pieces a page shows: headings, sentences."""
    for chrome in _CHROME:
        line = chrome.sub("", line)
    line = _INLINE_LIST_MARK.sub("", line.strip().replace("## ", ""))
    pieces = []
    for part in line.split("→"):
        part = _LIST_MARK.sub("", part.strip())
        # A heading run into its subtitle or the next heading ("STEP 1", "Criminal harassmentProtection…").
        is_glued_heading = " Act " in part or "Max penalty:" in part or part.startswith(("URGENT", "Section. "))
        parts = _GLUED.split(part) if is_glued_heading and ". " not in part.split("Max penalty:")[0] else [part]
        for piece in parts:
            piece = _LABELS.sub("", piece.strip())
            if not piece.endswith((".", "?", "!", ")")) and " - " in piece:
                pieces += piece.split(" - ")  # a heading and its subtitle, shown apart
            elif re.match(r"^[A-Z][A-Z /-]+(?: \([a-z ]+\))?: ", piece):
                pieces += piece.split(": ", 1)  # "FRONT-LINE: Report…": the rung title, then its text
            elif piece.startswith("The honest truth: "):
                pieces += ["The honest truth", piece.removeprefix("The honest truth: ")]
            else:
                pieces.append(piece)
    return [sentence for piece in pieces for sentence in _SENTENCE_END.split(piece.strip()) if sentence.strip()]


def original_sentences() -> list[str]:
    return [sentence for line in ORIGINAL.splitlines() for sentence in _fragments(line)]


def _normal(text: str) -> str:
    return _SPACE.sub(" ", html.unescape(text)).strip().lower()


def public_text(client) -> str:
    pages = [client.get(url).content.decode() for url in guide_urls() if not url.startswith("/casefile/")]
    return _normal(" ".join(_TAG.sub(" ", _INLINE_TAG.sub("", page)) for page in pages))


def test_every_sentence_of_the_original_is_on_the_public_pages(client):
    sentences = original_sentences()
    text = public_text(client)
    missing = [sentence for sentence in sentences if _normal(sentence) not in text]
    print(f"\nSeed fidelity: {len(sentences) - len(missing)} of {len(sentences)} sentences of the original present")
    assert len(sentences) > 300
    assert missing == [], "\n".join(missing)


def test_it_finds_the_heading_that_was_missing(client):
    assert "dedicated cross-border guides" in public_text(client)
    assert "Dedicated cross-border guides" in original_sentences()
