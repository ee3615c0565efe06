"""The allocation engine is pure Python: no Django anywhere in it."""

import re
import subprocess
import sys
from pathlib import Path

import integrering.allocation

PACKAGE = Path(integrering.allocation.__file__).parent
DJANGO_IMPORT = re.compile(r"^\s*(import|from)\s+django\b", re.MULTILINE)


def test_no_module_of_the_engine_imports_django():
    offenders = [p.name for p in PACKAGE.rglob("*.py") if DJANGO_IMPORT.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_importing_the_whole_engine_does_not_load_django():
    code = (
        "import sys, integrering.allocation, integrering.allocation.cli; "
        "sys.exit(1 if any(m.startswith('django') for m in sys.modules) else 0)"
    )
    src = str(PACKAGE.parents[1])
    assert subprocess.run([sys.executable, "-c", code], env={"PYTHONPATH": src}).returncode == 0


def test_the_engine_modules_stay_small():
    assert all(len(p.read_text(encoding="utf-8").splitlines()) < 400 for p in PACKAGE.rglob("*.py"))
