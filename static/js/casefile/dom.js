/** Small DOM helpers for the case file. User text is only ever set with textContent, never as HTML. */

import { gettext } from "../i18n.js";

const MONTHS = [
  gettext("January"),
  gettext("February"),
  gettext("March"),
  gettext("April"),
  gettext("May"),
  gettext("June"),
  gettext("July"),
  gettext("August"),
  gettext("September"),
  gettext("October"),
  gettext("November"),
  gettext("December"),
];

/**
 * Build an element.
 * @param {string} tag
 * @param {Record<string, string|boolean>} [attributes] "text" sets textContent
 * @param {...(Node|string|null|false)} children
 */
export function h(tag, attributes = {}, ...children) {
  return fill(document.createElement(tag), attributes, children);
}

/** Build an SVG element, as h() builds an HTML one. */
export function svg(tag, attributes = {}, ...children) {
  return fill(document.createElementNS("http://www.w3.org/2000/svg", tag), attributes, children);
}

function fill(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") element.textContent = value;
    else if (value === true) element.setAttribute(name, "");
    else if (value !== false && value !== null && value !== undefined) element.setAttribute(name, value);
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

/**
 * A translated sentence with an element inside it, as children for h(): the text before the
 * placeholder %(name)s, the element, and the text after, so the sentence is translated whole.
 */
export function around(text, name, element) {
  const [before, after = ""] = text.split(`%(${name})s`);
  return [before, element, after];
}

/** A definition list of the non-empty [label, value] pairs. */
export function details(pairs) {
  const list = h("dl", { class: "fo-summary" });
  for (const [label, value] of pairs) {
    if (value === "" || value === null || value === undefined) continue;
    list.append(h("div", { class: "fo-summary__row" }, h("dt", { class: "fo-summary__key", text: label }), h("dd", { class: "fo-summary__value" }, value)));
  }
  return list;
}

export function formValues(form) {
  const values = {};
  for (const [name, value] of new FormData(form)) values[name] = typeof value === "string" ? value.trim() : value;
  return values;
}

export function fillForm(form, values) {
  for (const element of form.elements) {
    if (!element.name || !(element.name in values)) continue;
    if (element.type === "radio") element.checked = element.value === values[element.name];
    else if (element.type === "checkbox") element.checked = Boolean(values[element.name]);
    else element.value = values[element.name] ?? "";
  }
}

export function clearErrors(form) {
  for (const message of form.querySelectorAll("[data-error]")) {
    message.hidden = true;
    message.textContent = "";
  }
  for (const invalid of form.querySelectorAll("[aria-invalid]")) invalid.removeAttribute("aria-invalid");
  form.querySelector("[data-error-summary]")?.remove();
}

/** GOV.UK's error summary: every problem at once, each a link to its field. */
function errorSummary(problems) {
  const list = h("ul", { class: "fo-error-summary__list" });
  for (const { text, target } of problems) {
    const link = h("a", { href: target.id ? `#${target.id}` : "#", text });
    // The address holds the route: an in-page anchor would replace it, so move focus by hand.
    link.addEventListener("click", (event) => {
      event.preventDefault();
      target.focus();
      target.scrollIntoView({ block: "center" });
    });
    list.append(h("li", {}, link));
  }
  return h(
    "div",
    { class: "fo-error-summary", role: "alert", tabindex: "-1", "data-error-summary": true },
    h("h2", { class: "fo-error-summary__title", text: gettext("There is a problem") }),
    list,
  );
}

/**
 * Show every message beside its field, and all of them in an error summary at the top of the
 * form. The summary is an alert, so screen readers read the list out; focus goes to the first
 * field to fix, so the person can start typing. No errors: clears them.
 * @param {HTMLFormElement} form
 * @param {Record<string, string>} errors field name (data-field) -> message
 */
export function showErrors(form, errors) {
  clearErrors(form);
  const problems = [];
  for (const [field, text] of Object.entries(errors)) {
    const container = form.querySelector(`[data-field="${field}"]`) || form.querySelector('[data-field="form"]');
    const message = container.matches("[data-error]") ? container : container.querySelector("[data-error]");
    message.textContent = text;
    message.hidden = false;
    const input = container.querySelector("input:not([type=hidden]), select, textarea");
    if (input) input.setAttribute("aria-invalid", "true");
    if (!input) message.tabIndex = -1;
    problems.push({ text, target: input || message });
  }
  if (!problems.length) return;
  const summary = errorSummary(problems);
  form.prepend(summary);
  const [{ target }] = problems;
  target.focus({ preventScroll: true });
  summary.scrollIntoView({ block: "start" }); // the list, and the field under it, in view
}

/**
 * What is wrong with a date input, or "": empty when required, impossible (31 February: the
 * browser gives "" for it, so badInput is the only sign), or in the future.
 * @param {HTMLInputElement} input
 * @param {{required?: string, future?: boolean}} rules required: the message when empty
 */
export function dateProblem(input, { required = "", future = false } = {}) {
  if (input.validity.badInput) return gettext("Enter a real date.");
  if (!input.value) return required;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.value) || input.value < "1900-01-01") return gettext("Enter a real date.");
  if (!future && input.value > todayInUk()) return gettext("The date cannot be in the future.");
  return "";
}

