/** Records changed on two devices: both versions side by side, and the person chooses. */
import { details, formatDate, h } from "./dom.js";
import { KIND } from "./kinds.js";

/** The fields that tell two versions of a record apart, as [label, value] pairs. */
export function describe(value) {
  if (!value) return [["", "Deleted"]];
  switch (value.kind) {
    case KIND.diary:
      return [["When", `${formatDate(value.date)} ${value.time || ""}`.trim()], ["Platform", value.platform], ["Account or handle", value.handle], ["What happened", value.what], ["Reference", value.reference]];
    case KIND.reference:
      return [["Who", value.agencyLabel], ["Reference number", value.reference], ["Date", formatDate(value.date)], ["Where it stands", value.statusLabel], ["Notes", value.notes]];
    case KIND.rung:
      return [["Step", String(value.number)], ["Status", value.status], ["Date", formatDate(value.date)], ["Outcome", value.outcome]];
    case KIND.details:
      return [["Title", value.title], ["Notes", value.notes]];
    default:
      return [["", "An entry this version of the app cannot show"]];
  }
}

export function renderConflicts(container, conflicts, choose) {
  container.hidden = conflicts.length === 0;
  container.querySelector("[data-conflict-list]").replaceChildren(
    ...conflicts.map((conflict, index) => {
      const button = (text, choice) => {
        const element = h("button", { type: "button", class: "fo-button fo-button--secondary", text });
        element.addEventListener("click", () => choose(conflict.id, choice));
        return element;
      };
      return h(
        "div",
        { class: "fo-conflict", role: "group", "aria-label": `Changed on two devices, ${index + 1} of ${conflicts.length}` },
        h(
          "div",
          { class: "fo-conflict__versions" },
          h("div", { class: "fo-conflict__version" }, h("h3", { class: "fo-heading-s", text: "Your version on this device" }), details(describe(conflict.mine))),
          h("div", { class: "fo-conflict__version" }, h("h3", { class: "fo-heading-s", text: "The version from another device" }), details(describe(conflict.theirs))),
        ),
        h(
          "div",
          { class: "fo-entry__actions" },
          button("Keep the version on this device", "mine"),
          button("Keep the version from the other device", "theirs"),
          conflict.mine && conflict.theirs && conflict.mine.kind === KIND.diary ? button("Keep both as separate entries", "both") : null,
        ),
      );
    }),
  );
}
