"""Hostile files are refused by ``integrering import-settlement`` (exit 2, a Norwegian message naming the limit)
and by the upload page (a form error), with the process's peak memory bounded (max RSS of the child process,
never a timing)."""

import os
import sys

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from integrering.settlement.models import SettlementFigure, SettlementYear
from tests.peak import run_measured
from tests.tabular.workbooks import csv_of_size, sheet_xml, text_row, workbook, zip_bomb

MB = 1024 * 1024
PEAK_LIMIT_MB = 300


def far_cell_workbook() -> bytes:
    """Declares A1:XFD20001 and really has a cell in column XFD: the reader stops at the column limit."""
    rows = text_row(1, "kommunenummer", "anmodet") + '<row r="2"><c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row>'
    return workbook(sheet_xml(rows, dimension="A1:XFD20001"))


def oversized_csv() -> bytes:
    return csv_of_size(b"kommunenummer;anmodet\n", b"5001;140\n", 21)


HOSTILE = {
    "dimension.xlsx": (far_cell_workbook, "flere kolonner enn grensen på 200"),
    "bombe.xlsx": (zip_bomb, "grensen på 256 MB"),
    "stor.csv": (oversized_csv, "grensen på 20 MB"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_the_command_refuses_a_hostile_file_with_exit_2_naming_the_limit(name, tmp_path):
    build, words = HOSTILE[name]
    path = tmp_path / name
    path.write_bytes(build())
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "integrering.settings_test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'ingen.sqlite3'}",  # never reached: the file is checked first
    }
    code, _out, stderr, peak_kb = run_measured(
        [sys.executable, "-m", "integrering.cli", "import-settlement", str(path), "--county", "50", "--year", "2024"],
        env=env,
    )
    assert code == 2, stderr
    assert words in stderr and "Ingenting ble lagret." in stderr
    assert "Traceback" not in stderr
    assert peak_kb / 1024 < PEAK_LIMIT_MB


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["dimension.xlsx", "bombe.xlsx"])
def test_the_upload_refuses_a_hostile_workbook_with_a_form_error(name, county, adviser, client_for):
    SettlementYear.objects.create(county=county, year=2024)
    build, words = HOSTILE[name]
    upload = SimpleUploadedFile(name, build())
    response = client_for(adviser).post("/bosetting/2024/import/", {"file": upload})
    assert response.status_code == 400
    assert any(words in str(error) for error in response.context["form"].errors["file"])
    assert not SettlementFigure.objects.exists()


@pytest.mark.django_db
def test_the_upload_refuses_an_oversized_csv_with_a_form_error(county, adviser, client_for):
    SettlementYear.objects.create(county=county, year=2024)
    response = client_for(adviser).post(
        "/bosetting/2024/import/", {"file": SimpleUploadedFile("stor.csv", oversized_csv())}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["file"] == ["Filen er for stor (høyst 5 MB)."]
