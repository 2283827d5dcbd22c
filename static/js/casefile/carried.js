/**
 * What a guide page handed over for the case file (carry.js): taken from the tab once, when the
 * page loads, and kept in memory only until a form uses it or the app locks.
 */
import { takeCarried } from "../carry.js";
import { KIND } from "./kinds.js";
import { casePath } from "./router.js";
import { onLock } from "./session.js";

let carried = takeCarried();
onLock(() => {
  carried = null;
});

/** The form each carried kind opens, inside a case file. */
const FORMS = { [KIND.reference]: "references", [KIND.diary]: "diary" };

export const isCarrying = () => Boolean(carried && FORMS[carried.kind]);

/** The route to the form that takes what was carried, in this case file; null if nothing is waiting. */
export const carriedRoute = (caseFileId) => (isCarrying() ? casePath(caseFileId, FORMS[carried.kind], "new") : null);

/** What was carried, for a form of this kind, once; null otherwise. */
export function takeCarriedFor(kind) {
  if (!carried || carried.kind !== kind) return null;
  const value = carried;
  carried = null;
  return value;
}
