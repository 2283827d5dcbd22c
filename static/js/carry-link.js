/**
 * "Save to my case file" links. Each is a real link to the case file, so without JavaScript it
 * still opens it. With JavaScript, a click first hands the case file what the link is about (the
 * agency whose reference number to save, an offence to note) through this tab's storage, never
 * through the address: history and the server see only "/casefile/".
 */
import { carryToCaseFile } from "./carry.js";

/**
 * What a save link carries, read from its data-carry-* attributes.
 * @param {DOMStringMap} data
 * @returns {{kind: "reference", agency: string} | {kind: "diary", offences: string[], text: string}}
 */
export function carriedBy(data) {
  if (data.carryKind === "reference") return { kind: "reference", agency: data.carryAgency || "" };
  return { kind: "diary", offences: data.carryOffence ? [data.carryOffence] : [], text: data.carryText || "" };
}

/**
 * A click that opens the link in this tab. A new tab or window has its own storage, so carrying
 * for it would only leave the value lying in this one.
 * @param {MouseEvent} event
 */
export function opensHere(event) {
  return event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;
}

/**
 * @param {HTMLAnchorElement} link
 */
export function initCarryLink(link) {
  link.addEventListener("click", (event) => {
    if (opensHere(event)) carryToCaseFile(carriedBy(link.dataset));
  });
}
