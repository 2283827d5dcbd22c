"""The police pack in real Chromium (issue #19): a case file with 12 incidents on 9 days, 5 files,
3 reference numbers and 2 escalation steps becomes a chronology and an exhibit list that print
without the site around them, page numbers in the margins and nothing outside the printable area,
and a ZIP whose every file passes `sha256sum -c`, with spreadsheets Excel opens in UTF-8. Each print
and download adds a line to the chain of custody, which a note can add to but never change."""

import csv
import io
import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.browser.casefile_steps import new_case_file, open_form, open_section, register, wait_until_synced
from tests.browser.layout import assert_no_horizontal_overflow
from tests.browser.test_casefile_evidence import png, sha256

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Kevin from the running club"
# (date, time, platform, what happened, reference it was reported under): in no particular order.
INCIDENTS = [
    ("2026-05-28", "22:10", "Instagram", "Posted my new address under a photo", ""),
    ("2026-03-03", "09:00", "Instagram", "First message calling me a liar", "CAD-1234-03MAR"),
    ("2026-03-03", "21:30", "X", "Reply thread naming my employer", "CAD-1234-03MAR"),
    ("2026-03-05", "", "Instagram", "Fake account using my photos", ""),
    ("2026-03-12", "08:15", "Email", "Email to my manager with lies", "RF-2026-555"),
    ("2026-03-12", "08:45", "Email", "Second email, this time to HR", ""),
    ("2026-03-12", "23:59", "X", "Post saying he knows where I run", ""),
    ("2026-04-01", "", "X", "Screenshot of my timetable shared", ""),
    ("2026-04-02", "12:00", "Instagram", "Comment on my sister's account", ""),
    ("2026-04-20", "", "", "Note left on my car windscreen", ""),
    ("2026-05-01", "07:00", "Instagram", "Story tagging my gym", ""),
    ("2026-05-27", "18:00", "X", "Threat to turn up at the race", "CAD-1234-03MAR"),
]
IN_ORDER = [what for _, _, _, what, _ in sorted(INCIDENTS, key=lambda i: (i[0], i[1] or "00:00"))]
PATTERN = "12 incidents on 9 separate days between 3 March and 28 May 2026."
SITE_CHROME = [
    *["Exit this site", "How quick exit works", "General legal information", "Call 999", "home screen"],
    *["Sync now", "Lock now", "My case file", "Print or save as PDF", "Back to print or download"],
]
MM = 1 / 25.4  # inches


def image(name: str, shade: int) -> dict:
    return {"name": name, "mimeType": "image/png", "buffer": png(8 + shade, 8)}


FILES = [image(f"screenshot-{n}.png", n) for n in range(1, 6)]


def add_incident(page: Page, date: str, time: str, platform: str, what: str, reference: str) -> None:
    open_form(page, "Incident diary", "Add a diary entry")
    page.get_by_label("Date", exact=True).fill(date)
    page.get_by_label("Time (optional)").fill(time)
    page.get_by_label("Platform or channel").fill(platform)
    page.get_by_label("What happened").fill(what)
    if reference:
        page.get_by_label("Yes, I reported it").check()
        page.get_by_label("Reference number it was reported under (optional)").fill(reference)
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Incident diary")


def add_exhibits(page: Page, description: str, files: list[dict], captured: str, incidents: list[str]) -> None:
    open_form(page, "Evidence", "Add evidence")
    page.get_by_label("What it shows").fill(description)
    page.get_by_label("Files", exact=True).set_input_files(files)
    page.get_by_label("Date you captured it").fill(captured)
    for what in incidents:
        page.get_by_label(what).check()
    page.get_by_role("button", name="Save evidence").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Evidence")


def add_reference(page: Page, agency: str, number: str, date: str, name: str = "") -> None:
    open_form(page, "Reference numbers", "Add a reference number")
    page.get_by_label("Who did you report to?").select_option(label=agency)
    if name:
        page.get_by_label("Name of the platform or organisation").fill(name)
    page.get_by_label("Reference number", exact=True).fill(number)
    page.get_by_label("Date you reported").fill(date)
    page.get_by_role("button", name="Save reference number").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reference numbers")


