/**
 * The scripts' translations. Every string a person sees or hears goes through these, so another
 * interface language needs a catalog, not a rewrite.
 *
 * They delegate to Django's JavaScriptCatalog (/jsi18n/<language>.js, a classic script that base.html
 * loads before main.js). Without it (node --test, or a page that failed to load it) they give the
 * English back unchanged, with English plural rules.
 *
 * `manage.py makemessages -d djangojs` finds the strings by these names: call them by name, with
 * literal strings, never through an alias.
 */

/* Read at each call, not at import: the catalog may be set up after a module is first evaluated (a test's fake one). */
function catalog() {
  return globalThis.django;
}

/** @param {string} text */
export function gettext(text) {
  const django = catalog();
  return django?.gettext ? django.gettext(text) : text;
}

/**
 * @param {string} singular
 * @param {string} plural
 * @param {number} count
 */
export function ngettext(singular, plural, count) {
  const django = catalog();
  if (django?.ngettext) return django.ngettext(singular, plural, count);
  return count === 1 ? singular : plural;
}

/**
 * Fill named placeholders, `%(name)s`, so a translation can put them in another order.
 * A placeholder with no value is left as it is, so a mistake shows rather than vanishing.
 * @param {string} text
 * @param {Record<string, unknown>} values
 */
export function format(text, values) {
  return text.replace(/%\((\w+)\)s/g, (placeholder, name) => (Object.hasOwn(values, name) ? String(values[name]) : placeholder));
}
