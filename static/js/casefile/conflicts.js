/** Records changed on two devices: both versions side by side, and the person chooses. */
import { details, formatDate, h } from "./dom.js";
import { KIND } from "./kinds.js";
import { format, gettext } from "../i18n.js";

/** The fields that tell two versions of a record apart, as [label, value] pairs. */
export function describe(value) {
  if (!value) return [["", gettext("Deleted")]];
  switch (value.kind) {
    case KIND.diary:
      return [
        [gettext("When"), `${formatDate(value.date)} ${value.time || ""}`.trim()],
        [gettext("Platform"), value.platform],
        [gettext("Account or handle"), value.handle],
        [gettext("What happened"), value.what],
        [gettext("Reference"), value.reference],
      ];
    case KIND.reference:
      return [
        [gettext("Who"), value.agencyLabel],
        [gettext("Reference number"), value.reference],
        [gettext("Date"), formatDate(value.date)],
        [gettext("Where it stands"), value.statusLabel],
        [gettext("Notes"), value.notes],
      ];
    case KIND.rung:
      return [
        [gettext("Step"), String(value.number)],
        [gettext("Status"), value.status],
        [gettext("Date"), formatDate(value.date)],
        [gettext("Outcome"), value.outcome],
      ];
    case KIND.details:
      return [
        [gettext("Title"), value.title],
        [gettext("Notes"), value.notes],
      ];
    default:
      return [["", gettext("An entry this version of the app cannot show")]];
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
        { class: "fo-conflict", role: "group", "aria-label": format(gettext("Changed on two devices, %(position)s of %(total)s"), { position: index + 1, total: conflicts.length }) },
        h(
          "div",
          { class: "fo-conflict__versions" },
          h("div", { class: "fo-conflict__version" }, h("h3", { class: "fo-heading-s", text: gettext("Your version on this device") }), details(describe(conflict.mine))),
          h("div", { class: "fo-conflict__version" }, h("h3", { class: "fo-heading-s", text: gettext("The version from another device") }), details(describe(conflict.theirs))),
        ),
        h(
          "div",
          { class: "fo-entry__actions" },
          button(gettext("Keep the version on this device"), "mine"),
          button(gettext("Keep the version from the other device"), "theirs"),
          conflict.mine && conflict.theirs && conflict.mine.kind === KIND.diary ? button(gettext("Keep both as separate entries"), "both") : null,
        ),
      );
    }),
  );
}
