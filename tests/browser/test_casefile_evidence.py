"""Evidence in real Chromium: files hashed and encrypted on the device, uploaded (resuming after
a dropped connection), opened byte-identical on another device, and exported."""

import hashlib
import io
import json
import os
import struct
import subprocess
import zipfile
import zlib

import pytest
from playwright.sync_api import expect

from casefile.evidence.receipts import verify_receipt
from casefile.models import Blob
from tests.browser.casefile_steps import (
    add_diary_entry,
    add_evidence,
    evidence_items,
    new_case_file,
    open_case_file,
    open_form,
    open_section,
    register,
    save_copy,
    sync_state,
    to_case_files,
    unlock,
    wait_until_synced,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

MARKER = b"PLAINTEXT-MARKER-IN-THE-PNG-0451"


def png(width: int = 8, height: int = 8) -> bytes:
    """A real PNG, with a text chunk carrying a marker that must never reach the server."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes([200, 30, 30]) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"tEXt", b"Comment\x00" + MARKER)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def wav(seconds: float = 0.5) -> bytes:
    samples = os.urandom(int(8000 * seconds)) + MARKER
    fmt = struct.pack("<IHHIIHH", 16, 1, 1, 8000, 8000, 1, 8)
    header = b"RIFF" + struct.pack("<I", 36 + len(samples)) + b"WAVEfmt " + fmt
    return header + b"data" + struct.pack("<I", len(samples)) + samples


PHOTO = {"name": "threat.png", "mimeType": "image/png", "buffer": png()}
CALL = {"name": "voicemail.wav", "mimeType": "audio/wav", "buffer": wav()}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stored_blob_bytes(root) -> list[bytes]:
    return [path.read_bytes() for path in root.rglob("*") if path.is_file()]


@pytest.fixture
def phone(new_device):
    page = new_device()
    register(page, "evi")
    new_case_file(page, "Threats from K")
    return page


def test_files_added_offline_upload_later_and_open_byte_identical_on_another_device(phone, new_device, blob_root):
    phone.context.set_offline(True)
    add_evidence(phone, "Photo of the threat and the voicemail", [PHOTO, CALL])
    item = evidence_items(phone).first
    expect(item).to_contain_text(f"Fingerprint (SHA-256): {sha256(PHOTO['buffer'])}")
    expect(item).to_contain_text(f"Fingerprint (SHA-256): {sha256(CALL['buffer'])}")
    expect(item).to_contain_text("Waiting to upload (kept on this device)")
    expect(item).to_contain_text("Timestamp receipt: will be requested when this device is online")

    phone.context.set_offline(False)
    wait_until_synced(phone)
    expect(item.get_by_text("Uploaded (encrypted)")).to_have_count(2)
    expect(item.get_by_text("Timestamp receipt: ")).to_have_count(2)
    expect(item).not_to_contain_text("will be requested")

    blobs = stored_blob_bytes(blob_root)
    assert blobs and not any(MARKER in blob for blob in blobs)
    assert not any(PHOTO["buffer"] in blob or CALL["buffer"] in blob for blob in blobs)

    laptop = new_device()
    unlock(laptop, "evi")
    open_case_file(laptop, "Threats from K")
    open_section(laptop, "Evidence")
    assert sha256(save_copy(laptop, "threat.png")) == sha256(PHOTO["buffer"])
    assert sha256(save_copy(laptop, "voicemail.wav")) == sha256(CALL["buffer"])
    laptop.get_by_role("button", name="Show threat.png").click()
    expect(laptop.get_by_role("img", name="threat.png")).to_be_visible()
    assert phone.errors == laptop.errors == []


def test_an_interrupted_upload_resumes_where_it_stopped(phone, settings):
    big = {"name": "recording.mp4", "mimeType": "video/mp4", "buffer": os.urandom(9 * 1024 * 1024)}
    dropped = []

    def drop_the_second_chunk(route):
        if "offset=" in route.request.url and not route.request.url.endswith("offset=0") and not dropped:
            dropped.append(route.request.url)
            return route.abort("connectionreset")
        return route.continue_()

    phone.route("**/api/v1/blobs/*/content/?offset=*", drop_the_second_chunk)
    add_evidence(phone, "Screen recording of the live stream", [big])
    wait_until_synced(phone)
    assert len(dropped) == 1
    expect(evidence_items(phone).first).to_contain_text("Uploaded (encrypted)")
    assert sha256(save_copy(phone, "recording.mp4")) == sha256(big["buffer"])


def test_the_zip_export_verifies_with_sha256sum(phone, tmp_path):
    add_diary_entry(phone, "2026-11-19", "He posted my address")
    add_evidence(phone, "Screenshot of the post", [PHOTO], url="https://example.org/post/1")
    add_evidence(phone, "The voicemail", [CALL], captured="2026-11-21")
    wait_until_synced(phone)
    open_section(phone, "Print or download")
    with phone.expect_download() as download:
        phone.get_by_role("button", name="Download everything as a ZIP file").click()
    with zipfile.ZipFile(io.BytesIO(download.value.path().read_bytes())) as bundle:
        bundle.extractall(tmp_path)
        names = set(bundle.namelist())
    assert {"evidence.csv", "hashes.sha256", "receipts.json", "HOW-TO-VERIFY.txt"} <= names
    check = subprocess.run(["sha256sum", "-c", "hashes.sha256"], cwd=tmp_path, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    checked = {line.removesuffix(": OK") for line in check.stdout.splitlines()}
    assert checked == names - {"hashes.sha256"}  # every file, the two evidence files among them
    assert {"files/001-threat.png", "files/002-voicemail.wav"} <= checked
    csv = (tmp_path / "evidence.csv").read_text()
    assert csv.index("He posted my address") < csv.index("Screenshot of the post") < csv.index("The voicemail")

    key = json.loads((tmp_path / "receipt-public-key.json").read_text())["public_key"]
    receipts = json.loads((tmp_path / "receipts.json").read_text())
    assert [receipt["sha256"] for receipt in receipts] == [sha256(PHOTO["buffer"]), sha256(CALL["buffer"])]
    assert all(verify_receipt(receipt, key) for receipt in receipts)
    tampered = receipts[0] | {"time": receipts[0]["time"].replace(":", "-", 1)}
    assert not verify_receipt(tampered, key)


def test_deleting_evidence_moves_its_files_to_recently_deleted_on_the_server_after_sync(phone, blob_root):
    add_evidence(phone, "Posted by mistake", [PHOTO])
    wait_until_synced(phone)
    assert Blob.objects.count() == 1 and stored_blob_bytes(blob_root)
    phone.on("dialog", lambda dialog: dialog.accept())
    evidence_items(phone).first.get_by_role("button", name="Delete").click()
    expect(evidence_items(phone)).to_have_count(0)
    wait_until_synced(phone)
    assert Blob.objects.filter(deleted_at__isnull=False).count() == 1  # kept for DELETED_KEEP_DAYS, then purged


def test_an_oversized_file_is_refused_on_the_device_with_a_clear_message(phone):
    phone.locator("[data-module=casefile]").evaluate("root => { root.dataset.fileMaxBytes = '1000'; }")
    open_form(phone, "Evidence", "Add evidence")
    phone.get_by_label("What it shows").fill("Too big")
    phone.get_by_label("Files", exact=True).set_input_files([CALL])
    phone.get_by_role("button", name="Save evidence").click()
    expect(phone.get_by_text("“voicemail.wav” is too big").first).to_be_visible()
    phone.get_by_role("link", name="Back to the evidence").click()
    expect(evidence_items(phone)).to_have_count(0)


def test_a_full_storage_quota_is_explained(phone, settings):
    settings.BLOB_QUOTA_BYTES = 1000
    add_evidence(phone, "Over the quota", [CALL])
    expect(sync_state(phone)).to_contain_text("Your storage is full", timeout=20_000)
    expect(evidence_items(phone).first).to_contain_text("Waiting to upload (kept on this device)")


def test_the_printed_log_lists_incidents_in_order_with_hashes_and_references(phone):
    from pypdf import PdfReader

    add_diary_entry(phone, "2026-11-05", "Second incident: the fake profile")
    add_diary_entry(phone, "2026-11-01", "First incident: the first message")
    add_evidence(phone, "Screenshot between the two", [PHOTO], captured="2026-11-03")
    open_form(phone, "Reference numbers", "Add a reference number")
    phone.get_by_label("Who did you report to?").select_option(label="101 non-emergency police phone line")
    phone.get_by_label("Reference number", exact=True).fill("CAD-777-2026")
    phone.get_by_role("button", name="Save reference number").click()
    wait_until_synced(phone)

    open_section(phone, "Print or download")
    phone.get_by_role("link", name="Print the evidence log").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Evidence log: Threats from K")
    expect(phone.get_by_role("img", name="Image: threat.png")).to_be_visible()
    reader = PdfReader(io.BytesIO(phone.pdf(format="A4")))
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = "".join(text.split())
    assert text.index("First incident") < text.index("Screenshot between the two") < text.index("Second incident")
    assert sha256(PHOTO["buffer"]) in flat
    assert "CAD-777-2026" in text
    assert "Threats from K" in text
    assert "Page 1 of" in text


def test_a_backup_restores_every_record_and_file_into_a_new_account(phone, new_device):
    add_diary_entry(phone, "2026-11-02", "Diary entry to carry over")
    add_evidence(phone, "Evidence to carry over", [PHOTO, CALL])
    open_section(phone, "Escalation tracker")
    phone.get_by_role("link", name="Update step 2").click()
    phone.get_by_label("Step 2 outcome").fill("Specialist unit took it on")
    phone.get_by_role("button", name="Save step 2").click()
    wait_until_synced(phone)
    to_case_files(phone)
    phone.get_by_role("link", name="Account and security settings").click()
    phone.get_by_label("Passphrase for the backup file").fill("backup passphrase for the usb stick")
    with phone.expect_download() as download:
        phone.get_by_role("button", name="Download an encrypted backup").click()
    backup = download.value.path().read_bytes()
    assert download.value.suggested_filename.endswith(".falseos-backup")
    assert MARKER not in backup and b"Diary entry to carry over" not in backup

    fresh = new_device()
    register(fresh, "restored")
    fresh.get_by_role("link", name="Account and security settings").click()
    backup_file = {"name": "backup.falseos-backup", "mimeType": "application/octet-stream", "buffer": backup}
    fresh.get_by_label("Backup file", exact=True).set_input_files([backup_file])
    fresh.get_by_label("The backup file's passphrase").fill("not the right one at all")
    fresh.get_by_role("button", name="Restore").click()
    expect(fresh.get_by_text("That passphrase does not open this backup").first).to_be_visible()
    fresh.get_by_label("Backup file", exact=True).set_input_files([backup_file])
    fresh.get_by_label("The backup file's passphrase").fill("backup passphrase for the usb stick")
    fresh.get_by_role("button", name="Restore").click()
    expect(fresh.get_by_text("Restored 1 case file.").first).to_be_visible()

    to_case_files(fresh)
    open_case_file(fresh, "Threats from K")
    open_section(fresh, "Incident diary")
    expect(fresh.get_by_role("list", name="Diary entries, oldest first")).to_contain_text("Diary entry to carry over")
    open_section(fresh, "Escalation tracker")
    fresh.get_by_role("link", name="Update step 2").click()
    expect(fresh.get_by_label("Step 2 outcome")).to_have_value("Specialist unit took it on")
    open_section(fresh, "Evidence")
    item = evidence_items(fresh).first
    expect(item).to_contain_text(sha256(PHOTO["buffer"]))
    expect(item.get_by_text("Timestamp receipt: ")).to_have_count(2)
    assert sha256(save_copy(fresh, "threat.png")) == sha256(PHOTO["buffer"])
    assert sha256(save_copy(fresh, "voicemail.wav")) == sha256(CALL["buffer"])
    wait_until_synced(fresh)
    assert fresh.errors == []
