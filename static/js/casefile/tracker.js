/** The escalation tracker: one record per rung of the guide's ladder, with status, dates and outcome. */
import { fillForm, formValues, formatDate, todayInUk } from "./dom.js";

const EMPTY = { status: "not-started", date: "", followUp: "", outcome: "" };

/** One line saying where a rung stands. */
export function rungSummary(rung, statusLabel) {
  if (!rung || rung.status === "not-started") return "Not started.";
  const parts = [`${statusLabel}${rung.date ? ` on ${formatDate(rung.date)}` : ""}.`];
  if (rung.followUp) {
    parts.push(rung.followUp < todayInUk() && rung.status === "waiting" ? `Follow up was due on ${formatDate(rung.followUp)}.` : `Follow up on ${formatDate(rung.followUp)}.`);
  }
  return parts.join(" ");
}

export function initTracker(root, caseFile) {
  const forms = [...root.querySelectorAll('[data-form="rung"]')];

  function render() {
    const rungs = new Map(caseFile.entries().filter((e) => e.kind === "rung").map((rung) => [String(rung.number), rung]));
    for (const form of forms) {
      const rung = rungs.get(form.elements.number.value);
      fillForm(form, { ...EMPTY, ...(rung || {}) });
      const label = [...form.elements.status.options].find((o) => o.value === rung?.status)?.textContent.trim() || "";
      const summary = form.querySelector("[data-rung-summary]");
      summary.textContent = rungSummary(rung, label);
      summary.classList.toggle("fo-tracker__summary--due", Boolean(rung?.followUp && rung.followUp < todayInUk() && rung.status === "waiting"));
    }
  }

  for (const form of forms) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const values = formValues(form);
      const number = Number(values.number);
      await caseFile.saveRung(number, { kind: "rung", number, status: values.status, date: values.date, followUp: values.followUp, outcome: values.outcome });
    });
  }
  return { render };
}