def update_step(page: Page, number: int, status: str, date: str) -> None:
    if not page.get_by_role("link", name=f"Update step {number}").is_visible():
        open_section(page, "Escalation tracker")
    page.get_by_role("link", name=f"Update step {number}").click()
    page.get_by_label(f"Step {number} status").select_option(label=status)
    page.get_by_label(f"Step {number} date").fill(date)
    page.get_by_role("button", name=f"Save step {number}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Escalation tracker")


@pytest.fixture
def case_file(new_device) -> Page:
    page = new_device()
    register(page, "pack")
    new_case_file(page, TITLE)
    for incident in INCIDENTS:
        add_incident(page, *incident)
    first, fake, manager, hr, race = [
        "First message calling me a liar",
        "Fake account using my photos",
        "Email to my manager with lies",
        "Second email, this time to HR",
        "Threat to turn up at the race",
    ]
    add_exhibits(page, "Instagram messages", FILES[:2], "2026-03-04", [first, fake])
    add_exhibits(page, "The emails to work", FILES[2:4], "2026-03-13", [manager, hr])
    add_exhibits(page, "The threat about the race", FILES[4:], "2026-05-27", [race, first])
    add_reference(page, "101 non-emergency police phone line", "CAD-1234-03MAR", "2026-03-04")
    add_reference(page, "Report Harmful Content", "RHC-88", "2026-03-20")
    add_reference(page, "Someone else (type the name)", "RF-2026-555", "2026-03-13", name="Report Fraud")
    update_step(page, 1, "Done", "2026-03-04")
    update_step(page, 2, "Waiting", "2026-04-10")
    wait_until_synced(page)  # the files' timestamp receipts come with the upload
    return page


