"""Real Chromium through Playwright, against the app on a real local port.

The server is a per-test thread, so a test can stop it to take the app truly
offline: `context.set_offline(True)` does not stop the service worker's own fetches.
"""

import os
import shutil
import threading
import time
from collections import Counter
from collections.abc import Iterator

import pytest
from django.core.signals import request_started
from django.db import connections
from django.test.testcases import LiveServerThread

# Playwright's sync API keeps an event loop in this thread; Django's ORM calls
# from test code are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_FLAGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--no-first-run",
]


def _chromium_path() -> str | None:
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


class AppServer:
    """The app on 127.0.0.1:<free port>, in a thread sharing the test database."""

    def __init__(self):
        self.overrides = {
            conn.alias: conn for conn in connections.all() if conn.vendor == "sqlite" and conn.is_in_memory_db()
        }
        self.thread = self._new_thread(port=0)
        self.requests: Counter[str] = Counter()
        self.request_log: list[str] = []  # every request's path and query string, as the server received them
        self.running = False

    def _new_thread(self, port: int) -> LiveServerThread:
        # Static files go through WhiteNoise as in production, not Django's dev handler.
        thread = LiveServerThread(
            "127.0.0.1", static_handler=lambda app: app, connections_override=self.overrides, port=port
        )
        thread.daemon = True
        return thread

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.thread.port}"

    def _count(self, sender, environ=None, **kwargs) -> None:
        if environ:
            self.requests[environ.get("PATH_INFO", "")] += 1
            self.request_log.append(f"{environ.get('PATH_INFO', '')}?{environ.get('QUERY_STRING', '')}")

    def start(self) -> None:
        for conn in self.thread.connections_override.values():
            conn.inc_thread_sharing()
        request_started.connect(self._count)
        self.thread.start()
        self.thread.is_ready.wait()
        if self.thread.error:
            raise self.thread.error
        self.running = True

    def stop(self) -> None:
        """Stop answering. The shared connection is released later, in `release`."""
        if self.running:
            self.running = False
            self.thread.terminate()
            request_started.disconnect(self._count)

    def restart(self) -> None:
        """Back online: answer again on the same port, so pages keep their origin (and their storage)."""
        self.stop()
        for conn in self.overrides.values():
            conn.dec_thread_sharing()
        self.thread = self._new_thread(port=self.thread.port)
        self.start()

    def release(self) -> None:
        """After the browser has closed: wait for keep-alive handler threads, then un-share the connection."""
        self.stop()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(
            "process_request_thread" in thread.name for thread in threading.enumerate()
        ):
            time.sleep(0.05)
        for conn in self.thread.connections_override.values():
            conn.dec_thread_sharing()


@pytest.fixture
def app_server(chromium, transactional_db, django_db_serialized_rollback) -> Iterator[AppServer]:
    server = AppServer()
    server.start()
    yield server
    server.release()


@pytest.fixture(scope="session")
def chromium(django_db_setup):
    """Playwright's Chromium launcher, pointed at the system browser (no browser download)."""
    from playwright.sync_api import sync_playwright

    path = _chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is not installed: CI must run the browser tests (apt-get install chromium).")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    # Playwright keeps an event loop running in this thread, and from then on asgiref gives
    # Django other connection objects. The test database's serialized contents (for
    # serialized_rollback) were stored on the old ones: carry them across.
    serialized = {
        conn.alias: conn._test_serialized_contents
        for conn in connections.all()
        if hasattr(conn, "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        yield playwright.chromium, {"executable_path": path, "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def browser(chromium):
    launcher, options = chromium
    browser = launcher.launch(**options)
    yield browser
    browser.close()


@pytest.fixture
def profile_context(chromium, app_server, tmp_path):
    """A browser with a real profile on disk, as on a phone: installable, not incognito."""
    launcher, options = chromium
    context = launcher.launch_persistent_context(tmp_path / "profile", base_url=app_server.url, **options)
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def phone_with_profile(chromium, app_server, tmp_path):
    """A phone with a real profile on disk, which can be switched off (closed) and on again."""
    launcher, options = chromium
    contexts = []

    def switch_on():
        context = launcher.launch_persistent_context(tmp_path / "profile", base_url=app_server.url, **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield switch_on
    for context in contexts:
        context.close()


@pytest.fixture
def context(browser, app_server):
    """A fresh browser profile for each test: no cookies, caches or service workers carried over."""
    context = browser.new_context(base_url=app_server.url, locale="en-GB", timezone_id="Europe/London")
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def new_device(browser, app_server):
    """Open another device: a separate browser profile (its own storage and cookies) on the same app.

    Service workers are blocked unless asked for: `set_offline` does not reach requests that pass
    through a service worker, and these devices go offline one at a time while the server stays up.
    """
    contexts = []

    def open_device(service_workers="block", **options):
        context = browser.new_context(
            base_url=app_server.url,
            locale="en-GB",
            timezone_id="Europe/London",
            service_workers=service_workers,
            **options,
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.errors = []
        return page

    yield open_device
    for context in contexts:
        context.close()
