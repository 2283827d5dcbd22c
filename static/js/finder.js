/**
 * The offence finder, on the device. The page carries every possible answer;
 * this shows the parts that fit the ticked situations and writes the words to
 * say. Nothing about the user's situation is sent anywhere.
 * The text mirrors what_to_say() in guide/finder.py, for readers without JavaScript.
 */

import { opensHere } from "./carry-link.js";
import { carryToCaseFile } from "./carry.js";
import { gettext } from "./i18n.js";

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/**
 * "a, b and c"
 * @param {string[]} items
 * @param {string} and
 */
export function joinList(items, and) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;
}

/**
 * @param {{reportAs: string[], whatHappened: string, started: string, oftenPhrase: string}} answers
 * @param {DOMStringMap} text the form's data-text-* sentences
 */
export function whatToSay({ reportAs, whatHappened, started, oftenPhrase }, text) {
  const parts = [
    reportAs.length ? text.textReport.replace("{offences}", joinList(reportAs, text.textAnd)) : text.textReportGeneral,
  ];
  if (whatHappened.trim()) parts.push(whatHappened.trim());
  if (started) parts.push(text.textStarted.replace("{date}", dateFormat.format(new Date(`${started}T00:00:00Z`))));
  if (oftenPhrase) parts.push(oftenPhrase);
  parts.push(text.textAsk);
  return parts.join(" ");
}

const shownFor = (element, chosen) => element.dataset.situations.split(" ").some((slug) => chosen.has(slug));

/**
 * @param {HTMLFormElement} form
 */
export function initFinder(form) {
  const result = document.querySelector("[data-finder-result]");
  const error = document.querySelector("[data-finder-error]");
  const output = result.querySelector("[data-finder-text]");
  const copy = result.querySelector("[data-finder-copy]");
  const copied = result.querySelector("[data-finder-copied]");
  const save = result.querySelector("[data-finder-save]");
  const shownOffences = () => result.querySelectorAll("[data-finder-group='offences'] [data-finder-item]:not([hidden])");

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = new Set(new FormData(form).getAll("situations"));
    if (chosen.size === 0) {
      result.hidden = true;
      error.hidden = false;
      error.focus();
      return;
    }
    error.hidden = true;
    const country = form.elements.country.value;

    for (const item of result.querySelectorAll("[data-finder-item]")) {
      const countryMatches = !item.dataset.country || !country || item.dataset.country === country;
      item.hidden = !(shownFor(item, chosen) && countryMatches);
    }
    for (const reason of result.querySelectorAll("[data-situation]")) {
      reason.hidden = !chosen.has(reason.dataset.situation);
    }
    for (const group of result.querySelectorAll("[data-finder-group]")) {
      group.hidden = !group.querySelector("[data-finder-item]:not([hidden])");
    }
    const urgentChosen = [...form.querySelectorAll("input[data-urgent='true']")].some((input) => input.checked);
    result.querySelector("[data-finder-urgent]").hidden = !urgentChosen;

    const offences = shownOffences();
    output.value = whatToSay(
      {
        reportAs: [...offences].map((offence) => offence.dataset.reportAs).filter(Boolean),
        whatHappened: form.elements.what_happened.value,
        started: form.elements.started.value,
        oftenPhrase: form.elements.how_often.selectedOptions[0]?.dataset.phrase || "",
      },
      form.dataset,
    );
    copied.textContent = "";
    result.hidden = false;
    result.querySelector("h2").focus();
  });

  // The words as they are now (the person may have changed them), carried in this tab only.
  save?.addEventListener("click", (event) => {
    if (!opensHere(event) || result.hidden) return;
    carryToCaseFile({
      kind: "diary",
      offences: [...shownOffences()].map((offence) => offence.dataset.offenceName),
      text: output.value,
    });
  });

  if (navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(output.value);
        copied.textContent = gettext("Copied. You can paste the words into the online form.");
      } catch (failure) {
        output.select();
        copied.textContent = gettext("Select the words and copy them.");
      }
    });
  }
}
