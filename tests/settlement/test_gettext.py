"""Every user-visible Norwegian text in settlement's Python goes through gettext (English source, bokmål in the
catalogue): a string with æ, ø or å outside a gettext call or a docstring is a literal that bypasses it."""

import ast
import pathlib
import re

import polib

ROOT = pathlib.Path(__file__).resolve().parents[2] / "src" / "integrering" / "settlement"
GETTEXT = {"_", "gettext", "gettext_lazy", "gettext_noop", "ngettext", "ngettext_lazy", "pgettext", "pgettext_lazy"}
NORWEGIAN = re.compile(r"[æøåÆØÅ]")
# Module-level constants that hold a file format's own (Norwegian) vocabulary, matched in files and never shown as
# the application's text: IMDi's categories, units and column header.
FILE_VOCABULARY = {"figures/imdi.py": {"CATEGORIES", "UNITS", "YEAR_HEADER"}}


def _vocabulary(tree: ast.AST, names: set[str]) -> set[int]:
    """The ids of the constants assigned at module level to one of ``names``."""
    return {
        id(constant)
        for node in getattr(tree, "body", [])
        if isinstance(node, ast.Assign) and any(getattr(target, "id", None) in names for target in node.targets)
        for constant in ast.walk(node.value)
    }


def _offenders(tree: ast.AST, vocabulary: set[str] = frozenset()) -> list[int]:
    allowed = _vocabulary(tree, vocabulary)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    inside_gettext = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) in GETTEXT:
            inside_gettext |= {id(arg) for arg in ast.walk(node)}
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and NORWEGIAN.search(node.value)
        and id(node) not in docstrings
        and id(node) not in inside_gettext
        and id(node) not in allowed
    ]


def test_no_norwegian_literal_bypasses_gettext():
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        name = str(path.relative_to(ROOT))
        found += [
            f"{name}:{line}" for line in _offenders(ast.parse(path.read_text()), FILE_VOCABULARY.get(name, set()))
        ]
    assert found == []


def test_the_bokmal_catalogue_has_no_untranslated_or_fuzzy_entry():
    catalogue = polib.pofile(str(ROOT / "locale" / "nb" / "LC_MESSAGES" / "django.po"))
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []
