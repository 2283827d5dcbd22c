"""FalseOS benchmarks: ratios measured side by side in one run.

    make bench      (or: .venv/bin/python -m bench)

Runs against a throwaway SQLite database (or BENCH_DATABASE_URL, e.g. an empty PostgreSQL
database: the sync ratios matter most there) and collected static files, with
production settings (DEBUG off, hashed and compressed static files), through
Django's WSGI handler in this process.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROUNDS = 300
WORK = Path(tempfile.mkdtemp(prefix="falseos-bench-"))
os.environ.update(
    {
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "RECEIPT_SIGNING_KEY": "YmVuY2gtb25seS1yZWNlaXB0LWtleS0zMi1ieXRlcyE=",  # 32 bytes, bench only
        "ALLOWED_HOSTS": "testserver,127.0.0.1",
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{WORK / 'bench.sqlite3'}"),
        "SECURE_SSL_REDIRECT": "0",
        "DJANGO_SETTINGS_MODULE": "falseos.settings",
    }
)
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from bench import blobs, evidence, offline_bytes, sync, unlock  # noqa: E402


def timed(client: Client, url: str, **headers) -> float:
    start = time.perf_counter()
    response = client.get(url, **headers)
    elapsed = time.perf_counter() - start
    assert response.status_code in (200, 304), (url, response.status_code)
    return elapsed


def median_pair(client: Client, a: tuple, b: tuple) -> tuple[float, float]:
    """Alternate the two requests so both see the same machine conditions."""
    times_a, times_b = [], []
    for _ in range(ROUNDS):
        times_a.append(timed(client, a[0], **a[1]))
        times_b.append(timed(client, b[0], **b[1]))
    return statistics.median(times_a), statistics.median(times_b)


def main() -> None:
    settings.STATIC_ROOT = WORK / "static"
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)

    client = Client(HTTP_ACCEPT_ENCODING="gzip")
    page_url = "/offences/stalking/"
    page = client.get(page_url)
    raw_page = page.content  # gzip as served
    # A static file of the same size as the served page, served by WhiteNoise.
    (settings.STATIC_ROOT / "bench-same-size.bin").write_bytes(os.urandom(len(raw_page)))
    client = Client(HTTP_ACCEPT_ENCODING="gzip")  # a new handler sees the new file
    static_url = "/static/bench-same-size.bin"
    etag = client.get(page_url)["ETag"]

    for _ in range(20):  # warm up caches and imports
        timed(client, page_url)
        timed(client, static_url)

    page_time, static_time = median_pair(client, (page_url, {}), (static_url, {}))
    not_modified, _ = median_pair(client, (page_url, {"HTTP_IF_NONE_MATCH": etag}), (static_url, {}))

    install = offline_bytes.first_install(client)
    print(f"FalseOS benchmarks ({ROUNDS} rounds each, medians)")
    print(f"  guide page {page_url}: {len(raw_page):,} bytes gzip as served (target <= 30,000)")
    print(f"  first install, everything precached: {install.total:,} bytes gzip as served (target <= 300,000)")
    print(
        f"    {install.pages} pages {install.page_bytes:,} bytes"
        f" + {install.assets} assets {install.asset_bytes:,} bytes"
    )
    print(f"    largest page: {install.largest_page} {install.largest_page_bytes:,} bytes")
    print(f"  guide page vs same-size static file through WhiteNoise: {page_time / static_time:.2f}x (target <= 1.5x)")
    print(f"    guide page {page_time * 1e6:.0f} us, static file {static_time * 1e6:.0f} us")
    print(f"  304 revalidation vs same-size static file: {not_modified / static_time:.2f}x")
    print(f"    304 {not_modified * 1e6:.0f} us")
    print(f"Case-file sync ({connection.vendor})")
    for line in sync.run():
        print(line)
    print("Evidence files")
    for line in blobs.run():
        print(line)
    for line in evidence.run():
        print(line)
    print("Case-file unlock")
    for line in unlock.run():
        print(line)


if __name__ == "__main__":
    main()
