/**
 * The locked screen: unlock, create an account (and see its recovery code once), recover with
 * the recovery code, or remove the account from this device.
 */
import * as account from "./account.js";
import { confirmed } from "./dom.js";
import { limit } from "./limits.js";
import { showRecoveryCode } from "./recovery-code.js";
import { outboxSize } from "./store.js";
import { format, gettext, ngettext } from "../i18n.js";

/**
 * Every problem with a new account's answers at once, as {field: message}.
 * @param {{username: string, passphrase: string, confirm: string}} values
 */
export async function registrationProblems({ username, passphrase, confirm }) {
  const errors = {};
  if (!new RegExp(limit("usernamePattern")).test(username)) errors.username = gettext("Use 3 to 40 letters, numbers, dots, dashes or underscores.");
  const weak = await account.passphraseProblem(passphrase, username);
  if (weak) errors.passphrase = weak;
  if (!confirm) errors.confirm = gettext("Type the passphrase again.");
  else if (passphrase !== confirm) errors.confirm = gettext("The two passphrases are different. Type them again.");
  return errors;
}

/**
 * @param {HTMLElement} root the case-file app
 * @param {object} app see ui.js: showView(name), afterUnlock(), lock(), pendingInvite()
 */
export function initStart(root, app) {
  const $ = (selector) => root.querySelector(selector);
  const form = (name) => $(`[data-form="${name}"]`);

  async function show() {
    const saved = await account.savedAccount();
    form("recover").hidden = true;
    for (const element of root.querySelectorAll("[data-new-only]")) element.hidden = Boolean(saved);
    for (const element of root.querySelectorAll("[data-saved-only]")) element.hidden = !saved;
    // The name appears only if the person chose to remember it here: the lock screen may be seen by anyone.
    const name = saved ? await account.rememberedName() : "";
    $("[data-passphrase-changed]").hidden = !saved?.passphraseChanged;
    const hint = $("[data-saved-account]");
    hint.hidden = !name;
    hint.textContent = name ? format(gettext("This device holds the case files of “%(name)s”."), { name }) : "";
    form("unlock").elements.username.value = name;
    form("unlock").elements["remember-name"].checked = Boolean(name);
    $("[data-join-pending]").hidden = !app.pendingInvite();
    app.showView("start");
  }

  const handlers = {
    unlock: ({ username, passphrase, "remember-name": remember }) => {
      const errors = {};
      if (!username) errors.username = gettext("Enter your name.");
      if (!passphrase) errors.passphrase = gettext("Enter your passphrase.");
      if (Object.keys(errors).length) return errors;
      return account.unlock(username, passphrase, { rememberName: Boolean(remember) }).then(app.afterUnlock);
    },
    register: async (values) => {
      const errors = await registrationProblems(values);
      if (Object.keys(errors).length) return errors;
      const code = await account.register(values.username, values.passphrase, { rememberName: Boolean(values["remember-name"]) });
      showRecoveryCode($('[data-view="recovery-code"]'), code);
      app.showView("recovery-code");
    },
    "recovery-saved": async ({ saved }) => {
      if (!saved) return { saved: gettext("Tick the box once you have saved your recovery code.") };
      $("[data-recovery-code]").textContent = "";
      if (!$("[data-recovery-code-replaced]").hidden) return app.showAccountSettings(); // a new code, from Settings
      await app.afterUnlock();
    },
    recover: ({ username, code, passphrase, confirm }) => {
      const errors = {};
      if (!username) errors.username = gettext("Enter your name.");
      if (!code) errors["recovery-code"] = gettext("Enter your recovery code.");
      if (!passphrase) errors["new-passphrase"] = gettext("Choose a new passphrase.");
      else if (passphrase !== confirm) errors.confirm = gettext("The two passphrases are different. Type them again.");
      if (Object.keys(errors).length) return errors;
      return account.recover(username, code, passphrase).then(app.afterUnlock);
    },
  };

  const actions = {
    "show-recover": () => {
      form("recover").hidden = false;
      form("recover").querySelector("h2").focus();
    },
    "remove-device": async () => {
      const waiting = await outboxSize();
      const warning = waiting
        ? ` ${format(ngettext("%(count)s change has not reached the server yet and will be lost.", "%(count)s changes have not reached the server yet and will be lost.", waiting), { count: waiting })}`
        : "";
      if (!confirmed(`${gettext("Remove this account and its case files from this device? They stay on the server.")}${warning}`)) return;
      await account.removeFromDevice();
      app.lock();
    },
  };
  return { show, handlers, actions };
}
