/**
 * Starts each component found on the page through its data-module hook.
 * Loaded as an ES module, so it runs after the document is parsed.
 */
import "./invite-address.js"; // first: it takes an invite's secret out of the address before anything else runs
import { initCarryLink } from "./carry-link.js";
import { initFinder } from "./finder.js";
import { initOfflineStatus } from "./offline-status.js";
import { initQuickExit } from "./quick-exit.js";
import { registerServiceWorker } from "./sw-register.js";

const modules = {
  "quick-exit": initQuickExit,
  "offline-status": initOfflineStatus,
  finder: initFinder,
  carry: initCarryLink,
  // Loaded only on the case-file page, so guide pages stay small.
  casefile: (element) => import("./casefile/ui.js").then((module) => module.initCasefile(element)),
};

/**
 * Start every component below a root element.
 * @param {ParentNode} root
 */
export function initAll(root = document) {
  for (const element of root.querySelectorAll("[data-module]")) {
    const init = modules[element.dataset.module];
    if (init) init(element);
  }
}

document.documentElement.classList.replace("fo-no-js", "fo-js");
initAll();
registerServiceWorker();
