"""Layout checks any browser test can run on any page: nothing wider than the screen, quick exit in reach.

Both are written for a phone held by someone frightened: a page that scrolls sideways hides
things off to the right, and an exit button that has scrolled away or is covered is no exit.
"""

from playwright.sync_api import Page, expect

EXIT_NAME = "Exit this site"

# Elements inside a box that scrolls or clips sideways (a table wrapper) are that box's business:
# the box itself is still checked.
STICKING_OUT = """
() => {
  const width = document.documentElement.clientWidth;
  const insideClippingBox = (element) => {
    for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
      if (getComputedStyle(parent).overflowX !== "visible") return true;
    }
    return false;
  };
  const describe = (element, box) => {
    const name = element.tagName.toLowerCase() + (element.className ? `.${[...element.classList].join(".")}` : "");
    const text = (element.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 60);
    return `${name} [${Math.round(box.left)}, ${Math.round(box.right)}] ${text}`;
  };
  const out = [];
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if ((box.width === 0 && box.height === 0) || (box.right <= width + 0.5 && box.left >= -0.5)) continue;
    if (getComputedStyle(element).visibility === "hidden" || insideClippingBox(element)) continue;
    out.push(describe(element, box));
  }
  return { scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth, out };
}
"""

# Layout can still settle after load (the bar's height is measured by script), so try a few frames.
TO_THE_FAR_CORNER = """
async () => {
  const root = document.scrollingElement;
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  let atBottom = false;
  for (let tries = 0; tries < 10 && !atBottom; tries += 1) {
    window.scrollTo(root.scrollWidth, root.scrollHeight);
    await frame();
    await frame();
    atBottom = Math.ceil(window.scrollY + root.clientHeight) >= root.scrollHeight - 1;
  }
  return { atBottom, width: root.clientWidth, height: root.clientHeight };
}
"""

HIT = """
(link, [x, y]) => {
  const hit = document.elementFromPoint(x, y);
  return hit === link || link.contains(hit) ? null : (hit ? hit.outerHTML.slice(0, 120) : "nothing");
}
"""


def horizontal_overflow(page: Page) -> list[str]:
    """What is wider than the screen on this page: empty when nothing is."""
    found = page.evaluate(STICKING_OUT)
    problems = list(found["out"])
    if found["scrollWidth"] > found["innerWidth"]:
        problems.insert(0, f"the page is {found['scrollWidth']} px wide on a {found['innerWidth']} px screen")
    return problems


def assert_no_horizontal_overflow(page: Page) -> None:
    problems = horizontal_overflow(page)
    assert problems == [], f"{page.url}: {problems}"


def exit_unreachable(page: Page) -> str | None:
    """After scrolling to the bottom (and as far right as the page goes): why the exit cannot be tapped, or None."""
    where = page.evaluate(TO_THE_FAR_CORNER)
    if not where["atBottom"]:
        return "could not scroll to the bottom"
    link = page.get_by_role("link", name=EXIT_NAME, exact=True)
    expect(link).to_be_visible()
    box = link.bounding_box()
    if box is None:
        return "the exit link has no box"
    inside = box["x"] >= 0 and box["y"] >= 0
    inside = inside and box["x"] + box["width"] <= where["width"] and box["y"] + box["height"] <= where["height"]
    if not inside:
        return f"the exit link is outside the viewport: {box}"
    covered_by = link.evaluate(HIT, [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    return f"the exit link is covered by {covered_by}" if covered_by else None


def assert_exit_reachable(page: Page) -> None:
    problem = exit_unreachable(page)
    assert problem is None, f"{page.url}: {problem}"