/** "2026-12-04" -> "4 December 2026". */
export function formatDate(isoDate) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate || "");
  if (!match) return "";
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

// Built from parts: a locale's own date pattern is not fixed (en-CA's was YYYY-MM-DD until ICU 72 made it M/D/Y).
const UK_DAY = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });

/** The UK date of a moment (now by default), as YYYY-MM-DD. */
export function ukDate(moment = new Date()) {
  const part = Object.fromEntries(UK_DAY.formatToParts(moment).map(({ type, value }) => [type, value]));
  return `${part.year}-${part.month}-${part.day}`;
}

const UK_TIME = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** A moment the server recorded (ISO 8601), as the UK clock showed it: "4 December 2026, 14:05". */
export function formatMoment(iso) {
  const moment = new Date(iso);
  return `${formatDate(ukDate(moment))}, ${UK_TIME.format(moment)}`;
}

/** The UK time of a moment (now by default), as HH:MM. */
export const ukTime = (moment = new Date()) => UK_TIME.format(moment);

/** Today's date in the UK, as YYYY-MM-DD. */
export const todayInUk = () => ukDate();

/** A date `days` after an ISO date. */
export function addDays(isoDate, days) {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Only web links become clickable; anything else is shown as text. */
export function safeLink(text) {
  try {
    const url = new URL(text);
    if (url.protocol === "https:" || url.protocol === "http:") return h("a", { href: url.href, rel: "noreferrer noopener", target: "_blank", text });
  } catch {
    /* not a URL: shown as text */
  }
  return document.createTextNode(text);
}

/** Ask before something that cannot be undone. */
export function confirmed(question) {
  return window.confirm(question);
}

/**
 * A form that adds an entry, or changes one. Each returns the heading for the view: the form's
 * data-new or data-edit text.
 */
export function entryForm(form, empty) {
  return {
    reset() {
      clearErrors(form);
      fillForm(form, empty);
      return form.dataset.new;
    },
    edit(values) {
      clearErrors(form);
      fillForm(form, { ...empty, ...values });
      return form.dataset.edit;
    },
  };
}

/** On submit: read(form) gives [value, errors]; show the errors, or save the value and start again. */
export function onValidSubmit(form, read, save) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const [value, errors] = read(form);
    if (Object.keys(errors).length) return showErrors(form, errors);
    showErrors(form, {});
    await save(formValues(form).id || null, value);
  });
}

/**
 * "Change" and "Delete" buttons for one entry; Delete asks first.
 * @param {{change: string, remove: string}} labels the buttons' whole names for screen readers, e.g. "Change the entry
 *   of 4 December 2025": whole sentences, as a translation may not build them from one phrase
 */
export function entryActions(labels, { onChange, onDelete, question }) {
  const change = h("button", { type: "button", class: "fo-button fo-button--secondary", "aria-label": labels.change, text: gettext("Change") });
  const remove = h("button", { type: "button", class: "fo-button fo-button--secondary", "aria-label": labels.remove, text: gettext("Delete") });
  change.addEventListener("click", onChange);
  remove.addEventListener("click", async () => {
    if (confirmed(question)) await onDelete();
  });
  return h("div", { class: "fo-entry__actions" }, change, remove);
}

export const pendingNote = (entry) => (entry.pending ? h("p", { class: "fo-hint", text: gettext("Saved on this device, not yet synced.") }) : null);
