"""Unlock cost in real Chromium: PBKDF2-SHA256 at 600,000 iterations through WebCrypto, then
opening the vault key, as the case file does when someone types their passphrase. Measured
beside the same PBKDF2 in this Python process (OpenSSL), in one run."""

import hashlib
import os
import shutil
import statistics
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROUNDS = 5
STATIC = Path(__file__).resolve().parent.parent / "static"

UNLOCK = """
async (rounds) => {
  const crypto_ = await import("/js/casefile/crypto.js");
  const salt = crypto_.randomBytes(16);
  const first = await crypto_.deriveFromPassphrase("correct horse battery staple", salt, 600000);
  const vault = await crypto_.newVaultKey();
  const wrapped = await crypto_.wrapVaultKey(first.kek, vault.raw);
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    const { kek } = await crypto_.deriveFromPassphrase("correct horse battery staple", salt, 600000);
    await crypto_.unwrapVaultKey(kek, wrapped);
    times.push(performance.now() - start);
  }
  return times;
}
"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def _serve_static() -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(STATIC)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _native_pbkdf2_seconds() -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        hashlib.pbkdf2_hmac("sha256", b"correct horse battery staple", os.urandom(16), 600_000)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run() -> list[str]:
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if chromium is None:
        return ["  unlock: skipped, Chromium is not installed (apt-get install chromium)"]
    from playwright.sync_api import sync_playwright

    server = _serve_static()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_port}/css/falseos.css")  # any page of the origin
            browser_ms = statistics.median(page.evaluate(UNLOCK, ROUNDS))
            browser.close()
        native_ms = _native_pbkdf2_seconds() * 1000
    finally:
        server.shutdown()
    return [
        f"  unlock in Chromium (PBKDF2-SHA256 600,000 + open the vault key): {browser_ms:.0f} ms (median of {ROUNDS})",
        f"    vs the same PBKDF2 in OpenSSL here: {native_ms:.0f} ms, {browser_ms / native_ms:.2f}x",
    ]
