"""Every user-visible string goes through gettext, and every bokmål catalogue is complete.

(a) A Norwegian string literal in ``src/`` outside a gettext call fails, one test per package (and one for the
top-level modules: settings, env, cli …). Source strings are English; bokmål belongs in the ``.po`` files. Found by
reading the code with ``ast``: docstrings, comments, migrations, demo data (``demo.py``: names of people and
places), logging calls and the arguments of ``_``,
``gettext*``, ``ngettext*``, ``pgettext*``, ``npgettext*`` and ``gettext_noop`` (Django's, or ``integrering.i18n``'s
for the code without Django) are skipped. "Norwegian" is a heuristic: a word with æ, ø or å, or one of
:data:`NORWEGIAN_WORDS`, in a string that is not a bare identifier (a code, a column header, a URL path). A literal
that must stay as it is (input vocabulary, a file format's column names with spaces) carries the comment
``# i18n: not user text`` on its line.

(b) Every bokmål catalogue (the project's and each app's) has no untranslated or fuzzy entry, and no translation
drops or invents a ``%(name)s`` placeholder (that would raise when the message is formatted).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import polib
import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "integrering"
MARKER = "# i18n: not user text"

GETTEXT_FUNCTIONS = {
    "_",
    "_lazy",
    "gettext",
    "gettext_lazy",
    "gettext_noop",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "npgettext",
    "npgettext_lazy",
}
LOGGING_METHODS = {"debug", "info", "warning", "error", "exception", "critical", "log"}
NORWEGIAN_WORDS = {
    "ikke",
    "ugyldig",
    "kommune",
    "kommunen",
    "kommuner",
    "mangler",
    "finnes",
    "fylke",
    "fylket",
    "eller",
    "og",
    "ingen",
    "minst",
    "skal",
    "ble",
    "fikk",
    "rad",
    "kolonne",
    "kolonnen",
    "filen",
    "verdien",
    "lagret",
    "endret",
    "slettet",
    "deltaker",
    "deltakeren",
    "deltakere",
    "vedtak",
    "saken",
    "ukjent",
    "feil",
    "mappen",
    "velg",
    "skriv",
}
# Words that are not Norwegian: a sentence with one is English (perhaps quoting a Norwegian name).
ENGLISH_WORDS = {"the", "is", "are", "of", "and", "with", "this", "which", "that", "must", "not"}
_WORD = re.compile(r"[^\W\d_]+")
_NORWEGIAN_LETTER = re.compile(r"[æøåÆØÅ]")
_IDENTIFIER = re.compile(r"[a-z0-9_\-/<>:.æøå]*")  # a code, a column header, a URL path, a file name: not a sentence
_MARKUP = re.compile(r"filename=|url\(#")  # a download's file name in a header, an SVG reference
_ADDRESS = re.compile(r"[\w.+-]+@[\w.-]+|https?://\S+")  # an e-mail address or a URL (integrering@fylke.no)


def is_norwegian(text: str) -> bool:
    if _IDENTIFIER.fullmatch(text.strip()) or _MARKUP.search(text):
        return False
    words = _WORD.findall(_ADDRESS.sub(" ", text))
    if any(w.lower() in ENGLISH_WORDS for w in words):
        return False  # an English sentence that quotes a Norwegian name («Trøndelag fylkeskommune»)
    return any(len(w) > 1 and _NORWEGIAN_LETTER.search(w) for w in words) or any(
        w.lower() in NORWEGIAN_WORDS for w in words
    )


def _called_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _is_logging_call(call: ast.Call) -> bool:
    func = call.func
    if not isinstance(func, ast.Attribute) or func.attr not in LOGGING_METHODS:
        return False
    owner = func.value
    name = owner.id if isinstance(owner, ast.Name) else owner.attr if isinstance(owner, ast.Attribute) else ""
    return name in {"logger", "log", "logging", "LOGGER"} or name.endswith("logger")


def _docstrings(tree: ast.AST) -> set[ast.AST]:
    found: set[ast.AST] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(first.value)
    return found


def untranslated_literals(path: Path, root: Path = SRC.parent) -> list[str]:
    """``file:line: text`` for each Norwegian literal outside gettext in one Python file."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    docstrings = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or node in docstrings:
            continue
        if not is_norwegian(node.value):
            continue
        if any(MARKER in lines[n - 1] for n in range(node.lineno, (node.end_lineno or node.lineno) + 1)):
            continue
        ancestor: ast.AST = node
        skipped = False
        while ancestor in parents:
            ancestor = parents[ancestor]
            if isinstance(ancestor, ast.Call) and (
                _called_name(ancestor) in GETTEXT_FUNCTIONS or _is_logging_call(ancestor)
            ):
                skipped = True
                break
        if not skipped:
            found.append(f"{path.relative_to(root)}:{node.lineno}: {node.value[:90]!r}")
    return found


