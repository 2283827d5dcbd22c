"""Bytes an installed app downloads to save the whole guide, gzip as served."""

from dataclasses import dataclass

from django.test import Client


@dataclass
class InstallSize:
    pages: int
    page_bytes: int
    assets: int
    asset_bytes: int
    largest_page: str
    largest_page_bytes: int

    @property
    def total(self) -> int:
        return self.page_bytes + self.asset_bytes


def _served_size(client: Client, url: str) -> int:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    if response.streaming:
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def first_install(client: Client) -> InstallSize:
    manifest = client.get("/offline-manifest.json", HTTP_ACCEPT_ENCODING="identity").json()
    pages = [*manifest["pages"], manifest["offline_url"]]
    page_sizes = {url: _served_size(client, url) for url in pages}
    asset_bytes = sum(_served_size(client, url) for url in manifest["assets"])
    largest = max(page_sizes, key=page_sizes.get)
    return InstallSize(
        pages=len(pages),
        page_bytes=sum(page_sizes.values()),
        assets=len(manifest["assets"]),
        asset_bytes=asset_bytes,
        largest_page=largest,
        largest_page_bytes=page_sizes[largest],
    )
