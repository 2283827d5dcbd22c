"""Helpers for tests that look at rendered pages as a browser would."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.urls import reverse

from guide.offline import published_guide_urls


def guide_urls() -> list[str]:
    """Every guide page: what installed apps save for offline use, and the offline page itself."""
    return [*published_guide_urls(), reverse("offline")]


class AssetCollector(HTMLParser):
    """Collects every URL a page loads by itself (not links a person follows)."""

    LOADING_LINK_RELS = {"stylesheet", "icon", "apple-touch-icon", "manifest", "preload", "modulepreload", "prefetch"}

    def __init__(self):
        super().__init__()
        self.assets: list[str] = []
        self.headings: list[int] = []
        self.inline_scripts = 0
        self.inline_styles = 0
        self.html_lang: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.html_lang = attributes.get("lang")
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.headings.append(int(tag[1]))
        if "style" in attributes:
            self.inline_styles += 1
        if any(name.startswith("on") for name in attributes):
            self.inline_scripts += 1
        if tag == "script":
            if attributes.get("src"):
                self.assets.append(attributes["src"])
            elif attributes.get("type") != "application/json":  # a data block (json_script) never runs
                self.inline_scripts += 1
        elif tag == "style":
            self.inline_styles += 1
        elif tag == "link" and set((attributes.get("rel") or "").split()) & self.LOADING_LINK_RELS:
            self.assets.append(attributes["href"])
        elif tag in {"img", "source", "video", "audio", "iframe", "embed"} and attributes.get("src"):
            self.assets.append(attributes["src"])
        elif tag == "object" and attributes.get("data"):
            self.assets.append(attributes["data"])


def parse_page(html: str) -> AssetCollector:
    collector = AssetCollector()
    collector.feed(html)
    return collector


def is_same_origin(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc
