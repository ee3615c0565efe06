import ast
from pathlib import Path

import integrering.legal

LEGAL = Path(integrering.legal.__file__).parent


def _imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module


def test_the_rules_core_imports_only_the_standard_library_itself_and_the_translation_module():
    allowed_roots = {"__future__", "calendar", "collections", "dataclasses", "datetime", "enum", "typing"}
    allowed_modules = {"integrering.i18n"}  # gettext without Django (the standard library's gettext)
    for path in LEGAL.rglob("*.py"):
        for module in _imported_modules(path):
            assert module.split(".")[0] in allowed_roots or module in allowed_modules, f"{path.name} imports {module}"


def test_a_version_module_imports_no_other_version_and_not_the_registry():
    for path in (LEGAL / "rulesets").glob("v*.py"):
        source = path.read_text(encoding="utf-8")
        assert "registry" not in source
        assert "from .v" not in source and "rulesets.v" not in source
