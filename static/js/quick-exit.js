/**
 * Quick exit, after GOV.UK's "Exit this page".
 *
 * The link works without JavaScript. With it, the button or three presses of
 * Shift within 5 seconds blank the page at once, ask the case file to drop its
 * keys, end the server session, leave every other tab of the site too, and
 * replace this page in history so Back does not return here.
 */
import { takeCarried } from "./carry.js";
import { endServerSession } from "./csrf.js";

const SHIFT_PRESSES = 3;
const SHIFT_WINDOW_MS = 5000;

/** Event other components (the case file) listen for to forget their keys. */
export const QUICK_EXIT_EVENT = "falseos:quick-exit";
/** Every open tab of the site hears an exit from any one of them. */
const EXIT_CHANNEL = "falseos-quick-exit";
let channel = null;

/**
 * Leave the site now.
 * @param {string} destination
 * @param {{fromAnotherTab?: boolean}} [options]
 */
export function exitNow(destination, { fromAnotherTab = false } = {}) {
  document.documentElement.classList.add("fo-exiting");
  document.title = "";
  window.dispatchEvent(new CustomEvent(QUICK_EXIT_EVENT));
  takeCarried(); // a finder answer waiting for the case file must not outlive the exit in this tab
  if (!fromAnotherTab) {
    channel?.postMessage("exit");
    endServerSession(); // a case file unlocked in another tab must leave no session behind
  }
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
 * Keep the page's top padding and scroll padding equal to the fixed bar's real height,
 * so nothing (an anchor target, a focused field) is hidden under it when text is zoomed or wraps.
 * @param {HTMLElement} bar
 */
export function trackBarHeight(bar) {
  const root = document.documentElement;
  const update = () => root.style.setProperty("--fo-quick-exit-height", `${bar.offsetHeight}px`);
  update();
  if ("ResizeObserver" in window) new ResizeObserver(update).observe(bar);
}

/**
 * @param {HTMLAnchorElement} link the "Exit this site" link
 */
export function initQuickExit(link) {
  const bar = link.closest("[data-quick-exit-bar]");
  if (bar) trackBarHeight(bar);
  const destination = link.href;
  if ("BroadcastChannel" in window) {
    channel = new BroadcastChannel(EXIT_CHANNEL);
    channel.addEventListener("message", () => exitNow(destination, { fromAnotherTab: true }));
  }
  link.addEventListener("click", (event) => {
    event.preventDefault();
    exitNow(destination);
  });
  document.addEventListener("keydown", shiftCounter(() => exitNow(destination)));
}
