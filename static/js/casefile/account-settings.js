/** Account and security settings: idle lock, signed-in devices, passphrase, backup, restore, deleting the account. */
import * as account from "./account.js";
import { BackupProblem, createBackup, restoreBackup } from "./backup.js";
import { initDevices } from "./devices.js";
import { confirmed } from "./dom.js";
import { download } from "./file-viewer.js";
import { FileProblem } from "./files.js";
import { showRecoveryCode } from "./recovery-code.js";
import { format, gettext, ngettext } from "../i18n.js";

export const IDLE_KEY = "falseos-idle-lock-seconds";

/**
 * @param {HTMLElement} root the case-file app
 * @param {object} app see ui.js: showView(name), go(hash), saved(text, hash), resetIdleTimer(), restored(), accountDeleted()
 */
export function initAccountSettings(root, app) {
  const $ = (selector) => root.querySelector(selector);
  const form = (name) => $(`[data-form="${name}"]`);
  const devices = initDevices($("[data-devices]"));

  const handlers = {
    idle: async ({ seconds }) => {
      localStorage.setItem(IDLE_KEY, seconds);
      app.resetIdleTimer();
      await app.saved(gettext("The automatic lock was changed."), "#/settings");
    },
    passphrase: async ({ current, passphrase, confirm, "sign-out-others": signOutOthers }) => {
      if (passphrase !== confirm) return { "confirm-new-passphrase": gettext("The two passphrases are different. Type them again.") };
      await account.changePassphrase(current, passphrase, { signOutOthers: Boolean(signOutOthers) });
      form("passphrase").reset();
      await app.saved(gettext("Your passphrase was changed. Use the new one from now on."), "#/");
    },
    "new-recovery-code": async ({ passphrase }) => {
      const code = await account.replaceRecoveryCode(passphrase);
      form("new-recovery-code").reset();
      showRecoveryCode($('[data-view="recovery-code"]'), code, { replaced: true });
      app.showView("recovery-code");
    },
    backup: async ({ passphrase }) => {
      const problem = await account.passphraseProblem(passphrase);
      if (problem) return { "backup-passphrase": problem };
      const status = $("[data-backup-status]");
      status.textContent = gettext("Making the backup…");
      try {
        const bytes = await createBackup(passphrase);
        download(new Blob([bytes], { type: "application/octet-stream" }), `falseos-backup-${new Date().toISOString().slice(0, 10)}.falseos-backup`);
      } catch (error) {
        status.textContent = "";
        if (error instanceof FileProblem) return { form: error.message };
        throw error;
      }
      form("backup").reset();
      status.textContent = gettext("Your backup is ready. Check your downloads.");
    },
    restore: async ({ file: chosen, passphrase }) => {
      const errors = {};
      if (!chosen || !chosen.size) errors["restore-file"] = gettext("Choose the backup file.");
      if (!passphrase) errors["restore-passphrase"] = gettext("Enter the backup file's passphrase.");
      if (Object.keys(errors).length) return errors;
      const status = $("[data-restore-status]");
      status.textContent = gettext("Restoring…");
      try {
        const count = await restoreBackup(new Uint8Array(await chosen.arrayBuffer()), passphrase);
        status.textContent = format(ngettext("Restored %(count)s case file.", "Restored %(count)s case files.", count), { count });
        form("restore").reset();
        app.restored();
      } catch (error) {
        status.textContent = "";
        if (error instanceof BackupProblem) return { "restore-file": error.message };
        throw error;
      }
    },
    "delete-account": async ({ passphrase }) => {
      if (!passphrase) return { "delete-passphrase": gettext("Enter your passphrase to confirm.") };
      if (!confirmed(gettext("Delete your account and every case file in it? This cannot be undone."))) return;
      await account.deleteAccount(passphrase);
      await app.accountDeleted();
    },
  };

  return {
    handlers,
    show() {
      form("idle").elements.seconds.value = localStorage.getItem(IDLE_KEY) || root.dataset.idleLockSeconds;
      app.showView("settings");
      devices.load();
    },
    forget: devices.forget,
  };
}
