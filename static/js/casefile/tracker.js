/** The escalation tracker: one record per rung of the guide's ladder, with status, dates and outcome. */
import { dateProblem, fillForm, formValues, formatDate, onValidSubmit, todayInUk } from "./dom.js";
import { KIND, ofKind } from "./kinds.js";
import { format, gettext } from "../i18n.js";

const EMPTY = { status: "not-started", date: "", followUp: "", outcome: "" };

/** Whether a rung's follow-up date has passed while still waiting for an answer. */
export const isOverdue = (rung) => Boolean(rung?.followUp && rung.followUp < todayInUk() && rung.status === "waiting");

/** One line saying where a rung stands. */
export function rungSummary(rung, statusLabel) {
  if (!rung || rung.status === "not-started") return gettext("Not started.");
  const parts = [rung.date ? format(gettext("%(status)s on %(date)s."), { status: statusLabel, date: formatDate(rung.date) }) : `${statusLabel}.`];
  if (rung.followUp) {
    const date = formatDate(rung.followUp);
    parts.push(isOverdue(rung) ? format(gettext("Follow up was due on %(date)s."), { date }) : format(gettext("Follow up on %(date)s."), { date }));
  }
  return parts.join(" ");
}

function readForm(form) {
  const values = formValues(form);
  const number = Number(values.number);
  const errors = {};
  for (const [name, field] of [["date", "date"], ["followUp", "follow-up"]]) {
    const problem = dateProblem(form.elements[name], { future: true });
    if (problem) errors[`rung-${number}-${field}`] = problem;
  }
  return [{ kind: KIND.rung, number, status: values.status, date: values.date, followUp: values.followUp, outcome: values.outcome }, errors];
}

/**
 * The tracker's two views: every rung's summary ("escalation") and one rung's form ("rung-form").
 * @param {HTMLElement} root the case-file app
 * @param {object} app see ui.js
 */
export function initTracker(root, app) {
  const forms = [...root.querySelectorAll('[data-form="rung"]')];
  const statusLabel = (rung) => [...forms[0].elements.status.options].find((o) => o.value === rung?.status)?.textContent.trim() || "";
  const rungs = () => new Map(ofKind(app.entries(), KIND.rung).map((rung) => [String(rung.number), rung]));

  function render() {
    const saved = rungs();
    for (const item of root.querySelectorAll("[data-rung]")) {
      const rung = saved.get(item.dataset.rung);
      const summary = item.querySelector("[data-rung-summary]");
      summary.textContent = rungSummary(rung, statusLabel(rung));
      summary.classList.toggle("fo-tracker__summary--due", isOverdue(rung));
    }
  }

  /** @param {string} number the rung's number, from the route */
  function showForm(number) {
    const form = forms.find((each) => each.dataset.rungForm === number);
    if (!form) return app.go(app.path("escalation"));
    for (const each of forms) each.hidden = each !== form;
    fillForm(form, { ...EMPTY, ...(rungs().get(number) || {}) });
    app.showView("rung-form", form.dataset.new);
  }

  for (const form of forms) {
    onValidSubmit(form, readForm, async (_, rung) => {
      await app.saveRung(rung.number, rung);
      await app.saved(format(gettext("Step %(number)s was saved."), { number: rung.number }), app.path("escalation"));
    });
  }
  return { render, showList: () => app.showView("escalation"), showForm };
}
