"""The tabular package is pure Python: no Django anywhere in it, and small modules."""

import re
import subprocess
import sys
from pathlib import Path

import integrering.tabular

PACKAGE = Path(integrering.tabular.__file__).parent
DJANGO_IMPORT = re.compile(r"^\s*(import|from)\s+django\b", re.MULTILINE)


def test_no_module_of_the_package_imports_django():
    offenders = [p.name for p in PACKAGE.rglob("*.py") if DJANGO_IMPORT.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_importing_and_using_the_package_does_not_load_django():
    code = (
        "import sys, integrering.tabular as t; "
        "t.read_table(t.iter_rows(t.write_csv(['a'], [['1']]), 'a.csv'), [t.Column('a', 'a')]); "
        "t.read_rows(t.write_xlsx(t.Sheet('s', ['a'], [[1]])), 'a.xlsx'); "
        "sys.exit(1 if any(m.startswith('django') for m in sys.modules) else 0)"
    )
    src = str(PACKAGE.parents[1])
    assert subprocess.run([sys.executable, "-c", code], env={"PYTHONPATH": src}).returncode == 0


def test_the_package_modules_stay_small():
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in PACKAGE.rglob("*.py")}
    assert {name: lines for name, lines in sizes.items() if lines >= 400} == {}
