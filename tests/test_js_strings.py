"""Every user-facing string in static/js goes through gettext (static/js/i18n.js), so a new interface
language needs a catalog, not a rewrite. This finds plain English where the scripts show or say it.

A heuristic, not a parser: it looks for literals at the places people see or hear them (textContent,
`text:` and `aria-label` of an element, confirm questions, form errors, the errors the forms show), and
for anything that reads like a sentence, once the gettext calls and comments are taken out.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

JS = Path(settings.BASE_DIR) / "static" / "js"

# Third-party code, and the service worker (it shows nothing: pages say what it did).
NOT_CHECKED = {"serviceworker.js"}
# Not for a person to read, though it looks like English: caught before anyone sees it.
DEVELOPER_TEXT = {
    ("casefile/files.js", "This file's id is already in use on the server."),
}

LITERAL = r"""(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`)"""
TRANSLATED = re.compile(rf"\bn?gettext\(\s*{LITERAL}(?:\s*,\s*{LITERAL})?")
# A plain Error is a developer's message (limits.js names source files): one a person sees is translated where
# it is thrown, or is one of the case file's own kinds (AccountError, FileProblem, LinkProblem) checked below.
DEVELOPER_CALL = re.compile(rf"(?:\bnew Error|\bconsole\.\w+)\(\s*{LITERAL}")
BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
LINE_COMMENT = re.compile(r"(?<![:\\])//.*")

# Where a literal is shown or read out. The last kinds also take machine words (a field's name, a route),
# so there only words with a space between them count.
SINKS = [
    (re.compile(rf"\.(?:textContent|innerText|placeholder|title)\s*=\s*(?:[^;\n]*\?\s*)?({LITERAL})"), False),
    (re.compile(rf"""(?:\btext|"aria-label"|\bquestion|\bdetail|\bdescription)\s*:\s*({LITERAL})"""), False),
    (re.compile(rf"""setAttribute\(\s*["']aria-label["']\s*,\s*({LITERAL})"""), False),
    (re.compile(rf"\bconfirm(?:ed)?\(\s*({LITERAL})"), False),
    (re.compile(rf"\berrors(?:\.\w+|\[[^\]]+\])\s*=\s*({LITERAL})"), False),
    (re.compile(rf"""\breturn\s*\{{\s*(?:\w+|"[\w-]+")\s*:\s*({LITERAL})"""), True),
    (re.compile(rf"\bnew\s+\w*(?:Problem|AccountError)\((?:[^()]*?,\s*)?({LITERAL})\s*\)"), True),
    (re.compile(rf"\b(?:saved|say|showMessage|remove)\(\s*(?:[^,()]+,\s*)?({LITERAL})"), True),
]
# Anything else that reads like English: a capital, then more words.
SENTENCE = re.compile(r"[A-Z][a-z’']* \S")


def _scripts() -> list[str]:
    names = sorted(path.relative_to(JS).as_posix() for path in JS.rglob("*.js") if "vendor" not in path.parts)
    return [name for name in names if name not in NOT_CHECKED]


def _without_translations(source: str) -> str:
    source = BLOCK_COMMENT.sub("", source)
    source = TRANSLATED.sub("gettext()", source)
    source = DEVELOPER_CALL.sub("developer(", source)
    return "\n".join(LINE_COMMENT.sub("", line) for line in source.splitlines())


def _words(literal: str) -> str:
    return re.sub(r"\$\{[^}]*\}", "", literal[1:-1]).strip()


def plain_strings(name: str, source: str) -> list[str]:
    """The user-facing literals in one script that do not go through gettext."""
    code = _without_translations(source)
    found = []
    for sink, words_only in SINKS:
        for match in sink.finditer(code):
            words = _words(match.group(1))
            if re.search(r"[A-Za-z]{2}", words) and (not words_only or " " in words):
                found.append(match.group(1))
    found += [literal for literal in re.findall(LITERAL, code) if SENTENCE.match(_words(literal))]
    allowed = {text for script, text in DEVELOPER_TEXT if script == name}
    return sorted({text for text in found if _words(text) not in allowed})


@pytest.mark.parametrize("name", _scripts())
def test_every_user_facing_string_goes_through_gettext(name):
    problems = plain_strings(name, (JS / name).read_text(encoding="utf-8"))
    assert not problems, f"{name}: wrap these in gettext() from static/js/i18n.js: {problems}"


def test_it_finds_plain_strings_at_each_kind_of_place():
    source = """
      status.textContent = "Saved on this device";
      h("p", { text: `Hello ${name}` });
      h("button", { "aria-label": "Delete the entry" });
      if (!confirmed("Delete this?")) return;
      errors.what = "Describe what happened.";
      return { title: "Give the case file a title." };
      throw new AccountError("form", "You need a connection.");
      await app.saved("The diary entry was saved.", hash);
      const note = "Something people read on screen";
    """
    assert len(plain_strings("example.js", source)) == 9


def test_it_passes_translated_strings_and_machine_words():
    source = """
      // A comment: "Not for anyone to read"
      status.textContent = gettext("Saved on this device");
      h("p", { text: format(ngettext("%(count)s entry", "%(count)s entries", n), { count: n }) });
      h("button", { type: "button", class: "fo-button", text: name });
      errors["display-name"] = gettext("Enter the name.");
      element.dataset.state = "synced";
      const LABEL = encoder.encode("falseos vault key v1");
      status.textContent = "";
    """
    assert plain_strings("example.js", source) == []
