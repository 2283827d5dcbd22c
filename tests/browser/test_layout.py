"""Every guide page at phone and desktop sizes: nothing wider than the screen, quick exit always in reach.

One browser context per size, every page in it, so the whole guide is checked in a few seconds.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.layout import EXIT_NAME, exit_unreachable, horizontal_overflow
from tests.pages import guide_urls

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SIZES = {
    "smallest phone, 320 x 640": {"viewport": {"width": 320, "height": 640}},
    "phone with touch, 390 x 844": {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True},
    "desktop, 1280 x 800": {"viewport": {"width": 1280, "height": 800}},
}


def guide_pages() -> list[str]:
    """Every published guide page, the offline page and the 404 page. The case file's views have their own tests."""
    return [*(url for url in guide_urls() if not url.startswith("/casefile/")), "/no-such-page/"]


@pytest.fixture(params=SIZES.values(), ids=SIZES.keys())
def sized_page(request, browser, app_server):
    context = browser.new_context(base_url=app_server.url, locale="en-GB", **request.param)
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def test_no_guide_page_is_wider_than_the_screen_and_the_exit_stays_in_reach(sized_page):
    pages = guide_pages()
    assert len(pages) >= 30
    problems = {}
    for url in pages:
        sized_page.goto(url)
        found = horizontal_overflow(sized_page)
        unreachable = exit_unreachable(sized_page)
        if found or unreachable:
            problems[url] = [*found, *([unreachable] if unreachable else [])]
    assert problems == {}


def test_a_section_opened_from_the_contents_is_not_hidden_under_the_exit_bar(sized_page):
    sized_page.goto("/")
    sized_page.get_by_role("navigation", name="Contents").get_by_role("link", name="The offences to name").click()
    heading = sized_page.get_by_role("heading", name="The offences in England & Wales")
    expect(heading).to_be_in_viewport()
    bar_bottom = sized_page.locator(".fo-quick-exit").bounding_box()
    assert heading.bounding_box()["y"] >= bar_bottom["y"] + bar_bottom["height"]


def test_a_field_reached_by_keyboard_is_not_hidden_under_the_exit_bar(sized_page):
    sized_page.goto("/finder/")
    field = sized_page.get_by_label("When did it start?")
    sized_page.get_by_label("If they are in another country, which one?").focus()
    # Put the field just under the top edge, where the bar is, then move onto it from the field before.
    field.evaluate("field => window.scrollTo(0, window.scrollY + field.getBoundingClientRect().top - 10)")
    bar = sized_page.locator(".fo-quick-exit").bounding_box()
    assert field.bounding_box()["y"] < bar["y"] + bar["height"]  # hidden under the bar before moving onto it
    sized_page.keyboard.press("Tab")
    expect(field).to_be_focused()
    assert field.bounding_box()["y"] >= bar["y"] + bar["height"]


def test_the_exit_is_reachable_on_a_page_made_wider_than_the_screen(sized_page):
    """Even if an editor's content ever overflows, the exit stays fixed to the screen, not to the page."""
    sized_page.goto("/quick-exit/")
    sized_page.locator("main").evaluate(
        "main => { const wide = document.createElement('div'); wide.className = 'fo-test-wide';"
        " wide.textContent = 'wide'; wide.style.width = '3000px'; main.append(wide); }"
    )
    assert sized_page.get_by_role("link", name=EXIT_NAME, exact=True).count() == 1
    assert exit_unreachable(sized_page) is None


def test_with_text_twice_as_big_the_page_starts_below_the_exit_bar(browser, app_server):
    """Phones let people make text bigger: the bar grows, and the page moves down with it."""
    context = browser.new_context(
        base_url=app_server.url, viewport={"width": 320, "height": 640}, is_mobile=True, has_touch=True, bypass_csp=True
    )
    page = context.new_page()
    page.goto("/quick-exit/")
    page.add_style_tag(content="html { font-size: 200% !important; }")
    bar = page.locator(".fo-quick-exit")
    header = page.locator(".fo-header")
    expect(header).to_be_visible()
    # Two frames: the bar's ResizeObserver runs after layout.
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert bar.bounding_box()["height"] > 100
    assert header.bounding_box()["y"] >= bar.bounding_box()["height"] - 1
    assert exit_unreachable(page) is None
    assert horizontal_overflow(page) == []
    context.close()
