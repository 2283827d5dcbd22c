from django.conf import settings
from django.http import HttpRequest

from guide import selectors


def site(request: HttpRequest) -> dict:
    """What every page shows: the urgent banner and the quick-exit destination."""
    texts = selectors.page_texts()
    return {"quick_exit_url": settings.QUICK_EXIT_URL, "page_texts": texts, "urgent": texts.get("urgent_banner")}
