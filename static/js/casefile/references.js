/** Reference numbers from every report, with what a platform said and when Report Harmful Content can step in. */
import { addDays, details, entryActions, entryForm, formValues, formatDate, h, onValidSubmit, pendingNote, todayInUk } from "./dom.js";

const EMPTY = { id: "", agency: "", agencyName: "", reference: "", date: "", force: "", officer: "", status: "reported", notes: "", platformReply: "", platformReplyDate: "" };
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
    force: values.force,
    officer: values.officer,
    status: values.status,
    statusLabel: form.elements.status.selectedOptions[0]?.textContent.trim() || "",
    notes: values.notes,
    platformReply: isPlatform ? values.platformReply : "",
    platformReplyDate: isPlatform ? values.platformReplyDate : "",
  };
  return [reference, errors];
}

function referenceItem(reference, actions) {
  const note = harmfulContentNote(reference);
  return h(
    "li",
    { class: "fo-entry" },
    h("h3", { class: "fo-heading-s", text: `${reference.agencyLabel}: ${reference.reference}` }),
    details([
      ["Date reported", formatDate(reference.date)],
      ["Police force", reference.force],
      ["Officer or unit", reference.officer],
      ["Where it stands", reference.statusLabel],
      ["Platform's reply", reference.platformReply],
      ["Date of reply", formatDate(reference.platformReplyDate)],
      ["Notes", reference.notes],
    ]),
    note ? h("p", { class: "fo-inset", text: note }) : null,
    pendingNote(reference),
    entryActions(`reference ${reference.reference}`, actions),
  );
}

export function initReferences(root, caseFile) {
  const form = root.querySelector('[data-form="reference"]');
  const list = root.querySelector("[data-reference-list]");
  const mode = entryForm(form, EMPTY);

  function showConditionalFields() {
    const option = optionFor(form, form.elements.agency.value);
    form.querySelector('[data-show-when="named"]').hidden = option?.dataset.named !== "true";
    form.querySelector('[data-show-when="platform"]').hidden = option?.dataset.platform !== "true";
  }

  function reset() {
    mode.reset();
    showConditionalFields();
  }

  function edit(reference) {
    mode.edit(reference);
    showConditionalFields();
    form.elements.agency.focus();
  }

  function render() {
    const references = caseFile.entries().filter((entry) => entry.kind === "reference");
    references.sort((a, b) => (a.date || "").localeCompare(b.date || ""));
    list.replaceChildren(
      ...references.map((reference) =>
        referenceItem(reference, {
          onChange: () => edit(reference),
          onDelete: () => caseFile.remove(reference.id),
          question: "Delete this reference number? It will be deleted on all your devices.",
        }),
      ),
    );
  }

  form.elements.agency.addEventListener("change", showConditionalFields);
  form.querySelector('[data-action="cancel-edit"]').addEventListener("click", showConditionalFields);
  onValidSubmit(form, readForm, async (id, reference) => {
    await caseFile.save(id, reference);
    reset();
  });
  return { render, reset };
}
