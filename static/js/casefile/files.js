/**
 * Evidence files. On adding, the device takes the file's SHA-256 (of the original bytes),
 * encrypts it with a new key and keeps the ciphertext in IndexedDB; the uploader sends it to
 * the server in chunks that resume where they stopped. Opening a file decrypts it here and
 * checks the hash again.
 */
import { ApiError, get, getBytes, post, putBytes, remove as apiRemove } from "./api.js";
import { decryptFile, encryptFile, sha256Hex } from "./crypto.js";
import { adoptServerLimit, limit } from "./limits.js";
import { all, allWhere, get as getOne, put, remove, transact } from "./store.js";
import { format, gettext, ngettext } from "../i18n.js";

export class FileProblem extends Error {}

export function formatBytes(bytes) {
  if (bytes < 1024) return format(ngettext("%(count)s byte", "%(count)s bytes", bytes), { count: bytes });
  if (bytes < 1024 * 1024) return format(gettext("%(size)s KB"), { size: Math.round(bytes / 1024) });
  return format(gettext("%(size)s MB"), { size: (bytes / (1024 * 1024)).toFixed(1) });
}

/**
 * The chunk size to use after the server refused a chunk, or null if the refusal was not about size.
 * The server names its BLOB_CHUNK_BYTES (`largest`): this page, saved for offline use, may carry an older one.
 * @param {number} chunkBytes what was sent  @param {unknown} error
 */
export function chunkAfterRefusal(chunkBytes, error) {
  if (!(error instanceof ApiError) || error.status !== 413) return null;
  const largest = error.body.largest;
  return Number.isInteger(largest) && largest > 0 && largest < chunkBytes ? largest : null;
}

/**
 * Hash, encrypt and keep a file on this device. Returns what the evidence record holds about it.
 * @param {string} collectionId
 * @param {File} file
 * @param {number} [maxBytes] the server's FILE_MAX_BYTES unless given
 */
