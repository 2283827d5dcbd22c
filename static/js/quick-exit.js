/**
 * Quick exit, after GOV.UK's "Exit this page".
 *
 * The link works without JavaScript. With it, the button or three presses of
 * Shift within 5 seconds blank the page at once, ask the case file to drop its
 * keys, and replace this page in history so Back does not return here.
 */

const SHIFT_PRESSES = 3;
const SHIFT_WINDOW_MS = 5000;

/** Event other components (the case file) listen for to forget their keys. */
export const QUICK_EXIT_EVENT = "falseos:quick-exit";

/**
 * Leave the site now.
 * @param {string} destination
 */
export function exitNow(destination) {
  document.documentElement.classList.add("fo-exiting");
  document.title = "";
  window.dispatchEvent(new CustomEvent(QUICK_EXIT_EVENT));
  window.location.replace(destination);
}

/**
 * Counts Shift presses; calls onTrigger when enough fall within the window.
 * @param {() => void} onTrigger
 * @param {() => number} now
 * @returns {(event: KeyboardEvent) => void}
 */
export function shiftCounter(onTrigger, now = () => Date.now()) {
  let presses = [];
  return (event) => {
    if (event.key !== "Shift" || event.repeat) return;
    const time = now();
    presses = presses.filter((at) => time - at < SHIFT_WINDOW_MS);
    presses.push(time);
    if (presses.length >= SHIFT_PRESSES) {
      presses = [];
      onTrigger();
    }
  };
}

/**
 * @param {HTMLAnchorElement} link the "Exit this site" link
 */
export function initQuickExit(link) {
  const destination = link.href;
  link.addEventListener("click", (event) => {
    event.preventDefault();
    exitNow(destination);
  });
  document.addEventListener("keydown", shiftCounter(() => exitNow(destination)));
}
