"""How stored guide text is shown, without changing what is stored: headings in sentence case.

The original guide shouts some headings ("PRIMARY paper-trail channel", "FRONT-LINE"). Shown
to a frightened reader, capitals read as alarm. Only words written wholly in capitals change,
and never the acronyms and names that are written that way (NCA, CPS, INTERPOL…); words in
mixed case, such as proper names, are left exactly as the editor wrote them.
"""

import re

# Written in capitals on purpose: bodies, laws, units, countries.
ACRONYMS = frozenset(
    {
        "ACLU",
        "AFP",
        "AVO",
        "CJS",
        "CMA",
        "CPS",
        "DOJ",
        "DPA",
        "EU",
        "FBI",
        "GBH",
        "GDPR",
        "HDCA",
        "ID",
        "IOPC",
        "INTERPOL",
        "MCA",
        "MLA",
        "MLAT",
        "MP",
        "NCA",
        "NCB",
        "N-CAS",
        "NCSC",
        "NNEDV",
        "NZ",
        "OIC",
        "OSA",
        "PC",
        "PCC",
        "PEN",
        "PHA",
        "PSA",
        "RCMP",
        "SA",
        "SAPS",
        "SERS",
        "SMS",
        "TV",
        "UK",
        "URL",
        "US",
        "USA",
        "USNCB",
        "VAWG",
        "VRR",
    }
)
_SHOUTED = re.compile(r"\b[A-Z][A-Z-]*[A-Z]\b")
_FIRST_LETTER = re.compile(r"[A-Za-z]")


def _quieter(match: re.Match) -> str:
    word = match[0]
    return word if word in ACRONYMS else word.lower()


def sentence_case(text: str) -> str:
    """ "PRIMARY paper-trail channel" → "Primary paper-trail channel"; "NCA" and "Report Fraud" stay as they are."""
    quieter = _SHOUTED.sub(_quieter, text)
    if quieter == text:
        return text
    first = _FIRST_LETTER.search(quieter)
    if first is None:
        return quieter
    return quieter[: first.start()] + first[0].upper() + quieter[first.end() :]


_HEADING = re.compile(r"<(h[2-4])>(.*?)</\1>", re.S)
_TAG = re.compile(r"(<[^>]*>)")


def sentence_case_headings(html: str) -> str:
    """Sentence case for the text of every h2–h4 in sanitised HTML (tags inside are left alone)."""

    def quieter(match: re.Match) -> str:
        parts = _TAG.split(match[2])
        text = "".join(part for part in parts if not part.startswith("<"))
        if sentence_case(text) == text:
            return match[0]
        parts = [part if part.startswith("<") else _SHOUTED.sub(_quieter, part) for part in parts]
        inner = "".join(parts)
        first = re.search(r"(?:^|>)([^<]*?)([A-Za-z])", inner)
        if first:
            inner = inner[: first.start(2)] + first[2].upper() + inner[first.end(2) :]
        return f"<{match[1]}>{inner}</{match[1]}>"

    return _HEADING.sub(quieter, html)
