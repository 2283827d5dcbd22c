/** "Print or download": the printable evidence log and the ZIP of everything, put together on this device. */
import { ApiError } from "./api.js";
import { todayInUk } from "./dom.js";
import { buildReport, buildZip, zipContents } from "./export.js";
import { decrypted, download, forgetObjectUrls, objectUrl } from "./file-viewer.js";
import { FileProblem, readFile } from "./files.js";
import { KIND, ofKind } from "./kinds.js";

/**
 * @param {HTMLElement} root the case-file app
 * @param {object} app see ui.js: caseFile(), collectionId(), showView(name, heading)
 */
export function initExports(root, app) {
  const $ = (selector) => root.querySelector(selector);

  async function showPrintView() {
    const file = app.caseFile();
    forgetObjectUrls();
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
    $("[data-report]").replaceChildren(...buildReport(file, thumbnails, todayInUk()));
    $("[data-report-title]").textContent = file.details.title;
    app.showView("print", `Evidence log: ${file.details.title}`);
  }

  async function exportZip() {
    const file = app.caseFile();
    const status = $("[data-export-status]");
    status.textContent = "Putting the ZIP file together…";
    try {
      const publicKey = await fetch("/.well-known/falseos-receipt-key.json").then((r) => (r.ok ? r.json() : null)).catch(() => null);
      const contents = await zipContents(file, async (meta) => new Uint8Array(await (await decrypted(file.id, meta)).arrayBuffer()), publicKey);
      // A generic name: the browser lists every download, and its history keeps the name.
      download(new Blob([await buildZip(contents)], { type: "application/zip" }), `Evidence log ${todayInUk()}.zip`);
      status.textContent = "The ZIP file is ready. Check your downloads.";
    } catch (error) {
      if (!(error instanceof FileProblem || error instanceof ApiError)) throw error;
      status.textContent = error.message;
    }
  }

  return {
    showList: () => {
      $("[data-export-status]").textContent = "";
      app.showView("exports");
    },
    showPrintView,
    actions: { "export-zip": exportZip, print: () => window.print() },
  };
}
