/**
 * An encrypted backup of every case file on this account, and restoring one into any account.
 *
 * The backup is a ZIP (backup.json + the original files) encrypted with a key derived from a
 * passphrase chosen for the backup (PBKDF2-SHA256, 600,000 iterations, random salt):
 *   "FALSEOS-BACKUP-1\n" + salt (16 bytes) + AES-256-GCM box
 * Restoring makes new case files with new ids and new keys, so a backup can go into a new account.
 */
import { format, gettext } from "../i18n.js";
import { copyItems, createCaseFile, listCaseFiles, openCaseFile } from "./casefiles.js";
import { backupKey, openBox, randomBytes, sealBox } from "./crypto.js";
import { addFile, readFile } from "./files.js";
import { KIND } from "./kinds.js";

const MAGIC = new TextEncoder().encode("FALSEOS-BACKUP-1\n");
const SALT_BYTES = 16;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class BackupProblem extends Error {}

async function fflate() {
  return import("../vendor/fflate-0.8.2.js");
}

/**
 * Every case file, decrypted, with every file's original bytes, encrypted under the backup passphrase.
 * @returns {Promise<Uint8Array>}
 */
export async function createBackup(passphrase) {
  const contents = {};
  const caseFiles = [];
  for (const { id } of await listCaseFiles()) {
    const file = await openCaseFile(id);
    for (const item of file.items.filter((entry) => entry.kind === KIND.evidence)) {
      for (const meta of item.files || []) {
        contents[`files/${meta.id}`] = [new Uint8Array(await (await readFile(id, meta)).arrayBuffer()), { level: 0 }];
      }
    }
    caseFiles.push({ id, items: file.items.map(({ pending, ...item }) => item) });
  }
  contents["backup.json"] = encoder.encode(JSON.stringify({ format: "falseos-backup", version: 1, created: new Date().toISOString(), caseFiles }));
  const { zipSync } = await fflate();
  const salt = randomBytes(SALT_BYTES);
  const box = await sealBox(await backupKey(passphrase, salt), zipSync(contents, { level: 6 }));
  const out = new Uint8Array(MAGIC.length + SALT_BYTES + box.length);
  out.set(MAGIC);
  out.set(salt, MAGIC.length);
  out.set(box, MAGIC.length + SALT_BYTES);
  return out;
}

async function readBackup(bytes, passphrase) {
  const magic = bytes.slice(0, MAGIC.length);
  if (magic.length !== MAGIC.length || magic.some((byte, i) => byte !== MAGIC[i])) throw new BackupProblem(gettext("This is not a FalseOS backup file."));
  const salt = bytes.slice(MAGIC.length, MAGIC.length + SALT_BYTES);
  let zip;
  try {
    zip = await openBox(await backupKey(passphrase, salt), bytes.slice(MAGIC.length + SALT_BYTES));
  } catch {
    throw new BackupProblem(gettext("That passphrase does not open this backup, or the file is damaged."));
  }
  const { unzipSync } = await fflate();
  const contents = unzipSync(zip);
  const backup = JSON.parse(decoder.decode(contents["backup.json"]));
  if (backup.format !== "falseos-backup" || backup.version !== 1) throw new BackupProblem(gettext("This backup was made by a newer version of FalseOS."));
  return { backup, contents };
}

/**
 * Restore every case file of a backup as new case files of this account. Returns how many.
 * @param {Uint8Array} bytes the backup file
 */
export async function restoreBackup(bytes, passphrase) {
  const { backup, contents } = await readBackup(bytes, passphrase);
  for (const caseFile of backup.caseFiles) {
    const details = caseFile.items.find((item) => item.kind === KIND.details) || { title: gettext("Restored case file"), notes: "" };
    const id = await createCaseFile({ title: details.title, notes: details.notes });
    await copyItems(id, caseFile.items, async (item) => {
      const files = [];
      for (const meta of item.files || []) {
        const data = contents[`files/${meta.id}`];
        if (!data) throw new BackupProblem(format(gettext("The backup is missing the file “%(name)s”."), { name: meta.name }));
        const restored = await addFile(id, new File([data], meta.name, { type: meta.type, lastModified: Date.parse(meta.modified) || Date.now() }), Infinity);
        files.push({ ...restored, modified: meta.modified, receipt: meta.receipt }); // same bytes, so the receipt still holds
      }
      return files;
    });
  }
  return backup.caseFiles.length;
}
