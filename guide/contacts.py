"""Phone numbers, email addresses and web addresses in guide text become links: one tap to call, write or open.

A frightened person on a phone should not have to copy 0808 802 0300 by hand. This runs on
HTML that nh3 has already sanitised (or on text it escapes first), and only touches text
outside links and code, so it never nests a link or changes what an editor linked on purpose.

Only UK numbers are linked: a foreign number (a New Zealand freephone, 911) dialled from a
UK phone reaches nobody, so it is left as text. 7726, the UK's number for forwarding scam
texts, opens a text message, not a call. A bare https:// address becomes a link that opens
with rel="noopener noreferrer" (nothing is fetched from it until the reader taps it).
"""

import re

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

# Numbers anyone in the UK can call. 116 123 is Samaritans.
SHORT_NUMBERS = {"999", "112", "101", "111", "116123"}

_GAP = r"[ \u00a0]?"
_NUMBER = re.compile(
    rf"(?P<intl>\+44{_GAP}(?:\(0\){_GAP})?[1-9](?:{_GAP}\d){{8,9}})"
    rf"|(?P<national>0[1-9](?:{_GAP}\d){{8,9}})"
    rf"|(?P<short>116{_GAP}123|999|112|101|111)"
)
_EMAIL = re.compile(
    r"[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}"
)
# A web address as written in running text: its closing punctuation is the sentence's, not the address's.
_URL = re.compile(r"https?://[^\s<>\"']+")
_URL_TRAILING = ".,;:!?"
_TEXT_NUMBER = re.compile(r"(?<![\d/.-])7726(?![\d/-])")

# A short number after these is a section, page or count, not something to call ("section 101").
_NOT_A_CALL_BEFORE = {
    "section",
    "sections",
    "s",
    "ss",
    "article",
    "articles",
    "rule",
    "part",
    "schedule",
    "paragraph",
    "chapter",
    "clause",
    "regulation",
    "page",
    "pages",
    "room",
    "§",
    "about",
    "over",
    "than",
}
_COUNTED = (
    "units|people|days|weeks|months|years|hours|minutes|times|countries|members|km|miles|pounds|per"
    "|messages|texts|calls|emails|posts|accounts|followers"
)
_NOT_A_CALL_AFTER = re.compile(rf"\s*(?:%|(?:[A-Za-z]+\s+)?(?:{_COUNTED})\b)")
_WORD_BEFORE = re.compile(r"([^\s(]+)\s*$")
_TAG = re.compile(r"(<[^>]*>)")
_UNLINKED_INSIDE = {"a", "code", "pre"}


def tel_uri(number: str) -> str:
    """tel: with the full international number, so it also works from a phone on a foreign network."""
    digits = re.sub(r"\D", "", number.replace("(0)", ""))
    if number.strip().startswith("+"):
        return f"tel:+{digits}"
    if digits.startswith("0") and len(digits) >= 10:
        return f"tel:+44{digits[1:]}"
    return f"tel:{digits}"


def _is_uk_number(match: re.Match) -> bool:
    if match["national"]:
        digits = re.sub(r"\D", "", match["national"])
        # UK numbers have 11 digits; the only 10-digit ones left are some 0800 and old area codes.
        return len(digits) == 11 or digits.startswith(("0800", "01"))
    return True


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Not part of a longer word, number, address or reference ("1999", "#112", "105.police", "101-things")."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    # "101/999" is two numbers; "/101" after a word is part of an address.
    between_numbers = before == "/" and text[start - 2 : start - 1].isdigit()
    if before.isalnum() or (before in "+.:-_£$§#&@/" and not between_numbers):
        return False
    if after.isalnum() or after in "_-%@" or (after == "/" and not text[end + 1 : end + 2].isdigit()):
        return False
    return not (after in ".," and text[end + 1 : end + 2].isdigit())


def _is_a_call(text: str, match: re.Match) -> bool:
    if not _stands_alone(text, match.start(), match.end()) or not _is_uk_number(match):
        return False
    if match["short"]:
        word = _WORD_BEFORE.search(text[: match.start()])
        if word and word[1].lower().rstrip(".") in _NOT_A_CALL_BEFORE:
            return False
        if _NOT_A_CALL_AFTER.match(text, match.end()):
            return False
    return True


def _url_end(url: str) -> int:
    """Where an address ends in running text: "(see https://x.org/a)." ends before ")."; a "(" it opened stays."""
    end = len(url)
    while end and (
        url[end - 1] in _URL_TRAILING or (url[end - 1] == ")" and url.count("(", 0, end) < url.count(")", 0, end))
    ):
        end -= 1
    return end


def _link_text(text: str) -> str:
    """Link the web addresses, numbers and email addresses in one run of (already escaped) text."""
    pieces, last = [], 0
    found = sorted(
        [*_URL.finditer(text), *_NUMBER.finditer(text), *_EMAIL.finditer(text), *_TEXT_NUMBER.finditer(text)],
        key=lambda match: (match.start(), match.re is not _URL),
    )
    for match in found:
        if match.start() < last:
            continue  # inside an address or number already linked
        if match.re is _URL:
            address = match[0][: _url_end(match[0])]
            pieces += [text[last : match.start()], f'<a href="{address}" rel="noopener noreferrer">{address}</a>']
            last = match.start() + len(address)
            continue
        if match.re is _TEXT_NUMBER:
            href = f"sms:{match[0]}"
        elif match.re is _EMAIL:
            if not _stands_alone(text, match.start(), match.end()):
                continue
            href = f"mailto:{match[0]}"
        elif _is_a_call(text, match):
            href = tel_uri(match[0])
        else:
            continue
        pieces += [text[last : match.start()], f'<a href="{href}">{match[0]}</a>']
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)


def link_contacts_in_html(html: str) -> str:
    """Link phone numbers and emails in sanitised HTML, outside existing links and code."""
    parts, inside = [], []
    for part in _TAG.split(html):
        if part.startswith("<"):
            tag = re.match(r"</?\s*([a-zA-Z0-9]+)", part)
            name = tag[1].lower() if tag else ""
            if name in _UNLINKED_INSIDE:
                if part.startswith("</"):
                    if name in inside:
                        inside.remove(name)
                elif not part.endswith("/>"):
                    inside.append(name)
            parts.append(part)
        else:
            parts.append(part if inside else _link_text(part))
    return "".join(parts)


def link_contacts(text: str) -> SafeString:
    """Escape plain text (unless already safe) and link its phone numbers and emails."""
    return mark_safe(link_contacts_in_html(str(conditional_escape(text))))  # noqa: S308 - escaped, then only our own links added
