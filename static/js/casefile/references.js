/** Reference numbers from every report, with what a platform said and when Report Harmful Content can step in. */
import { addDays, confirmed, details, fillForm, formValues, formatDate, h, showErrors, todayInUk } from "./dom.js";

const EMPTY = { id: "", agency: "", agencyName: "", reference: "", date: "", officer: "", status: "reported", notes: "", platformReply: "", platformReplyDate: "" };
// Report Harmful Content takes a case once the platform has answered, or a week after the report.
const PLATFORM_WAIT_DAYS = 7;

function optionFor(form, value) {
  return [...form.elements.agency.options].find((option) => option.value === value);
}

/** When Report Harmful Content can look at a platform report, in words; "" for other agencies. */
export function harmfulContentNote(reference) {
  if (!reference.isPlatform) return "";
  if (reference.platformReplyDate) {
    return `The platform replied on ${formatDate(reference.platformReplyDate)}. If you are not happy with the reply, you can ask Report Harmful Content to review it now.`;
  }
  if (!reference.date) return "Add the date you reported: Report Harmful Content can review it a week after that, or sooner once the platform replies.";
  const from = addDays(reference.date, PLATFORM_WAIT_DAYS);
  return from <= todayInUk()
    ? `A week has passed since you reported (${formatDate(reference.date)}). You can ask Report Harmful Content to review it now.`
    : `Report Harmful Content can review this from ${formatDate(from)}, or sooner if the platform replies.`;
}

function readForm(form) {
  const values = formValues(form);
  const option = optionFor(form, values.agency);
  const errors = {};
  if (!option || !values.agency) errors.agency = "Choose who you reported to.";
  else if (option.dataset.named === "true" && !values.agencyName) errors["agency-name"] = "Enter the name of the platform or organisation.";
  if (!values.reference) errors.reference = "Enter the reference number. If they did not give one, write “none given”.";
  const isPlatform = option?.dataset.platform === "true";
  const agencyLabel = option?.dataset.named === "true" ? values.agencyName : option?.textContent.trim();
  const reference = {
    kind: "reference",
    agency: values.agency,
    agencyName: values.agencyName,
    agencyLabel,
    isPlatform,
    reference: values.reference,
    date: values.date,
    officer: values.officer,
    status: values.status,
    statusLabel: form.elements.status.selectedOptions[0]?.textContent.trim() || "",
    notes: values.notes,
    platformReply: isPlatform ? values.platformReply : "",
    platformReplyDate: isPlatform ? values.platformReplyDate : "",
  };
  return [reference, errors];
}

function referenceItem(reference) {
  const note = harmfulContentNote(reference);
  return h(
    "li",
    { class: "fo-entry" },
    h("h3", { class: "fo-heading-s", text: `${reference.agencyLabel}: ${reference.reference}` }),
    details([
      ["Date reported", formatDate(reference.date)],
      ["Officer or unit", reference.officer],
      ["Where it stands", reference.statusLabel],
      ["Platform's reply", reference.platformReply],
      ["Date of reply", formatDate(reference.platformReplyDate)],
      ["Notes", reference.notes],
    ]),
    note ? h("p", { class: "fo-inset", text: note }) : null,
    reference.pending ? h("p", { class: "fo-hint", text: "Saved on this device, not yet synced." }) : null,
    h(
      "div",
      { class: "fo-entry__actions" },
      h("button", { type: "button", class: "fo-button fo-button--secondary", "aria-label": `Change reference ${reference.reference}`, text: "Change" }),
      h("button", { type: "button", class: "fo-button fo-button--secondary", "aria-label": `Delete reference ${reference.reference}`, text: "Delete" }),
    ),
  );
}

export function initReferences(root, caseFile) {
  const form = root.querySelector('[data-form="reference"]');
  const list = root.querySelector("[data-reference-list]");
  const title = form.querySelector("[data-form-title]");
  const cancel = form.querySelector('[data-action="cancel-edit"]');

  function showConditionalFields() {
    const option = optionFor(form, form.elements.agency.value);
    form.querySelector('[data-show-when="named"]').hidden = option?.dataset.named !== "true";
    form.querySelector('[data-show-when="platform"]').hidden = option?.dataset.platform !== "true";
  }

  function reset() {
    fillForm(form, EMPTY);
    title.textContent = title.dataset.new;
    cancel.hidden = true;
    showConditionalFields();
  }

  function edit(reference) {
    fillForm(form, { ...EMPTY, ...reference });
    title.textContent = title.dataset.edit;
    cancel.hidden = false;
    showConditionalFields();
    form.elements.agency.focus();
  }

  function render() {
    const references = caseFile.entries().filter((entry) => entry.kind === "reference");
    references.sort((a, b) => (a.date || "").localeCompare(b.date || ""));
    list.replaceChildren(
      ...references.map((reference) => {
        const item = referenceItem(reference);
        const [change, remove] = item.querySelectorAll(".fo-entry__actions button");
        change.addEventListener("click", () => edit(reference));
        remove.addEventListener("click", async () => {
          if (confirmed("Delete this reference number? It will be deleted on all your devices.")) await caseFile.remove(reference.id);
        });
        return item;
      }),
    );
  }

  form.elements.agency.addEventListener("change", showConditionalFields);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const [reference, errors] = readForm(form);
    if (Object.keys(errors).length) return showErrors(form, errors);
    showErrors(form, {});
    await caseFile.save(formValues(form).id || null, reference);
    reset();
  });
  cancel.addEventListener("click", reset);
  return { render, reset };
}
