/**
 * A case file's first view: what is in it, the latest incidents, what needs attention, and a
 * task list into each section.
 */
import { details, formatDate, h } from "./dom.js";
import { latestDiary } from "./diary.js";
import { receiptsPending } from "./evidence.js";
import { KIND, ofKind } from "./kinds.js";
import { toComplete } from "./quick-log.js";
import { isOverdue } from "./tracker.js";

const LATEST = 3;
const plural = (count, one, many) => `${count} ${count === 1 ? one : many}`;

/** The task list's status line for each section, from the case file. */
export function sectionStatus(file) {
  const groups = ofKind(file.items, KIND.link).length;
  const rungs = ofKind(file.items, KIND.rung).filter((rung) => rung.status !== "not-started");
  return {
    diary: plural(ofKind(file.items, KIND.diary).length, "entry", "entries"),
    evidence: plural(ofKind(file.items, KIND.evidence).length, "item", "items"),
    references: plural(ofKind(file.items, KIND.reference).length, "reference number", "reference numbers"),
    escalation: rungs.length ? plural(rungs.length, "step started", "steps started") : "Not started",
    linked: groups ? plural(groups, "link group", "link groups") : "Not linked",
    exports: "",
    settings: "",
  };
}

/**
 * What needs attention, as [text, section] pairs ("" for the whole case file).
 * @param {object} file from casefiles.openCaseFile
 */
export function attention(file) {
  const found = [];
  const unfinished = toComplete(file.items).length;
  if (unfinished) found.push([`${plural(unfinished, "quick log is", "quick logs are")} waiting for details: ${unfinished === 1 ? "it is" : "they are"} marked “to complete” in the diary.`, "diary"]);
  const overdue = ofKind(file.items, KIND.rung).filter(isOverdue).sort((a, b) => a.number - b.number);
  for (const rung of overdue) found.push([`Step ${rung.number}: the follow up was due on ${formatDate(rung.followUp)}.`, `escalation/${rung.number}`]);
  if (file.conflicts.length) found.push([`${plural(file.conflicts.length, "entry was", "entries were")} changed on two devices. Choose which version to keep, above.`, ""]);
  if (file.pending) found.push([`${plural(file.pending, "change has", "changes have")} not reached the server yet. They are saved on this device.`, ""]);
  const receipts = receiptsPending(file.items);
  if (receipts) found.push([`${plural(receipts, "evidence file is", "evidence files are")} waiting for a timestamp receipt. It is asked for when this device is online.`, "evidence"]);
  return found;
}

/**
 * @param {HTMLElement} root the case-file app
 * @param {object} app see ui.js: path(...parts)
 */
export function initOverview(root, app) {
  const view = root.querySelector('[data-view="overview"]');
  const $ = (selector) => view.querySelector(selector);

  /** @param {object} file from casefiles.openCaseFile */
  function render(file) {
    $("[data-casefile-notes]").textContent = file.details.notes;
    const unreadable = $("[data-unreadable]");
    unreadable.hidden = !file.unreadable;
    unreadable.textContent = file.unreadable ? `${file.unreadable} entries could not be opened on this device. They are kept; try again after updating the app.` : "";

    const problems = attention(file);
    $("[data-attention]").hidden = problems.length === 0;
    $("[data-attention-list]").replaceChildren(
      ...problems.map(([text, section]) => h("li", {}, section ? h("a", { href: app.path(...section.split("/")), text }) : text)),
    );

    const latest = latestDiary(file.items, LATEST);
    $("[data-latest-empty]").hidden = latest.length > 0;
    $("[data-latest]").replaceChildren(
      ...latest.map((entry) => {
        const when = `${formatDate(entry.date)}${entry.time ? `, ${entry.time}` : ""}`;
        const what = entry.what.length > 140 ? `${entry.what.slice(0, 139)}…` : entry.what;
        return h(
          "li",
          { class: "fo-summary-card" },
          h("h3", { class: "fo-heading-s", text: entry.platform ? `${when} – ${entry.platform}` : when }),
          details([["What happened", what]]),
        );
      }),
    );

    const status = sectionStatus(file);
    for (const element of view.querySelectorAll("[data-task-status]")) element.textContent = status[element.dataset.taskStatus] || "";
  }

  return { render, show: (file) => app.showView("overview", file.details.title) };
}
