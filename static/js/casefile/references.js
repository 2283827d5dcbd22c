/** Reference numbers from every report, with what a platform said and when Report Harmful Content can step in. */
import { addDays, dateProblem, details, entryActions, entryForm, formValues, formatDate, h, onValidSubmit, pendingNote, todayInUk } from "./dom.js";
import { KIND, ofKind } from "./kinds.js";
import { format, gettext } from "../i18n.js";

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
    return format(gettext("The platform replied on %(date)s. If you are not happy with the reply, you can ask Report Harmful Content to review it now."), {
      date: formatDate(reference.platformReplyDate),
    });
  }
  if (!reference.date) return gettext("Add the date you reported: Report Harmful Content can review it a week after that, or sooner once the platform replies.");
  const from = addDays(reference.date, PLATFORM_WAIT_DAYS);
  return from <= todayInUk()
    ? format(gettext("A week has passed since you reported (%(date)s). You can ask Report Harmful Content to review it now."), { date: formatDate(reference.date) })
    : format(gettext("Report Harmful Content can review this from %(date)s, or sooner if the platform replies."), { date: formatDate(from) });
}

function readForm(form) {
  const values = formValues(form);
  const option = optionFor(form, values.agency);
  const errors = {};
  if (!option || !values.agency) errors.agency = gettext("Choose who you reported to.");
  else if (option.dataset.named === "true" && !values.agencyName) errors["agency-name"] = gettext("Enter the name of the platform or organisation.");
  if (!values.reference) errors.reference = gettext("Enter the reference number. If they did not give one, write “none given”.");
  const date = dateProblem(form.elements.date);
  if (date) errors.date = date;
  const replyDate = option?.dataset.platform === "true" ? dateProblem(form.elements.platformReplyDate) : "";
  if (replyDate) errors["reply-date"] = replyDate;
  const isPlatform = option?.dataset.platform === "true";
  const agencyLabel = option?.dataset.named === "true" ? values.agencyName : option?.textContent.trim();
  const reference = {
    kind: KIND.reference,
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
    { class: "fo-entry", "data-entry": reference.id },
    h("h3", { class: "fo-heading-s", text: `${reference.agencyLabel}: ${reference.reference}` }),
    details([
      [gettext("Date reported"), formatDate(reference.date)],
      [gettext("Police force"), reference.force],
      [gettext("Officer or unit"), reference.officer],
      [gettext("Where it stands"), reference.statusLabel],
      [gettext("Platform's reply"), reference.platformReply],
      [gettext("Date of reply"), formatDate(reference.platformReplyDate)],
      [gettext("Notes"), reference.notes],
    ]),
    note ? h("p", { class: "fo-inset", text: note }) : null,
    pendingNote(reference),
    entryActions(
      {
        change: format(gettext("Change reference %(reference)s"), { reference: reference.reference }),
        remove: format(gettext("Delete reference %(reference)s"), { reference: reference.reference }),
      },
      actions,
    ),
  );
}

/**
 * The reference numbers' two views: the list ("references") and the form ("reference-form").
 * @param {HTMLElement} root the case-file app
 * @param {object} app see ui.js
 */
export function initReferences(root, app) {
  const form = root.querySelector('[data-form="reference"]');
  const list = root.querySelector("[data-reference-list]");
  const empty = root.querySelector('[data-view="references"] [data-empty-list]');
  const mode = entryForm(form, EMPTY);

  function showConditionalFields() {
    const option = optionFor(form, form.elements.agency.value);
    form.querySelector('[data-show-when="named"]').hidden = option?.dataset.named !== "true";
    form.querySelector('[data-show-when="platform"]').hidden = option?.dataset.platform !== "true";
  }

  function render() {
    const references = ofKind(app.entries(), KIND.reference);
    references.sort((a, b) => (a.date || "").localeCompare(b.date || ""));
    empty.hidden = references.length > 0;
    list.replaceChildren(
      ...references.map((reference) =>
        referenceItem(reference, {
          onChange: () => app.go(app.path("references", reference.id)),
          onDelete: () => app.remove(reference.id, gettext("The reference number was deleted.")),
          question: gettext("Delete this reference number? It will be deleted on all your devices."),
        }),
      ),
    );
  }

  /**
   * The form, empty or filled with reference `id`; `agency` (an option's value) is chosen for a new one.
   * @param {string} [id]
   * @param {string} [agency] from a guide page's "Save my reference number"
   */
  function showForm(id, agency = "") {
    const reference = id && ofKind(app.entries(), KIND.reference).find((each) => each.id === id);
    if (id && !reference) return app.go(app.path("references"));
    const heading = reference ? mode.edit(reference) : mode.reset();
    if (!reference && optionFor(form, agency)) form.elements.agency.value = agency;
    showConditionalFields();
    app.showView("reference-form", heading);
  }

  form.elements.agency.addEventListener("change", showConditionalFields);
  onValidSubmit(form, readForm, async (id, reference) => {
    const saved = await app.save(id, reference);
    await app.saved(id ? gettext("The reference number was changed.") : gettext("The reference number was saved."), app.path("references"), saved);
  });
  return { render, showList: () => app.showView("references"), showForm };
}
