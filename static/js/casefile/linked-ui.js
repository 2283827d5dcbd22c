/**
 * The linked-cases screens: the case file's "Linked cases" section, a group's page, joining
 * through an invite link, and the cross-reference summary for police.
 */
import { ApiError } from "./api.js";
import { createCaseFile, listCaseFiles } from "./casefiles.js";
import { KIND, ofKind } from "./kinds.js";
import { casePath } from "./router.js";
import { clearErrors, confirmed, fillForm, formValues, formatDate, formatMoment, h, showErrors, todayInUk } from "./dom.js";
import * as links from "./links.js";
import { setPrintMargins } from "./print-pages.js";
import { parseInvite, takeInvite } from "../invite-address.js";
import { format, gettext, ngettext } from "../i18n.js";

const INVITE_STATUS = { open: gettext("Not used yet"), used: gettext("Used"), expired: gettext("Expired"), revoked: gettext("Withdrawn") };

/**
 * The invite in the address, if the page was opened from an invite link. invite-address.js has
 * already taken it out of the address bar and this tab's history; it is kept in memory only.
 */
export const inviteFromAddress = takeInvite;

const changedAt = (iso) => (iso ? formatMoment(iso) : "");

/** "Sam (you)": the person's own name, marked. */
const you = (name) => format(gettext("%(name)s (you)"), { name });

/** Entries that did not open, or are not well formed: counted, never drawn (links.openGroup). */
function unreadableText(count) {
  if (!count) return "";
  return format(
    ngettext(
      "%(count)s entry from another member could not be read, so it is not shown.",
      "%(count)s entries from other members could not be read, so they are not shown.",
      count,
    ),
    { count },
  );
}

const cells = (...values) => h("tr", {}, ...values.map((value) => h("td", { text: value || "" })));

/** Where a shared report sits: the police force if there is one, else whoever took the report. */
const forceOrAgency = (reference) => reference.force || reference.agencyLabel;

/**
 * @param {HTMLElement} root the case-file app
 * @param {object} app see ui.js: caseFile(), showView(name, heading), go(hash), path(...parts), saved(text, hash), savedLocally()
 */
