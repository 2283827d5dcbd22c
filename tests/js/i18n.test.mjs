// The scripts' translations (static/js/i18n.js): Django's catalog when the page has it, English when not.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";

import { format, gettext, ngettext } from "../../static/js/i18n.js";

afterEach(() => {
  delete globalThis.django;
});

test("without a catalog a string comes back unchanged", () => {
  assert.equal(gettext("Saved on this device"), "Saved on this device");
});

test("without a catalog plurals follow English: one is singular, anything else plural", () => {
  assert.equal(ngettext("%(count)s entry", "%(count)s entries", 1), "%(count)s entry");
  assert.equal(ngettext("%(count)s entry", "%(count)s entries", 0), "%(count)s entries");
  assert.equal(ngettext("%(count)s entry", "%(count)s entries", 2), "%(count)s entries");
});

test("named placeholders are filled in any order, and a missing one stays visible", () => {
  assert.equal(format("%(count)s of %(total)s", { total: 5, count: 2 }), "2 of 5");
  assert.equal(format("%(total)s, then %(count)s, then %(total)s", { total: 5, count: 2 }), "5, then 2, then 5");
  assert.equal(format("Hello %(name)s", {}), "Hello %(name)s");
  assert.equal(format("100%", { name: "x" }), "100%");
});

test("with a catalog the strings are its own, read at each call", () => {
  globalThis.django = {
    gettext: (text) => `cy:${text}`,
    ngettext: (singular, plural, count) => `cy:${count === 2 ? singular : plural}`,
  };
  assert.equal(gettext("Saved on this device"), "cy:Saved on this device");
  assert.equal(ngettext("one", "many", 2), "cy:one");
});
