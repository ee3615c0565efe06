"""Every user-visible text in the guidance app's Python goes through gettext (English source, bokmål from the
catalogue), and the guidance catalogue has no untranslated or fuzzy entry."""

import ast
from pathlib import Path

import polib

APP = Path(__file__).resolve().parents[2] / "src" / "integrering" / "guidance"
GETTEXT = {"_", "gettext", "gettext_lazy", "pgettext", "pgettext_lazy", "ngettext", "ngettext_lazy", "gettext_noop"}
NORWEGIAN = set("æøåÆØÅ")
# Fictitious people and places of the demo data: data, not text of the application.
DATA_MODULES = {"demo.py"}


def _literals_outside_gettext(tree: ast.AST) -> list[ast.Constant]:
    inside: set[int] = set()
    docstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) in GETTEXT:
            inside.update(id(child) for arg in node.args for child in ast.walk(arg))
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in inside | docstrings
        and NORWEGIAN & set(node.value)
    ]


def test_no_norwegian_literal_bypasses_gettext():
    found = []
    for path in sorted(APP.rglob("*.py")):
        if "migrations" in path.parts or path.name in DATA_MODULES:
            continue
        for node in _literals_outside_gettext(ast.parse(path.read_text(encoding="utf-8"))):
            found.append(f"{path.relative_to(APP)}:{node.lineno}: {node.value!r}")
    assert found == []


def test_the_guidance_catalogue_is_complete():
    catalogue = polib.pofile(str(APP / "locale" / "nb" / "LC_MESSAGES" / "django.po"))
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []
