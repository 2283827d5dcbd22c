"""The Welsh catalogs (locale/cy/LC_MESSAGES) stay complete: every string the templates, the Python and the scripts
mark for translation is there, translated, not fuzzy, with the placeholders and tags of the English.

A string added to a template or a script without a Welsh translation fails here, so a Welsh reader never meets
English in the middle of a Welsh page. To fix it, run makemessages for `cy` in both domains (the README's
translation section), translate the new entries, and add any new term to locale/cy/GLOSSARY.md.
"""

import os
import re
import shutil
from pathlib import Path

import django
import polib
import pytest
from django.conf import settings

from tests.messages import make_messages

LOCALE = Path(settings.BASE_DIR) / "locale" / "cy" / "LC_MESSAGES"
DOMAINS = ["django", "djangojs"]
# Django's own Welsh catalog: ours must count plurals the same way, or Django and the JS catalog disagree.
DJANGO_CY = Path(django.__file__).parent / "conf" / "locale" / "cy" / "LC_MESSAGES" / "django.po"

# Printf and brace placeholders, HTML tags and entities: a translation keeps every one (it may move them).
PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif%]|\{\w*\}|</?[a-zA-Z][^>]*>|&#?\w+;")


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def _key(entry: polib.POEntry) -> tuple[str, str, str]:
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def problems(catalog: polib.POFile) -> list[str]:
    """Every entry of a catalog that a Welsh reader would see wrong: empty, fuzzy, or with other placeholders."""
    found = []
    for entry in catalog:
        if entry.obsolete:
            continue
        name = entry.msgid[:60]
        if "fuzzy" in entry.flags:
            found.append(f"fuzzy: {name!r}")
        if entry.msgid_plural:
            forms = [entry.msgstr_plural.get(i, "") for i in range(max(len(entry.msgstr_plural), 1))]
            if not all(form.strip() for form in forms):
                found.append(f"a plural form is empty: {name!r}")
            for index, form in enumerate(forms):
                # Form 0 is for exactly one (n == 1): it may follow the English singular, like "One entry".
                english = [entry.msgid_plural, entry.msgid] if index == 0 else [entry.msgid_plural]
                if form.strip() and set(_placeholders(form)) not in [set(_placeholders(text)) for text in english]:
                    found.append(f"plural form {index} has other placeholders than the English: {name!r}")
        elif not entry.msgstr.strip():
            found.append(f"not translated: {name!r}")
        elif _placeholders(entry.msgstr) != _placeholders(entry.msgid):
            found.append(f"other placeholders than the English: {name!r}")
    return found


@pytest.fixture(scope="module")
def catalogs() -> dict[str, polib.POFile]:
    return {domain: polib.pofile(str(LOCALE / f"{domain}.po")) for domain in DOMAINS}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[str, set[tuple[str, str, str]]]:
    """The msgids a fresh makemessages finds today (on a copy of the project: the catalogs are not touched)."""
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        if os.environ.get("CI"):
            pytest.fail("GNU gettext is not installed: .ci/run installs it from the distribution's packages")
        pytest.skip("GNU gettext is not installed (apt-get install gettext)")
    root = tmp_path_factory.mktemp("makemessages")
    found = {}
    for domain in DOMAINS:
        fresh = polib.pofile(str(make_messages(root, domain)))
        found[domain] = {_key(entry) for entry in fresh if not entry.obsolete}
    return found


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_welsh_entry_is_translated_with_the_same_placeholders(catalogs, domain):
    found = problems(catalogs[domain])
    assert not found, f"locale/cy/LC_MESSAGES/{domain}.po:\n" + "\n".join(found)


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_string_marked_for_translation_is_in_the_welsh_catalog(catalogs, extracted, domain):
    committed = {_key(entry) for entry in catalogs[domain] if not entry.obsolete}
    missing = sorted(extracted[domain] - committed)
    assert not missing, (
        f"{len(missing)} string(s) are marked for translation but not in locale/cy/LC_MESSAGES/{domain}.po "
        f"(run makemessages -l cy and translate them): {[msgid[:60] for _, msgid, _ in missing]}"
    )


@pytest.mark.parametrize("domain", DOMAINS)
def test_the_welsh_catalogs_count_plurals_as_django_does(catalogs, domain):
    django_rule = polib.pofile(str(DJANGO_CY)).metadata["Plural-Forms"]
    header = catalogs[domain].metadata
    assert header["Plural-Forms"].replace(" ", "") == django_rule.replace(" ", "")
    assert header["Language"] == "cy"
    assert "charset=UTF-8" in header["Content-Type"]
    assert not catalogs[domain].metadata_is_fuzzy


def test_it_finds_an_untranslated_a_fuzzy_and_a_mistranslated_entry():
    catalog = polib.pofile(
        """
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Case file"
msgstr ""

#, fuzzy
msgid "Evidence"
msgstr "Tystiolaeth"

msgid "Go to %(name)s"
msgstr "Mynd i %(enw)s"

msgid "Read the <a href=\\"%(url)s\\">guide</a>."
msgstr "Darllenwch y canllaw."

msgid "%(count)s entry"
msgid_plural "%(count)s entries"
msgstr[0] "%(count)s cofnod"
msgstr[1] ""
msgstr[2] "%(count)s cofnod"
msgstr[3] "cofnodion"
"""
    )
    assert problems(catalog) == [
        "not translated: 'Case file'",
        "fuzzy: 'Evidence'",
        "other placeholders than the English: 'Go to %(name)s'",
        "other placeholders than the English: 'Read the <a href=\"%(url)s\">guide</a>.'",
        "a plural form is empty: '%(count)s entry'",
        "plural form 3 has other placeholders than the English: '%(count)s entry'",
    ]


def test_it_passes_a_translation_that_moves_its_placeholders():
    catalog = polib.pofile(
        """
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Step %(n)s: %(title)s"
msgstr "%(title)s (cam %(n)s)"

msgid "I want to report {offences}."
msgstr "Rwyf am roi gwybod am {offences}."
"""
    )
    assert problems(catalog) == []
