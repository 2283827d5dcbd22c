"""Editor Markdown to safe HTML.

Editors type Markdown; anything that is HTML in it is escaped or stripped by nh3,
so `<script>`, event handlers and `javascript:` links never reach a page.
Phone numbers, email addresses and bare web addresses in the text become links, and
headings are shown in sentence case (guide.display); the stored text is unchanged.
"""

from functools import lru_cache

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

from guide.contacts import link_contacts_in_html
from guide.display import sentence_case_headings

ALLOWED_TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "em",
    "h2",
    "h3",
    "h4",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
ALLOWED_URL_SCHEMES = {"https", "http", "mailto", "tel"}


@lru_cache(maxsize=2048)
def render_markdown(text: str) -> SafeString:
    html = markdown_lib.markdown(text or "", extensions=["sane_lists"], output_format="html")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )

    return mark_safe(link_contacts_in_html(sentence_case_headings(clean)))  # noqa: S308
