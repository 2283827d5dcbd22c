"""Steps shared by the offline tests: install the app, then take it offline."""

from playwright.sync_api import Page, expect

SAVED = "Saved for offline use"
# page.evaluate, unlike wait_for_function, is not blocked by the app's strict CSP (no eval).
WAIT_FOR_CONTROLLER = """
() => new Promise((resolve) => {
  if (navigator.serviceWorker.controller) return resolve(true);
  navigator.serviceWorker.addEventListener("controllerchange", () => resolve(true));
})
"""

ASK_FOR_UPDATE = """
() => new Promise((resolve) => {
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (event.data.type === "falseos:offline-checked") resolve(event.data.state);
  });
  navigator.serviceWorker.controller.postMessage({ type: "falseos:offline-check" });
})
"""


def install(page: Page) -> dict:
    """Open the guide once online and wait until the service worker has saved it all."""
    page.goto("/")
    assert page.evaluate(WAIT_FOR_CONTROLLER)
    expect(page.get_by_role("status")).to_contain_text(SAVED)
    return page.request.get("/offline-manifest.json").json()


def go_offline(page: Page, app_server) -> None:
    """No signal: the browser is offline and the server is gone too."""
    page.context.set_offline(True)
    app_server.stop()


def check_for_update(page: Page) -> dict | None:
    """Ask the service worker to look for a new content version now; its saved state, or None if that failed."""
    return page.evaluate(ASK_FOR_UPDATE)
