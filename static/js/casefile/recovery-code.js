/**
 * The recovery code on screen: shown in groups, and copied, downloaded or printed by the person.
 *
 * The code lives only in the page (the view's [data-recovery-code] element) until the person moves
 * on or the case file locks, which empties that element; this module keeps no copy of its own.
 */
import { h } from "./dom.js";
import { format, gettext } from "../i18n.js";

const GROUP = "fo-recovery-code__group";
/** Generic on purpose: the browser's list of downloads is there for whoever holds the phone. */
export const DOWNLOAD_NAME = "recovery-code.txt";

const codeIn = (view) => [...view.querySelectorAll(`.${GROUP}`)].map((group) => group.textContent).join("-");

/**
 * Put a new code on the recovery-code view, one unbreakable group of characters at a time.
 * @param {HTMLElement} view the [data-view="recovery-code"] section
 * @param {string} code as crypto.js newRecoveryCode() makes it: "ABCD-EFGH-…"
 * @param {{replaced?: boolean}} [options] replaced: it replaces an older code, which has stopped working
 */
export function showRecoveryCode(view, code, { replaced = false } = {}) {
  const groups = code.split("-").flatMap((group, index) => [index ? " " : "", h("span", { class: GROUP, text: group })]);
  view.querySelector("[data-recovery-code]").replaceChildren(...groups);
  view.querySelector("[data-recovery-code-replaced]").hidden = !replaced;
  view.querySelector("[data-recovery-code-status]").textContent = "";
  view.querySelector("form")?.reset();
}

function selectCode(view) {
  const range = document.createRange();
  range.selectNodeContents(view.querySelector("[data-recovery-code]"));
  window.getSelection()?.removeAllRanges();
  window.getSelection()?.addRange(range);
}

async function copy(view, say) {
  try {
    await navigator.clipboard.writeText(codeIn(view));
    say(gettext("Copied. Paste it somewhere only you can get to."));
  } catch {
    selectCode(view);
    say(gettext("This browser did not let us copy it. The code is selected: copy it from your browser’s menu."));
  }
}

function download(view, say) {
  const text = [
    gettext("Recovery code"),
    "",
    codeIn(view),
    "",
    gettext("If you forget your passphrase, this code lets you choose a new one and open your case file again."),
    gettext("Keep it somewhere only you can get to. Anyone with this code and your name can open your case file."),
    "",
  ].join("\r\n");
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
  const link = h("a", { href: url, download: DOWNLOAD_NAME, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  say(format(gettext("Downloaded as “%(name)s”. Move it somewhere safe, then delete it from your downloads."), { name: DOWNLOAD_NAME }));
}

/**
 * Start the Copy, Download and Print buttons of the recovery-code view.
 * @param {HTMLElement} view the [data-view="recovery-code"] section
 */
export function initRecoveryCode(view) {
  const status = view.querySelector("[data-recovery-code-status]");
  const say = (text) => {
    status.textContent = text;
  };
  const actions = {
    copy: () => copy(view, say),
    download: () => download(view, say),
    print: () => window.print(),
  };
  for (const button of view.querySelectorAll("[data-recovery-code-action]")) {
    button.addEventListener("click", () => actions[button.dataset.recoveryCodeAction]());
    button.hidden = false;
  }
}
