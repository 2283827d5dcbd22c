/**
 * Show or hide what is typed in a passphrase field, after GOV.UK's password input.
 *
 * The template gives each passphrase field a hidden "Show" button; this reveals it, so without
 * JavaScript nobody meets a button that does nothing. The field goes back to hidden whenever its
 * form is sent or reset (the idle lock resets every form): a passphrase left showing would be on
 * screen for whoever picks the phone up next.
 */

import { gettext } from "./i18n.js";

const TEXT = {
  show: { button: gettext("Show"), label: gettext("Show passphrase"), status: gettext("Your passphrase is hidden") },
  hide: { button: gettext("Hide"), label: gettext("Hide passphrase"), status: gettext("Your passphrase is visible") },
};

/**
 * Start one passphrase field's show/hide button.
 * @param {HTMLElement} element the wrapper holding the input and its [data-passphrase-toggle] button
 */
export function initPassphraseInput(element) {
  const input = element.querySelector("input");
  const toggle = element.querySelector("[data-passphrase-toggle]");
  if (!input || !toggle) return;
  const status = document.createElement("span");
  status.className = "fo-visually-hidden";
  status.setAttribute("aria-live", "polite");
  element.append(status);

  function show(visible, announce = true) {
    if ((input.type === "text") === visible) return;
    input.type = visible ? "text" : "password";
    const text = visible ? TEXT.hide : TEXT.show;
    toggle.textContent = text.button;
    toggle.setAttribute("aria-label", text.label);
    if (announce) status.textContent = text.status;
  }

  toggle.addEventListener("click", () => show(input.type === "password"));
  input.form?.addEventListener("submit", () => show(false, false), { capture: true });
  input.form?.addEventListener("reset", () => {
    show(false, false);
    status.textContent = "";
  });
  // A page brought back from the back-forward cache comes back as it was left.
  window.addEventListener("pageshow", () => show(false, false));
  toggle.hidden = false;
}