export async function addFile(collectionId, file, maxBytes = limit("fileMaxBytes")) {
  if (file.size > maxBytes) {
    throw new FileProblem(
      format(gettext("“%(name)s” is too big (%(size)s). The largest file you can add is %(largest)s."), {
        name: file.name,
        size: formatBytes(file.size),
        largest: formatBytes(maxBytes),
      }),
    );
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const id = crypto.randomUUID();
  const [sha256, sealed] = await Promise.all([sha256Hex(bytes), encryptFile(bytes, id)]);
  await transact(["files", "fileData"], "readwrite", async ({ files, fileData }) => {
    await put(fileData, sealed.ciphertext, id);
    await put(files, { id, collectionId, size: sealed.ciphertext.length, received: 0, uploaded: 0, addedHere: true });
  });
  return {
    id,
    name: file.name,
    type: file.type || "application/octet-stream",
    size: file.size,
    sha256,
    key: sealed.key,
    modified: file.lastModified ? new Date(file.lastModified).toISOString() : "",
    receipt: null,
  };
}

/** The original bytes of a file, from this device or the server; checked against the hash taken when it was added. */
export async function readFile(collectionId, meta) {
  let ciphertext = await transact(["fileData"], "readonly", ({ fileData }) => getOne(fileData, meta.id));
  if (!ciphertext) {
    ciphertext = await getBytes(`blobs/${meta.id}/content/`);
    await transact(["files", "fileData"], "readwrite", async ({ files, fileData }) => {
      await put(fileData, ciphertext, meta.id);
      await put(files, { id: meta.id, collectionId, size: ciphertext.length, received: ciphertext.length, uploaded: 1 });
    });
  }
  const bytes = await decryptFile(meta.key, meta.id, new Uint8Array(ciphertext));
  if ((await sha256Hex(bytes)) !== meta.sha256) throw new FileProblem(format(gettext("“%(name)s” does not match its fingerprint. It may be damaged."), { name: meta.name }));
  return new Blob([bytes], { type: meta.type });
}

/** Someone else's file has this id on the server: this one must be sealed again under a new id. */
export class FileIdTaken extends Error {
  constructor(stored) {
    super("This file's id is already in use on the server.");
    this.stored = stored;
  }
}

async function startUpload(stored, size) {
  try {
    return await post(`collections/${stored.collectionId}/blobs/`, { id: stored.id, size });
  } catch (error) {
    // 404 for a case file this device has on the server: the id is someone else's. Renamed once at most.
    if (error instanceof ApiError && error.status === 404 && !stored.renamed) throw new FileIdTaken(stored);
    throw error;
  }
}

async function uploadOne(stored, onProgress) {
  const ciphertext = new Uint8Array(await transact(["fileData"], "readonly", ({ fileData }) => getOne(fileData, stored.id)));
  let received = stored.received;
  let chunkBytes = limit("blobChunkBytes");
  if (received === 0) received = (await startUpload(stored, ciphertext.length)).received;
  while (received < ciphertext.length) {
    onProgress(stored.id, received / ciphertext.length);
    try {
      ({ received } = await putBytes(`blobs/${stored.id}/content/?offset=${received}`, ciphertext.slice(received, received + chunkBytes)));
    } catch (error) {
      const smaller = chunkAfterRefusal(chunkBytes, error);
      if (smaller) {
        chunkBytes = smaller;
        adoptServerLimit("blobChunkBytes", smaller);
        continue;
      }
      if (!(error instanceof ApiError) || error.status !== 409 || typeof error.body.received !== "number") throw error;
      received = error.body.received; // the server has a different amount: carry on from there
    }
    await transact(["files"], "readwrite", async ({ files }) => put(files, { ...(await getOne(files, stored.id)), received }));
  }
  await transact(["files"], "readwrite", async ({ files }) => put(files, { ...(await getOne(files, stored.id)), received, uploaded: 1 }));
  onProgress(stored.id, 1);
}

/**
 * Seal a file again under a new id (its own was taken on the server). Returns what the evidence
 * record must now hold about it: the new id and key; the fingerprint and receipt stay, as the bytes do.
 */
export async function renameFile(stored, meta) {
  const ciphertext = await transact(["fileData"], "readonly", ({ fileData }) => getOne(fileData, stored.id));
  const bytes = await decryptFile(meta.key, meta.id, new Uint8Array(ciphertext));
  const id = crypto.randomUUID();
  const sealed = await encryptFile(bytes, id);
  await transact(["files", "fileData"], "readwrite", async ({ files, fileData }) => {
    await put(fileData, sealed.ciphertext, id);
    await put(files, { id, collectionId: stored.collectionId, size: sealed.ciphertext.length, received: 0, uploaded: 0, addedHere: stored.addedHere, renamed: true });
    await remove(files, stored.id);
    await remove(fileData, stored.id);
  });
  return { ...meta, id, key: sealed.key };
}

/** Upload every file not yet on the server, and delete from the server the files of deleted evidence. */
export async function syncFiles(onProgress = () => {}) {
  const waiting = await transact(["files"], "readonly", ({ files }) => allWhere(files, "uploaded", 0));
  for (const stored of waiting) {
    if (stored.deleted) {
      await apiRemove(`blobs/${stored.id}/`).catch((error) => {
        if (!(error instanceof ApiError) || error.status !== 404) throw error;
      });
      await transact(["files", "fileData"], "readwrite", async ({ files, fileData }) => {
        await remove(files, stored.id);
        await remove(fileData, stored.id);
      });
    } else {
      await uploadOne(stored, onProgress);
    }
  }
}

/** Forget a file here, and on the server at the next sync. */
export async function discardFile(id) {
  await transact(["files", "fileData"], "readwrite", async ({ files, fileData }) => {
    await remove(fileData, id);
    await put(files, { id, deleted: true, uploaded: 0 });
  });
}

/** Bring back a deleted evidence file: cancel a deletion still waiting here, and undo one the server has. */
export async function restoreFile(id) {
  const pending = await transact(["files"], "readonly", ({ files }) => getOne(files, id));
  if (pending?.deleted) await transact(["files"], "readwrite", ({ files }) => remove(files, id));
  await post(`blobs/${id}/restore/`).catch((error) => {
    if (!(error instanceof ApiError) || error.status !== 404) throw error; // never deleted on the server
  });
}

/** How much of each file has reached the server: id -> fraction (1 when uploaded). */
export async function uploadState() {
  const states = await transact(["files"], "readonly", ({ files }) => all(files));
  return new Map(states.filter((f) => !f.deleted).map((f) => [f.id, f.uploaded ? 1 : f.received / f.size]));
}

/** Ids of the files added on this device: this device asks for their receipts. */
export async function filesAddedHere() {
  const states = await transact(["files"], "readonly", ({ files }) => all(files));
  return new Set(states.filter((f) => f.addedHere && !f.deleted).map((f) => f.id));
}

/** Ask the server to sign a file's hash with the time: proof it existed, unchanged, then. */
export async function requestReceipt(sha256) {
  return post("receipts/", { sha256 });
}
