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
import { format, gettext, ngettext } from "../i18n.js";

const LATEST = 3;
/** One of two phrasings by count, with %(count)s filled in. The literal strings stay at each call, where makemessages finds them. */
const counted = (text, count) => format(text, { count });

/** The task list's status line for each section, from the case file. */
export function sectionStatus(file) {
  const groups = ofKind(file.items, KIND.link).length;
  const rungs = ofKind(file.items, KIND.rung).filter((rung) => rung.status !== "not-started");
  const diary = ofKind(file.items, KIND.diary).length;
  const evidence = ofKind(file.items, KIND.evidence).length;
  const references = ofKind(file.items, KIND.reference).length;
  return {
    diary: counted(ngettext("%(count)s entry", "%(count)s entries", diary), diary),
    evidence: counted(ngettext("%(count)s item", "%(count)s items", evidence), evidence),
    references: counted(ngettext("%(count)s reference number", "%(count)s reference numbers", references), references),
    escalation: rungs.length ? counted(ngettext("%(count)s step started", "%(count)s steps started", rungs.length), rungs.length) : gettext("Not started"),
    linked: groups ? counted(ngettext("%(count)s link group", "%(count)s link groups", groups), groups) : gettext("Not linked"),
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
  if (unfinished) {
    const text = ngettext(
      "%(count)s quick log is waiting for details: it is marked “to complete” in the diary.",
      "%(count)s quick logs are waiting for details: they are marked “to complete” in the diary.",
      unfinished,
    );
    found.push([counted(text, unfinished), "diary"]);
  }
  const overdue = ofKind(file.items, KIND.rung).filter(isOverdue).sort((a, b) => a.number - b.number);
  for (const rung of overdue) {
    found.push([format(gettext("Step %(number)s: the follow up was due on %(date)s."), { number: rung.number, date: formatDate(rung.followUp) }), `escalation/${rung.number}`]);
  }
  if (file.conflicts.length) {
    const text = ngettext(
      "%(count)s entry was changed on two devices. Choose which version to keep, above.",
      "%(count)s entries were changed on two devices. Choose which version to keep, above.",
      file.conflicts.length,
    );
    found.push([counted(text, file.conflicts.length), ""]);
  }
  if (file.pending) {
    const text = ngettext(
      "%(count)s change has not reached the server yet. It is saved on this device.",
      "%(count)s changes have not reached the server yet. They are saved on this device.",
      file.pending,
    );
    found.push([counted(text, file.pending), ""]);
  }
  const receipts = receiptsPending(file.items);
  if (receipts) {
    const text = ngettext(
      "%(count)s evidence file is waiting for a timestamp receipt. It is asked for when this device is online.",
      "%(count)s evidence files are waiting for a timestamp receipt. It is asked for when this device is online.",
      receipts,
    );
    found.push([counted(text, receipts), "evidence"]);
  }
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
    unreadable.textContent = file.unreadable
      ? counted(
          ngettext(
            "%(count)s entry could not be opened on this device. It is kept; try again after updating the app.",
            "%(count)s entries could not be opened on this device. They are kept; try again after updating the app.",
            file.unreadable,
          ),
          file.unreadable,
        )
      : "";

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
          details([[gettext("What happened"), what]]),
        );
      }),
    );

    const status = sectionStatus(file);
    for (const element of view.querySelectorAll("[data-task-status]")) element.textContent = status[element.dataset.taskStatus] || "";
  }

  return { render, show: (file) => app.showView("overview", file.details.title) };
}
