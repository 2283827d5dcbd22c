"""Evidence in real Chromium, against the app on a local port:

- hash + encrypt + upload of a 20 MB file vs uploading the same bytes as they are, through
  the same chunk API, alternating, in one run (the issue's target: <= 2x);
- building the exports for 500 entries and 50 files: the evidence log and the ZIP (with the police
  pack's spreadsheets), then the chronology and the exhibit list: times reported.
"""

import os
import shutil
import statistics
import tempfile

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.test.testcases import LiveServerThread
from django.test.utils import override_settings

from casefile.sync.services import create_collection

ROUNDS = 5
SIZE = 20 * 1000 * 1000

UPLOAD = """
async ({ collectionId, size, encrypt }) => {
  const api = await import("/static/js/casefile/api.js");
  const crypto_ = await import("/static/js/casefile/crypto.js");
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 65536) crypto.getRandomValues(bytes.subarray(i, Math.min(i + 65536, size)));
  const start = performance.now();
  let body = bytes;
  const id = crypto.randomUUID();
  if (encrypt) {
    await crypto_.sha256Hex(bytes);
    body = (await crypto_.encryptFile(bytes, id)).ciphertext;
  }
  await api.post(`collections/${collectionId}/blobs/`, { id, size: body.length });
  for (let offset = 0; offset < body.length; offset += 4 * 1024 * 1024) {
    await api.putBytes(`blobs/${id}/content/?offset=${offset}`, body.slice(offset, offset + 4 * 1024 * 1024));
  }
  return performance.now() - start;
}
"""

EXPORT = """
async () => {
  const exporter = await import("/static/js/casefile/export.js");
  const policePack = await import("/static/js/casefile/police-pack.js");
  const items = [];
  for (let i = 0; i < 500; i++) {
    const date = `2026-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
    const what = "A message that went on for a while, as they often do. ".repeat(4);
    items.push({ id: `d${i}`, kind: "diary", date, time: "12:00", platform: "Instagram", handle: "@someone",
                 what, links: [], reported: false });
  }
  const files = new Map();
  for (let i = 0; i < 50; i++) {
    const bytes = crypto.getRandomValues(new Uint8Array(65536));
    files.set(`f${i}`, bytes);
    const meta = { id: `f${i}`, name: `shot-${i}.png`, type: "image/png", size: bytes.length,
                   sha256: "0".repeat(64), receipt: null };
    items.push({ id: `e${i}`, kind: "evidence", description: `Screenshot ${i}`, captured: "2026-06-01",
                 happened: "", url: "", platform: "X", files: [meta], diaryIds: [`d${i * 10}`, `d${i * 10 + 1}`] });
  }
  const file = { details: { title: "Bench" }, items };
  const start = performance.now();
  exporter.buildReport(file, new Map(), "2026-11-25");
  const contents = await exporter.zipContents(file, async (meta) => files.get(meta.id), null);
  const zip = await exporter.buildZip(contents);
  const logAndZip = performance.now() - start;
  const packStart = performance.now();
  policePack.buildChronology(file, "2026-11-25");
  policePack.buildExhibitList(file, "2026-11-25");
  return [logAndZip, performance.now() - packStart, zip.length];
}
"""


def run() -> list[str]:
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if chromium is None:
        return ["  evidence in Chromium: skipped, Chromium is not installed (apt-get install chromium)"]
    from playwright.sync_api import sync_playwright

    root = tempfile.mkdtemp(prefix="falseos-bench-evidence-")
    blobs = {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": root}}
    with override_settings(STORAGES={**settings.STORAGES, "blobs": blobs}, BLOB_QUOTA_BYTES=10**12):
        user = get_user_model().objects.create_user("bench-evidence")
        collection = create_collection(user=user)
        client = Client()
        client.force_login(user)
        server = LiveServerThread("127.0.0.1", static_handler=lambda app: app)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        try:
            base = f"http://127.0.0.1:{server.port}"
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
                context = browser.new_context(base_url=base)
                context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}])
                page = context.new_page()
                page.goto("/healthz")
                args = {"collectionId": str(collection.id), "size": SIZE}
                sealed, plain = [], []
                for _ in range(ROUNDS):
                    sealed.append(page.evaluate(UPLOAD, args | {"encrypt": True}))
                    plain.append(page.evaluate(UPLOAD, args | {"encrypt": False}))
                export_ms, pack_ms, zip_bytes = page.evaluate(EXPORT)
                browser.close()
        finally:
            server.terminate()
            shutil.rmtree(root, ignore_errors=True)
    sealed_ms, plain_ms = statistics.median(sealed), statistics.median(plain)
    ratio, speed = sealed_ms / plain_ms, SIZE / sealed_ms / 1000
    return [
        f"  20 MB file, hash + encrypt + upload vs plain upload, in Chromium: {ratio:.2f}x (target <= 2x)",
        f"    {sealed_ms:.0f} ms vs {plain_ms:.0f} ms (median of {ROUNDS}); {speed:.0f} MB/s end to end",
        f"  exports for 500 entries + 50 files (print view + ZIP): {export_ms:.0f} ms, ZIP {zip_bytes:,} bytes",
        f"    chronology + exhibit list for the same: {pack_ms:.0f} ms",
    ]
