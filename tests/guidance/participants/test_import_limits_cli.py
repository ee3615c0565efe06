"""``integrering import-participants`` refuses hostile files before they cost memory: exit 2 and a Norwegian message
naming the limit, the process's peak memory (max RSS, measured in a fresh process) under 300 MB. No timing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.peak import run_measured
from tests.tabular.workbooks import far_reaching_rows, sheet_xml, text_row, workbook, zip_bomb

MB = 1024 * 1024
REPO = Path(__file__).resolve().parents[3]
INTEGRERING = str(Path(sys.executable).with_name("integrering"))
PEAK_LIMIT_KB = 300 * 1024  # ru_maxrss is in kilobytes on Linux


@pytest.fixture(scope="module")
def environment(tmp_path_factory) -> dict[str, str]:
    """A migrated SQLite database with the reference data (counties, municipalities), for the command."""
    workdir = tmp_path_factory.mktemp("import_limits")
    env = os.environ | {
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "DJANGO_DEBUG": "1",
        "INTEGRERING_VAR_DIR": str(workdir),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    for command in (["migrate", "-v0"], ["load-reference-data"]):
        subprocess.run([INTEGRERING, *command], env=env, check=True, capture_output=True, cwd=REPO)
    return env


def imported(environment, path: Path) -> tuple[int, str, int]:
    """(exit status, standard error, peak memory in KB) of ``integrering import-participants path --county 50``."""
    code, _out, err, peak = run_measured(
        [INTEGRERING, "import-participants", str(path), "--county", "50"], env=environment, cwd=str(REPO)
    )
    return code, err, peak


def test_an_xlsx_whose_rows_fill_a_huge_declared_dimension_is_refused_naming_the_limit(environment, tmp_path):
    # A1:XFD20001 and rows that really reach column XFD (16,384): openpyxl would build every cell in between.
    path = tmp_path / "dimensjon.xlsx"
    path.write_bytes(far_reaching_rows(20_001))
    code, err, peak = imported(environment, path)
    assert code == 2
    assert "Raden har flere kolonner enn grensen på 200." in err, err
    assert "Ingenting ble lagret" in err
    assert peak < PEAK_LIMIT_KB


def test_an_xlsx_declaring_a_huge_dimension_over_a_small_table_is_read_as_what_it_holds(environment, tmp_path):
    rows = text_row(1, "referanse", "kommunenummer", "navn") + text_row(2, "DIM-1", "5001", "Kari")
    path = tmp_path / "liten.xlsx"
    path.write_bytes(workbook(sheet_xml(rows, dimension="A1:XFD20001")))
    code, err, peak = imported(environment, path)
    assert code == 0, err
    assert peak < PEAK_LIMIT_KB


def test_a_zip_bomb_is_refused_naming_the_limit(environment, tmp_path):
    path = tmp_path / "bombe.xlsx"
    path.write_bytes(zip_bomb())
    code, err, peak = imported(environment, path)
    assert code == 2
    assert "grensen på 256 MB" in err, err
    assert peak < PEAK_LIMIT_KB


def test_a_csv_over_the_size_limit_is_refused_naming_the_limit(environment, tmp_path):
    path = tmp_path / "stor.csv"
    with path.open("wb") as handle:
        handle.write(b"referanse;kommunenummer\n")
        for _ in range(21):
            handle.write(b"B000001;5001\n" * (MB // 13 + 1))
    code, err, peak = imported(environment, path)
    assert code == 2
    assert "Filen er større enn grensen på 20 MB." in err, err
    assert peak < PEAK_LIMIT_KB


def test_a_csv_over_the_row_limit_is_refused_naming_the_limit(environment, tmp_path):
    path = tmp_path / "lang.csv"
    path.write_bytes(b"referanse;kommunenummer\n" + b"R;5001\n" * 200_001)
    code, err, peak = imported(environment, path)
    assert code == 2
    assert "enn grensen på 200\xa0000." in err, err
    assert peak < PEAK_LIMIT_KB