def _python_files(paths: list[Path]) -> list[Path]:
    files = []
    for path in paths:
        candidates = [path] if path.is_file() else sorted(path.rglob("*.py"))
        files += [p for p in candidates if "migrations" not in p.parts and p.name != "demo.py"]
    return files


PACKAGES = sorted(p.name for p in SRC.iterdir() if (p / "__init__.py").is_file())
TOP_LEVEL = sorted(p.name for p in SRC.glob("*.py"))


@pytest.mark.parametrize("package", [*PACKAGES, "top-level modules"])
def test_no_user_visible_literal_bypasses_gettext(package):
    paths = [SRC / name for name in TOP_LEVEL] if package == "top-level modules" else [SRC / package]
    found = [line for path in _python_files(paths) for line in untranslated_literals(path)]
    assert not found, (
        f"{len(found)} Norwegian string literal(s) outside gettext in {package} (write the English source string "
        "in gettext and the bokmål in the .po file):\n" + "\n".join(found)
    )


CATALOGUES = sorted(SRC.glob("**/locale/nb/LC_MESSAGES/django.po"))
_PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]")


def test_there_is_a_project_catalogue_and_one_per_app_that_has_its_own():
    names = {str(p.relative_to(SRC)) for p in CATALOGUES}
    assert "locale/nb/LC_MESSAGES/django.po" in names


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: str(p.relative_to(SRC)))
def test_every_bokmal_entry_is_translated_and_not_fuzzy(catalogue):
    missing = [
        entry.msgid
        for entry in polib.pofile(str(catalogue))
        if not entry.obsolete and (not entry.translated() or "fuzzy" in entry.flags)
    ]
    assert not missing, f"Untranslated or fuzzy in {catalogue.relative_to(SRC)}:\n" + "\n".join(map(repr, missing))


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: str(p.relative_to(SRC)))
def test_every_translation_keeps_the_placeholders(catalogue):
    wrong = []
    for entry in polib.pofile(str(catalogue)):
        if entry.obsolete or not entry.translated():
            continue
        expected = set(_PLACEHOLDER.findall(entry.msgid)) | set(_PLACEHOLDER.findall(entry.msgid_plural or ""))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        wrong += [entry.msgid for text in translations if set(_PLACEHOLDER.findall(text)) != expected]
    assert not wrong, f"Placeholders differ in {catalogue.relative_to(SRC)}:\n" + "\n".join(map(repr, wrong))


@pytest.mark.parametrize(
    ("text", "norwegian"),
    [
        ("Kommunen finnes ikke.", True),
        ("Ugyldig verdi", True),
        ("Trøndelag", True),
        ("The file is empty.", False),
        ("kommunenummer", False),  # a column header
        ("kommuner/", False),  # a URL path
        ("kommuner_2024.csv", False),  # a file name
        ('attachment; filename="deltakere-', False),  # a download's file name
        ("url(#ukjent)", False),  # an SVG reference
        ("The proper name, e.g. «Trøndelag fylkeskommune».", False),  # English quoting a Norwegian name
        ("år", False),  # a placeholder's key
        ("%(name)s must be one e-mail address, e.g. integrering@fylke.no", False),  # an address is not a word
        ("æ", False),  # a single letter (a transliteration table)
    ],
)
def test_the_heuristic_tells_norwegian_from_english_and_identifiers(text, norwegian):
    assert is_norwegian(text) is norwegian


def test_the_check_finds_a_literal_outside_gettext_and_accepts_one_inside(tmp_path):
    module = tmp_path / "probe.py"
    module.write_text(
        "from django.utils.translation import gettext as _\n"
        "A = 'Kommunen finnes ikke.'\n"
        "B = _('The municipality does not exist.')\n"
        "C = _('Kommunen finnes ikke.')  # wrong, but inside gettext: the catalogue test's business\n"
        "def f():\n    '''Docstring: «Kommunen finnes ikke».'''\n"
        "    logger.warning('Kommunen finnes ikke')\n"
        f"D = 'Kommunen finnes ikke.'  {MARKER}\n",
        encoding="utf-8",
    )
    assert untranslated_literals(module, root=tmp_path) == ["probe.py:2: 'Kommunen finnes ikke.'"]
