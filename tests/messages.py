"""makemessages on a copy of the project, so a test never rewrites the committed catalogs in locale/.

Run in the project itself, makemessages writes into its locale/ whatever LOCALE_PATHS says (a file's catalog is the
nearest locale/ above it), so the copy has the sources, the tests and the vendored scripts, and no locale/ of its own:
the Makefile's ignore patterns still have something to leave out.
"""

import shutil
from contextlib import chdir
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

# What makemessages reads: templates, Python and plain text for the django domain; scripts for djangojs.
SOURCE_SUFFIXES = {".py", ".html", ".txt", ".js"}
NOT_COPIED = {"locale", "staticfiles", "node_modules", "media", "test-results", "__pycache__"}
# The Makefile's MESSAGES_IGNORE (.venv is a dot folder, never copied).
IGNORE = ["static/js/vendor", "staticfiles", "node_modules", "tests"]


def _not_source(directory: str, names: list[str]) -> list[str]:
    return [
        name
        for name in names
        if name in NOT_COPIED
        or name.startswith(".")
        or (Path(directory, name).is_file() and Path(name).suffix not in SOURCE_SUFFIXES)
    ]


def make_messages(root: Path, domain: str, locale: str = "cy") -> Path:
    """Copy the project into root (once), run makemessages there for one domain and language; the new .po file."""
    project = Path(settings.BASE_DIR)
    if not (root / "manage.py").exists():
        for item in project.iterdir():
            if item.name in _not_source(str(project), [item.name]):
                continue
            if item.is_dir():
                shutil.copytree(item, root / item.name, ignore=_not_source)
            else:
                shutil.copy2(item, root / item.name)
    with chdir(root), override_settings(LOCALE_PATHS=[root / "locale"]):
        call_command("makemessages", domain=domain, locale=[locale], ignore_patterns=IGNORE, verbosity=0)
    return root / "locale" / locale / "LC_MESSAGES" / f"{domain}.po"