def shots_dir(tmp_path: Path) -> Path:
    """Where the screenshots go: FALSEOS_SHOTS to keep them and look at them, else the test's own folder."""
    folder = Path(os.environ.get("FALSEOS_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def print_view(page: Page, link: str, heading: str) -> None:
    open_section(page, "Print or download")
    page.get_by_role("link", name=link).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{heading}: {TITLE}")


def pdf_text(pdf: bytes) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, [page.extract_text() for page in reader.pages]


def assert_printed_cleanly(pdf: bytes, folder: Path, name: str) -> list[str]:
    """No site chrome, page numbers in the margin, and nothing drawn outside the printable area."""
    reader, pages = pdf_text(pdf)
    text = "\n".join(pages)
    for chrome in SITE_CHROME:
        assert chrome not in text, chrome
    assert TITLE not in (reader.metadata.title or "")
    for number, page_text in enumerate(pages, 1):
        assert f"Page {number} of {len(pages)}" in page_text
        assert "Case reference CAD-1234-03MAR" in page_text
    (folder / f"{name}.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-gray", "-r", "60", str(folder / f"{name}.pdf"), str(folder / name)], check=True)
    rendered = sorted(folder.glob(f"{name}-*.pgm"))
    assert len(rendered) == len(pages)
    for path in rendered:
        assert_ink_only_where_printable(path, 60)
    return pages


def read_pgm(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    _, width, height, depth, pixels = re.match(rb"(P5)\s+(\d+)\s+(\d+)\s+(\d+)\s(.*)", data, re.S).groups()
    assert depth == b"255"
    return int(width), int(height), pixels


def assert_ink_only_where_printable(path: Path, dpi: int) -> None:
    """The page is 20 mm top and bottom, 15 mm each side (falseos.css). Outside the content box,
    only the margin boxes' line of text, set in the middle of the top and bottom margins: the side
    margins are blank, and so is a band of the top and bottom margins next to the content."""
    width, height, pixels = read_pgm(path)
    px = lambda mm: round(mm * MM * dpi)  # noqa: E731
    inked = lambda x, y: pixels[y * width + x] < 200  # noqa: E731
    side, gap = px(15) - 1, px(3)
    for y in range(height):
        assert not any(inked(x, y) for x in range(side)), f"{path.name}: ink in the left margin, row {y}"
        assert not any(inked(x, y) for x in range(width - side, width)), f"{path.name}: ink right of the page, row {y}"
    top, bottom = px(20), height - px(20)
    edges = [*range(px(3)), *range(height - px(3), height)]
    for y in [*range(top - gap, top - 1), *range(bottom + 1, bottom + gap), *edges]:
        assert not any(inked(x, y) for x in range(width)), f"{path.name}: margin text too near the content, row {y}"


def on_a_phone(page: Page, folder: Path, name: str, heading: str) -> None:
    """At 390x844 nothing sticks out sideways; screenshots of the top and of `heading` onwards, to look at."""
    page.set_viewport_size({"width": 390, "height": 844})
    assert_no_horizontal_overflow(page)
    page.screenshot(path=folder / f"{name}-390-top.png")
    page.get_by_role("heading", name=heading).scroll_into_view_if_needed()
    page.screenshot(path=folder / f"{name}-390-more.png")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_the_police_pack_chronology_exhibit_list_and_zip(case_file, tmp_path):
    page = case_file
    folder = shots_dir(tmp_path)
    open_section(page, "Print or download")
    page.get_by_label("Initials for exhibit references (optional)").fill("ab")
    page.get_by_role("button", name="Save initials").click()
    expect(page.get_by_text("Exhibit references now start with AB, for example AB/1.")).to_be_visible()

    # The chronology: the pattern first, then every incident in time order with its exhibits and references.
    print_view(page, "Print the chronology", "Chronology")
    assert TITLE not in page.title()
    expect(page.locator("[data-pattern-line]")).to_have_text(PATTERN)
    expect(page.get_by_role("img", name="Incidents per week")).to_be_visible()
    weeks = page.get_by_role("table", name="Incidents per week (the same numbers as the chart)")
    expect(weeks.get_by_role("row")).to_have_count(14)  # the header, then 13 weeks: W10 to W22
    platforms = page.get_by_role("table", name="Incidents per platform (the same numbers as the chart)")
    expect(platforms.get_by_role("row").nth(1)).to_have_text("Instagram5")
    incidents = page.locator("[data-incident]")
    expect(incidents).to_have_count(12)
    for number, what in enumerate(IN_ORDER, 1):
        expect(incidents.nth(number - 1)).to_contain_text(f"Incident {number}:")
        expect(incidents.nth(number - 1)).to_contain_text(what)
    first = incidents.filter(has_text="First message calling me a liar")
    expect(first).to_contain_text("Exhibits" + "AB/1, AB/2, AB/5")
    expect(first).to_contain_text("CAD-1234-03MAR (101 non-emergency police phone line)")

    # While printing, the tab (and so the PDF's suggested name) says only what the document is.
    # The browser's own Print (as from Ctrl+P) and the page's Print button each add one line to the custody log.
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert re.fullmatch(r"falseos-chronology-\d{4}-\d{2}-\d{2}", page.title())
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert TITLE not in page.title()
    page.get_by_role("button", name="Print or save as PDF").click()

    pages = assert_printed_cleanly(page.pdf(format="A4"), folder, "chronology-a4")
    text = "\n".join(pages)
    assert PATTERN in " ".join(text.split())
    positions = [text.index(what) for what in IN_ORDER]
    assert positions == sorted(positions)
    letter = assert_printed_cleanly(page.pdf(format="Letter"), folder, "chronology-letter")
    print(f"chronology: {len(pages)} A4 pages, {len(letter)} Letter pages")

    on_a_phone(page, folder, "chronology", "Incidents, in time order")

    # The exhibit list: each file's reference, fingerprint, receipt and the incidents it supports.
    print_view(page, "Print the exhibit list", "Exhibit list")
    exhibits = page.locator("[data-exhibit]")
    expect(exhibits).to_have_count(5)
    expect(exhibits.first).to_contain_text("AB/1: screenshot-1.png")
    expect(exhibits.first).to_contain_text(sha256(FILES[0]["buffer"]))
    expect(exhibits.first).to_contain_text("Incident 1 (3 March 2026), Incident 3 (5 March 2026)")
    expect(exhibits.nth(4)).to_contain_text("Incident 1 (3 March 2026), Incident 11 (27 May 2026)")
    expect(exhibits.get_by_text("Receipt signature (Ed25519)")).to_have_count(5)
    page.get_by_role("button", name="Print or save as PDF").click()
    # The chronology was printed four times: Ctrl+P, the button, and two PDFs (page.pdf is Chromium's own print).
    # The list is drawn again once its own printing is recorded, so it shows it.
    custody = exhibits.first.locator("[data-custody]")
    expect(custody).to_have_count(5)
    for line in range(4):
        expect(custody.nth(line)).to_contain_text("Chronology, printed or saved as PDF")
    expect(custody.nth(4)).to_contain_text("Exhibit list, printed or saved as PDF")
    pages = assert_printed_cleanly(page.pdf(format="A4"), folder, "exhibits-a4")
    flat = "".join("".join(pages).split())
    assert all(sha256(each["buffer"]) in flat for each in FILES)
    print(f"exhibit list: {len(pages)} A4 pages")
    on_a_phone(page, folder, "exhibits", "AB/2: screenshot-2.png")

    # The ZIP: a neutral name, every file in hashes.sha256, the spreadsheets with a byte-order mark.
    open_section(page, "Print or download")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download everything as a ZIP file").click()
    assert re.fullmatch(r"falseos-export-\d{4}-\d{2}-\d{2}\.zip", download.value.suggested_filename)
    log = page.get_by_role("list", name="Chain of custody").locator("[data-custody]")
    expect(log).to_have_count(7)  # and the exhibit list's PDF
    expect(log.last).to_contain_text("ZIP file, downloaded (AB/1, AB/2, AB/3, AB/4, AB/5)")
    page.get_by_label("Which line is the note about?").select_option(index=7)
    page.get_by_label("Note", exact=True).fill("Given to PC 1234 at Kent Police on a USB stick")
    page.get_by_role("button", name="Add the note").click()
    expect(page.get_by_text("The note was added to the chain of custody.")).to_be_visible()
    expect(log).to_have_count(7)  # a note adds to a line, it never replaces one
    expect(log.last).to_contain_text("Note added")
    expect(log.last).to_contain_text("Given to PC 1234 at Kent Police on a USB stick")
    on_a_phone(page, folder, "exports", "Chain of custody")
    unzipped = tmp_path / "zip"
    with zipfile.ZipFile(io.BytesIO(download.value.path().read_bytes())) as bundle:
        bundle.extractall(unzipped)
        names = set(bundle.namelist())
    check = subprocess.run(["sha256sum", "-c", "hashes.sha256"], cwd=unzipped, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert {line.rsplit(": ", 1)[0] for line in check.stdout.splitlines()} == names - {"hashes.sha256"}
    spreadsheets = ["chronology.csv", "exhibits.csv", "reference-numbers.csv", "escalation.csv", "custody-log.csv"]
    for name in spreadsheets:
        assert (unzipped / name).read_bytes().startswith(b"\xef\xbb\xbf"), name
    rows = lambda name: list(csv.reader(io.StringIO((unzipped / name).read_text("utf-8-sig"))))  # noqa: E731
    chronology = rows("chronology.csv")
    column = {name: n for n, name in enumerate(chronology[0])}
    assert [row[column["what happened"]] for row in chronology[1:]] == IN_ORDER
    assert chronology[1][column["exhibits"]] == "AB/1 AB/2 AB/5"
    assert [row[0] for row in rows("exhibits.csv")[1:]] == ["AB/1", "AB/2", "AB/3", "AB/4", "AB/5"]
    assert {row[1] for row in rows("reference-numbers.csv")[1:]} == {"CAD-1234-03MAR", "RHC-88", "RF-2026-555"}
    steps = rows("escalation.csv")[1:]
    assert [row[2] for row in steps[:2]] == ["Done", "Waiting"] and all(row[2] == "Not started" for row in steps[2:])
    custody = rows("custody-log.csv")[1:]
    assert [row[1] for row in custody] == ["Chronology"] * 4 + ["Exhibit list"] * 2 + ["ZIP file"]  # the ZIP's own
    assert custody[-1][3] == "AB/1 AB/2 AB/3 AB/4 AB/5"
    assert page.errors == []
