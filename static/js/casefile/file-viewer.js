/**
 * Decrypted evidence files shown or saved on this device. Each becomes an object URL, which is
 * revoked when the app locks, so a locked page holds no way back to the plaintext.
 */
import { ApiError } from "./api.js";
import { h } from "./dom.js";
import { FileProblem, readFile } from "./files.js";
import { onLock } from "./session.js";
import { format, gettext } from "../i18n.js";

const objectUrls = [];

export function objectUrl(blob) {
  const url = URL.createObjectURL(blob);
  objectUrls.push(url);
  return url;
}

export function forgetObjectUrls() {
  for (const url of objectUrls.splice(0)) URL.revokeObjectURL(url);
}
onLock(forgetObjectUrls);

/** Save a blob through the browser's downloads. */
export function download(blob, name) {
  const link = h("a", { href: objectUrl(blob), download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
}

/** A file's plaintext; offline and not on this device, a FileProblem that says so. */
export async function decrypted(collectionId, meta) {
  try {
    return await readFile(collectionId, meta);
  } catch (error) {
    if (error instanceof ApiError && error.isOffline) throw new FileProblem(format(gettext("“%(name)s” is not on this device yet. Connect to the internet to download it."), { name: meta.name }));
    throw error;
  }
}

/** Show a file inside `container`: a picture, a player, or a link to open it. */
export async function showFile(collectionId, meta, container) {
  try {
    const url = objectUrl(await decrypted(collectionId, meta));
    const kind = meta.type.split("/")[0];
    const shown =
      kind === "image" ? h("img", { src: url, alt: meta.name, class: "fo-evidence__image" })
      : kind === "audio" ? h("audio", { src: url, controls: true, "aria-label": meta.name })
      : kind === "video" ? h("video", { src: url, controls: true, "aria-label": meta.name, class: "fo-evidence__image" })
      : h("a", { href: url, download: meta.name, text: format(gettext("Open %(name)s"), { name: meta.name }) });
    container.replaceChildren(shown);
  } catch (error) {
    if (!(error instanceof FileProblem || error instanceof ApiError)) throw error;
    container.replaceChildren(h("p", { class: "fo-error-message", role: "alert", text: error.message }));
  }
}

/** Save a copy of a file; a problem is handed to `say`. */
export async function saveCopy(collectionId, meta, say) {
  try {
    download(await decrypted(collectionId, meta), meta.name);
  } catch (error) {
    if (!(error instanceof FileProblem || error instanceof ApiError)) throw error;
    say(error.message);
  }
}
