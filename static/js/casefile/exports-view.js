/**
 * "Print or download": the printable evidence log, chronology and exhibit list, and the ZIP of
 * everything, put together on this device.
 */
import { format, gettext } from "../i18n.js";
import { ApiError } from "./api.js";
import { exhibitsId, saveItem } from "./casefiles.js";
import { caseReference, cleanInitials } from "./chronology.js";
import { initCustody } from "./custody-view.js";
import { fillForm, todayInUk } from "./dom.js";
import { buildReport, buildZip, exhibitInitials, exportFileName, policePack, zipContents } from "./export.js";
import { decrypted, download, forgetObjectUrls, objectUrl } from "./file-viewer.js";
import { FileProblem, readFile } from "./files.js";
import { KIND, ofKind } from "./kinds.js";
import { buildChronology, buildExhibitList } from "./police-pack.js";
import { setPrintMargins } from "./print-pages.js";

/**
 * Each printable document: its generic name (tab, heading, the chain of custody), translated when it is
 * shown, and the neutral name a saved PDF gets, which is not.
 */
const DOCUMENTS = {
  log: { title: () => gettext("Evidence log"), file: "evidence-log" },
  chronology: { title: () => gettext("Chronology"), file: "chronology" },
  exhibits: { title: () => gettext("Exhibit list"), file: "exhibit-list" },
};

/**
 * @param {HTMLElement} root the case-file app
 * @param {object} app see ui.js: caseFile(), collectionId(), showView(name, heading), saved(text, hash), path(...)
 */
export function initExports(root, app) {
  const $ = (selector) => root.querySelector(selector);
  const view = $('[data-view="print"]');
  const custody = initCustody(root, app);

  async function thumbnailsOf(file) {
    const thumbnails = new Map();
    for (const item of ofKind(file.items, KIND.evidence)) {
      for (const meta of (item.files || []).filter((m) => m.type.startsWith("image/"))) {
        try {
          thumbnails.set(meta.id, objectUrl(await readFile(file.id, meta)));
        } catch {
          /* not on this device and offline: listed without a picture */
        }
      }
    }
    return thumbnails;
  }

  let shown = "log";
  let printing = false;

  /** Draw a document into the print view. @param {"log"|"chronology"|"exhibits"} kind */
  async function render(kind) {
    const file = app.caseFile();
    forgetObjectUrls();
    const today = todayInUk();
    const parts = kind === "log" ? buildReport(file, await thumbnailsOf(file), today) : kind === "chronology" ? buildChronology(file, today) : buildExhibitList(file, today);
    $("[data-report]").replaceChildren(...parts);
    view.dataset.title = DOCUMENTS[kind].title();
    view.dataset.printName = DOCUMENTS[kind].file;
    setPrintMargins(DOCUMENTS[kind].title(), caseReference(policePack(file).references));
  }

  async function showPrintView(kind = "log") {
    shown = kind;
    await render(kind);
    app.showView("print", format(gettext("%(document)s: %(title)s"), { document: DOCUMENTS[kind].title(), title: app.caseFile().details.title }));
  }

  // The chain of custody keeps these words as they were shown when the line was made.
  const recordPrint = () => custody.record(DOCUMENTS[shown].title(), gettext("printed or saved as PDF"));

  /** The Print button: the chain of custody gains a line first, so a printed exhibit list shows its own printing. */
  async function printNow() {
    if (!view.hidden) {
      await recordPrint();
      if (shown === "exhibits") await render(shown); // the log's pictures would not load in time, and it shows no custody
    }
    printing = true;
    try {
      window.print();
    } finally {
      printing = false;
    }
  }
  // The browser's own Print (Ctrl+P, the menu) is recorded too.
  window.addEventListener("beforeprint", () => {
    if (!printing && !view.hidden && app.caseFile()) recordPrint();
  });

  /** The guide's escalation steps and the words for each status, as the tracker view shows them. */
  function trackerWords() {
    const ladder = [...root.querySelectorAll('[data-view="escalation"] [data-rung]')].map((rung) => ({ number: rung.dataset.rung, title: rung.querySelector("h2 a").textContent.trim() }));
    const statusLabels = new Map([...($('[data-form="rung"] [name=status]')?.options || [])].map((option) => [option.value, option.textContent.trim()]));
    return { ladder, statusLabels };
  }

  async function exportZip() {
    const file = app.caseFile();
    const status = $("[data-export-status]");
    status.textContent = gettext("Putting the ZIP file together…");
    try {
      const publicKey = await fetch("/.well-known/falseos-receipt-key.json").then((r) => (r.ok ? r.json() : null)).catch(() => null);
      // The ZIP's custody log includes this download; the line is saved once the ZIP is made.
      const line = custody.entry(gettext("ZIP file"), gettext("downloaded"));
      const withLine = { ...file, items: [...file.items, { id: crypto.randomUUID(), ...line }] };
      const contents = await zipContents(withLine, async (meta) => new Uint8Array(await (await decrypted(file.id, meta)).arrayBuffer()), publicKey, trackerWords());
      // A generic name: the browser lists every download, and its history keeps the name.
      download(new Blob([await buildZip(contents)], { type: "application/zip" }), exportFileName(todayInUk(), "zip"));
      await app.save(null, line);
      custody.render();
      status.textContent = gettext("The ZIP file is ready. Check your downloads.");
    } catch (error) {
      if (!(error instanceof FileProblem || error instanceof ApiError)) throw error;
      status.textContent = error.message;
    }
  }

  const handlers = {
    ...custody.handlers,
    "exhibit-initials": async ({ initials }) => {
      const clean = cleanInitials(initials);
      if (initials && clean !== initials.toUpperCase()) return { initials: gettext("Use letters only, up to 4, for example AB.") };
      await saveItem(app.collectionId(), await exhibitsId(app.collectionId()), { kind: KIND.exhibits, initials: clean });
      const message = clean
        ? format(gettext("Saved. Exhibit references now start with %(initials)s, for example %(initials)s/1."), { initials: clean })
        : gettext("Saved. Exhibit references start with EX until you choose initials.");
      await app.saved(message, app.path("exports"));
    },
  };

  return {
    showList: () => {
      $("[data-export-status]").textContent = "";
      fillForm($('[data-form="exhibit-initials"]'), { initials: exhibitInitials(app.caseFile()) });
      custody.render();
      app.showView("exports");
    },
    showPrintView,
    handlers,
    actions: { "export-zip": exportZip, print: printNow },
  };
}