export function initLinkedCases(root, app) {
  const $ = (selector) => root.querySelector(selector);
  const form = (name) => $(`[data-form="${name}"]`);
  let groupId = null;
  let group = null;
  let invite = null;
  // Ticks changed here and not saved yet: a sync redraws the group page, and must not undo them.
  const unsavedShares = new Map();
  form("share").addEventListener("change", (event) => unsavedShares.set(event.target.value, event.target.checked));

  async function renderSection(caseFile) {
    const groups = await links.groupsOf(caseFile);
    $("[data-group-list]").replaceChildren(
      ...groups.map((each) => {
        if (!each.name) {
          const text = each.removed
            ? gettext("You were removed from a link group, or it was closed. What you shared there is no longer yours to see.")
            : gettext("A link group that has not reached this device yet. Sync to see it.");
          return h("li", { class: "fo-card" }, h("p", { text }));
        }
        const button = h("button", { type: "button", class: "fo-card__link fo-link-button", text: each.name });
        button.addEventListener("click", () => app.go(app.path("linked", each.id)));
        return h("li", { class: "fo-card" }, h("h3", { class: "fo-heading-s" }, button));
      }),
    );
  }

  function shareChoices(caseFile) {
    const references = ofKind(caseFile.items, KIND.reference);
    const shared = new Set(group.references.filter((each) => each.mine).map((each) => each.sourceId));
    $("[data-share-empty]").hidden = references.length > 0;
    $("[data-share-choices]").replaceChildren(
      ...references.map((reference) => {
        const id = `share-${reference.id}`;
        return h(
          "div",
          { class: "fo-checkbox" },
          h("input", { class: "fo-checkbox__input", type: "checkbox", id, name: "share", value: reference.id, checked: unsavedShares.get(reference.id) ?? shared.has(reference.id) }),
          h("label", { class: "fo-checkbox__label", for: id, text: `${reference.agencyLabel}: ${reference.reference}` }),
        );
      }),
    );
  }

  async function renderGroup() {
    group = await links.openGroup(groupId);
    if (!group) return app.go(app.path("linked"));
    const references = [...group.references].sort((a, b) => forceOrAgency(a).localeCompare(forceOrAgency(b)) || (a.date || "").localeCompare(b.date || ""));
    $("[data-group-references-empty]").hidden = references.length > 0;
    $("[data-group-references-wrapper]").hidden = references.length === 0;
    $("[data-group-references]").replaceChildren(
      ...references.map((each) =>
        cells(forceOrAgency(each), each.force ? `${each.reference} (${each.agencyLabel})` : each.reference, formatDate(each.date), each.officer, each.statusLabel, each.mine ? you(each.sharedBy) : each.sharedBy, changedAt(each.updated)),
      ),
    );
    const unreadable = $("[data-group-unreadable]");
    unreadable.hidden = !group.unreadable;
    unreadable.textContent = unreadableText(group.unreadable);
    $("[data-group-key-refused]").hidden = !group.keyRefused;
    shareChoices(app.caseFile());
    const notes = group.notes;
    $("[data-group-notes-empty]").hidden = notes.length > 0;
    $("[data-group-notes]").replaceChildren(...notes.map((note) => h("li", { class: "fo-entry" }, h("p", { class: "fo-hint", text: `${note.mine ? you(note.sharedBy) : note.sharedBy}, ${changedAt(note.updated)}` }), h("p", { text: note.text }))));
    if (!form("group-note").contains(document.activeElement)) fillForm(form("group-note"), { text: notes.find((note) => note.mine)?.text || "" });
  }

  async function act(status, work) {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof links.LinkProblem)) throw error;
      status.textContent = error.message;
    }
  }

  async function renderMembers() {
    await act($("[data-members-status]"), async () => {
      const people = await links.members(groupId);
      const owner = people.find((person) => person.you)?.role === "owner";
      $("[data-group-members]").replaceChildren(
        ...people.map((person) => {
          const name = group.names.get(person.id) || gettext("Someone who is just joining");
          const shown = person.you ? you(name) : name;
          const label = person.role === "owner" ? format(gettext("%(name)s, started the group"), { name: shown }) : shown;
          const item = h("li", { class: "fo-entry" }, h("p", { text: label }));
          if (owner && !person.you) {
            const button = h("button", { type: "button", class: "fo-button fo-button--secondary", text: format(gettext("Remove %(name)s"), { name }) });
            button.addEventListener("click", () => removeMember(person.id, name));
            item.append(button);
          }
          return item;
        }),
      );
      await renderInvites();
    });
  }

  async function renderInvites() {
    const list = await links.invites(groupId);
    $("[data-invite-list]").replaceChildren(
      ...list.map((each) => {
        const status = INVITE_STATUS[each.status] || each.status;
        const made = changedAt(each.created);
        const text =
          each.status === "open"
            ? format(gettext("Invite made %(made)s: %(status)s, works until %(until)s"), { made, status, until: changedAt(each.expires) })
            : format(gettext("Invite made %(made)s: %(status)s"), { made, status });
        const item = h("li", { class: "fo-entry" }, h("p", { text }));
        if (each.status === "open") {
          const button = h("button", { type: "button", class: "fo-button fo-button--secondary", text: gettext("Withdraw this invite") });
          button.addEventListener("click", () => act($("[data-invite-status]"), async () => {
            try {
              await links.revokeInvite(each.id);
              $("[data-invite-status]").textContent = gettext("The invite is withdrawn. The link no longer works.");
            } finally {
              await renderInvites(); // also when it failed: the list may be out of date (someone used it meanwhile)
            }
          }));
          item.append(button);
        }
        return item;
      }),
    );
  }

  async function removeMember(memberId, name) {
    if (!confirmed(format(gettext("Remove %(name)s from the group? What they shared is taken out, and they will not see anything shared from now on."), { name }))) return;
    await act($("[data-members-status]"), async () => {
      await links.removeMember(groupId, memberId);
      $("[data-members-status]").textContent = format(gettext("%(name)s is no longer in the group."), { name });
      await renderGroup();
      await renderMembers();
    });
  }

  async function showGroup(id) {
    if (groupId !== id) unsavedShares.clear();
    groupId = id;
    $("[data-invite-result]").hidden = true;
    $("[data-invite-status]").textContent = "";
    $("[data-members-status]").textContent = "";
    await renderGroup();
    if (!group) return;
    app.showView("group", group.name);
    await renderMembers();
  }

  async function showSummary(id) {
    if (groupId !== id || !group) {
      groupId = id;
      await renderGroup();
      if (!group) return;
    }
    const byAgency = new Map();
    for (const each of group.references) byAgency.set(forceOrAgency(each), [...(byAgency.get(forceOrAgency(each)) || []), each]);
    const people = new Set(group.references.map((each) => each.memberId)).size;
    setPrintMargins(gettext("Linked reports: cross-reference summary"));
    const numbers = format(ngettext("%(count)s reference number", "%(count)s reference numbers", group.references.length), { count: group.references.length });
    const from = format(ngettext("%(count)s person", "%(count)s people", people), { count: people });
    $("[data-summary-meta]").textContent = format(gettext("Printed on %(date)s. %(numbers)s from %(people)s in the group “%(group)s”."), {
      date: formatDate(todayInUk()),
      numbers,
      people: from,
      group: group.name,
    });
    $("[data-summary]").replaceChildren(
      ...[...byAgency.keys()].sort().map((agency) =>
        h(
          "section",
          { class: "fo-report__agency", "aria-label": agency },
          h("h2", { class: "fo-heading-m", text: agency }),
          h(
            "table",
            { class: "fo-table" },
            h("thead", {}, h("tr", {}, ...[gettext("Reference number"), gettext("Reported through"), gettext("Date reported"), gettext("Officer or unit"), gettext("Where it stands"), gettext("Reported by")].map((text) => h("th", { scope: "col", text })))),
            h("tbody", {}, ...byAgency.get(agency).map((each) => cells(each.reference, each.agencyLabel, formatDate(each.date), each.officer, each.statusLabel, each.sharedBy))),
          ),
        ),
      ),
    );
    app.showView("group-print");
  }

  async function showJoin(pending) {
    invite = null;
    $("[data-join-offer]").hidden = true;
    const problem = $("[data-join-problem]");
    problem.hidden = true;
    app.showView("join");
    try {
      invite = await links.openInvite(pending.id, pending.secret);
    } catch (error) {
      if (!(error instanceof links.LinkProblem)) throw error;
      problem.textContent = error.message;
      problem.hidden = false;
      return;
    }
    $("[data-join-intro]").textContent = format(gettext("%(inviter)s invited you to join “%(group)s”."), { inviter: invite.inviterName, group: invite.groupName });
    const files = await listCaseFiles();
    const choices = [...files.map((each) => [each.id, each.title]), ["new", gettext("Start a new case file for this")]];
    $("[data-join-casefiles]").replaceChildren(
      ...choices.map(([value, text], index) =>
        h(
          "div",
          { class: "fo-radio" },
          h("input", { class: "fo-radio__input", type: "radio", id: `join-casefile-${index}`, name: "casefile", value, checked: choices.length === 1 }),
          h("label", { class: "fo-radio__label", for: `join-casefile-${index}`, text }),
        ),
      ),
    );
    $("[data-join-offer]").hidden = false;
  }

  const handlers = {
    "new-group": async ({ name, displayName }) => {
      if (!displayName) return { "display-name": gettext("Enter the name others in the group will see.") };
      await links.createGroup({ caseFileId: app.caseFile().id, name, displayName });
      form("new-group").reset();
      await app.saved(gettext("The link group was started. Open it to invite people."), app.path("linked"));
    },
    share: async () => {
      const chosen = new FormData(form("share")).getAll("share");
      await links.shareReferences(groupId, app.caseFile(), chosen);
      unsavedShares.clear();
      await app.savedLocally();
      await renderGroup();
    },
    "group-note": async ({ text }) => {
      await links.saveNote(groupId, text);
      await app.savedLocally();
      await renderGroup();
    },
    "open-invite": async ({ link }) => {
      const pasted = parseInvite(link || "");
      if (!pasted) return { "invite-link": gettext("Paste the whole invite link. It starts with https:// and has a # in it.") };
      form("open-invite").reset(); // the secret stays only in memory, as for a tapped link
      await showJoin(pasted);
    },
    join: async ({ casefile, displayName }) => {
      const errors = {};
      if (!casefile) errors.casefile = gettext("Choose the case file this is about.");
      if (!displayName) errors["display-name"] = gettext("Enter the name others in the group will see.");
      if (Object.keys(errors).length) return errors;
      const caseFileId = casefile === "new" ? await createCaseFile({ title: invite.groupName, notes: "" }) : casefile;
      const joined = await links.joinGroup(invite, { caseFileId, displayName });
      invite = null;
      await app.savedLocally();
      app.go(casePath(caseFileId, "linked", joined));
    },
  };

  for (const [name, handler] of Object.entries(handlers)) {
    const element = form(name);
    element.addEventListener("submit", async (event) => {
      event.preventDefault();
      clearErrors(element);
      const button = element.querySelector("[type=submit]");
      button.disabled = true;
      try {
        const errors = await handler(formValues(element));
        if (errors) showErrors(element, errors);
      } catch (error) {
        if (error instanceof links.LinkProblem || error instanceof ApiError) showErrors(element, { form: error.message });
        else throw error;
      } finally {
        button.disabled = false;
      }
    });
  }

  const actions = {
    "show-group-print": () => app.go(app.path("linked", groupId, "print")),
    "back-to-group": () => app.go(app.path("linked", groupId)),
    "create-invite": () =>
      act($("[data-invite-status]"), async () => {
        $("[data-invite-result]").hidden = true;
        $("[data-invite-status]").textContent = gettext("Making an invite link…");
        const mine = group.names.get(group.memberId) || gettext("Someone in the group");
        $("[data-invite-link]").value = await links.createInvite(groupId, mine);
        $("[data-invite-result]").hidden = false;
        $('[data-action="share-invite"]').hidden = !navigator.share;
        $("[data-invite-status]").textContent = gettext("Your invite link is ready. Copy it and send it privately.");
        $("[data-invite-link]").focus();
        await renderInvites();
      }),
    "copy-invite": async () => {
      await navigator.clipboard.writeText($("[data-invite-link]").value).catch(() => $("[data-invite-link]").select());
      $("[data-invite-status]").textContent = gettext("Copied. Paste it into a private message.");
    },
    "share-invite": () => navigator.share({ text: gettext("An invite to a FalseOS link group"), url: $("[data-invite-link]").value }).catch(() => {}),
    "leave-group": async () => {
      if (!confirmed(gettext("Leave this group? What you shared is taken out of it, and you will need a new invite to come back."))) return;
      await act($("[data-members-status]"), async () => {
        await links.leaveGroup(groupId, app.caseFile().id);
        await app.saved(gettext("You left the group. What you shared was taken out of it."), app.path());
      });
    },
  };
  root.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action]");
    if (button && actions[button.dataset.action]) actions[button.dataset.action]();
  });

  return {
    renderSection,
    showJoin,
    showGroup,
    showSummary,
    showForm: () => app.showView("group-form", form("new-group").dataset.new),
    showList: () => app.showView("linked"),
    /** After a sync: redraw the group page if it is showing, with who is in it now and the state of each invite. */
    refresh: async () => {
      if (!groupId || $('[data-view="group"]').hidden) return;
      await renderGroup();
      await renderMembers();
    },
    forget() {
      unsavedShares.clear();
      groupId = null;
      group = null;
      invite = null;
      for (const list of root.querySelectorAll("[data-group-list], [data-group-references], [data-share-choices], [data-group-notes], [data-group-members], [data-invite-list], [data-summary], [data-join-casefiles]")) list.replaceChildren();
      for (const element of root.querySelectorAll("[data-join-intro], [data-summary-meta], [data-invite-status], [data-members-status]")) element.textContent = "";
      $("[data-invite-link]").value = "";
    },
  };
}
