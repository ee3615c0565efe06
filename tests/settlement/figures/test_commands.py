"""The two commands: exit 0 / exit 2 with a Norwegian message naming row and column, nothing written on error."""

import subprocess
import sys

import pytest
from django.core.management import call_command

from integrering.settlement.models import SettlementFigure, SettlementYear


def run(*args):
    """Run a command in-process, returning (exit code, stdout, stderr)."""
    from io import StringIO

    from integrering.cli import _run_management_command

    out, err = StringIO(), StringIO()
    old = sys.stderr
    sys.stderr = err
    try:
        # As ``integrering`` runs a command: an ApplicationError is printed and the exit status is 2.
        _run_management_command(lambda argv: call_command(*argv, stdout=out), list(args))
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    finally:
        sys.stderr = old
    return code, out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_import_creates_the_year_and_export_writes_the_csv(county, tmp_path):
    source = tmp_path / "imdi.csv"
    source.write_text("kommune;anmodet;vedtatt\n5001 Trondheim;140;\nSnåase - Snåsa;0;0\n", encoding="utf-8")
    code, out, err = run("import-settlement", str(source), "--county", "50", "--year", "2024")
    assert code == 0, err
    assert SettlementYear.objects.filter(county=county, year=2024).exists()
    target = tmp_path / "ut.csv"
    code, out, err = run(
        "export-settlement", "--county", "50", "--year", "2024", "--format", "csv", "--output", str(target)
    )
    assert code == 0, err
    lines = target.read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0].startswith("kommunenummer;kommune;anbefalt;anmodet")
    assert lines[0].endswith(";avtalt_ikke_bosatt;anbefalt_ema;opprinnelig_anmodet")
    assert "5001;Trondheim - Tråante;;140;;;;;;;;" in lines
    assert "5041;Snåase - Snåsa;;0;;0;;;;;;" in lines
    assert lines[-1] == ";Sum;;140;;0;;;;;;"


@pytest.mark.django_db
def test_a_bad_file_exits_2_names_row_and_column_and_writes_nothing(county, tmp_path):
    source = tmp_path / "imdi.csv"
    source.write_text("kommunenummer;anmodet\n5001;10\n4601;3\n5006;-1\n", encoding="utf-8")
    code, out, err = run("import-settlement", str(source), "--county", "50", "--year", "2025")
    assert code == 2
    assert "Rad 3, kolonne «kommunenummer»: 4601 Bergen ligger i et annet fylke." in err
    assert "Rad 4, kolonne «anmodet»: negativt tall (-1) er ikke tillatt." in err
    assert "Ingenting ble lagret." in err
    assert not SettlementYear.objects.filter(year=2025).exists()
    assert not SettlementFigure.objects.exists()


@pytest.mark.django_db
def test_dry_run_shows_changes_and_writes_nothing(county, tmp_path):
    source = tmp_path / "imdi.csv"
    source.write_text("kommunenummer,anmodet\n5001,10\n", encoding="utf-8")
    code, out, err = run("import-settlement", str(source), "--county", "50", "--year", "2024", "--dry-run")
    assert code == 0
    assert "5001 Trondheim: anmodet tom → 10" in out
    assert "Prøvekjøring" in out
    assert not SettlementYear.objects.exists()


@pytest.mark.django_db
def test_export_of_a_missing_year_exits_2(county, tmp_path):
    code, out, err = run(
        "export-settlement",
        "--county",
        "50",
        "--year",
        "1999",
        "--format",
        "xlsx",
        "--output",
        str(tmp_path / "x.xlsx"),
    )
    assert code == 2 and "Fant ikke bosettingsåret 1999" in err


@pytest.mark.django_db
def test_public_xlsx_export(county, tmp_path):
    source = tmp_path / "imdi.csv"
    source.write_text("kommunenummer;anmodet\n5001;3\n5006;30\n", encoding="utf-8")
    assert run("import-settlement", str(source), "--county", "50", "--year", "2024")[0] == 0
    target = tmp_path / "ut.xlsx"
    assert (
        run(
            "export-settlement",
            "--county",
            "50",
            "--year",
            "2024",
            "--format",
            "xlsx",
            "--output",
            str(target),
            "--public",
        )[0]
        == 0
    )
    from openpyxl import load_workbook

    rows = {r[0]: r for r in load_workbook(target).active.iter_rows(values_only=True)}
    assert rows["5001"][3] == "<5" and rows["5006"][3] == 30


def test_the_integrering_command_line_exits_2_on_a_missing_file():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "integrering.cli",
            "import-settlement",
            "/finnes/ikke.csv",
            "--county",
            "50",
            "--year",
            "2024",
        ],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "DJANGO_SETTINGS_MODULE": "integrering.settings_test"},
    )
    assert result.returncode == 2
    assert "Fant ikke filen /finnes/ikke.csv." in result.stderr


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_commands_export_imports_back_with_nothing_changed(county, tmp_path, fmt):
    source = tmp_path / "imdi.csv"
    source.write_text("kommunenummer;anmodet;vedtatt\n5001;140;\n5006;33;0\n", encoding="utf-8")
    assert run("import-settlement", str(source), "--county", "50", "--year", "2024")[0] == 0
    exported = tmp_path / f"eksport.{fmt}"
    assert (
        run("export-settlement", "--county", "50", "--year", "2024", "--format", fmt, "--output", str(exported))[0] == 0
    )
    code, out, err = run("import-settlement", str(exported), "--county", "50", "--year", "2024")
    assert code == 0, err
    assert "Lest inn 38 kommuner for Trøndelag - Trööndelage 2024; 0 endret." in out


@pytest.mark.parametrize(
    "args,message",
    [
        (
            ["import-settlement", "FIL", "--county", "50", "--year", "tjuetjuefem"],
            "--year: «tjuetjuefem» er ikke et årstall (skriv for eksempel 2024)",
        ),
        (["import-settlement", "FIL", "--year", "2024"], "disse argumentene mangler: --county"),
        (["import-settlement", "FIL", "--county", "50", "--year", "2024", "--tull"], "ukjente argumenter: --tull"),
        (
            ["export-settlement", "--county", "50", "--year", "2024", "--format", "doc", "--output", "x"],
            "ugyldig verdi 'doc' for --format",
        ),
        (
            ["export-settlement", "--county", "50", "--year", "x", "--format", "csv", "--output", "x"],
            "«x» er ikke et årstall",
        ),
    ],
)
def test_the_commands_argument_errors_are_norwegian_with_exit_2(county, tmp_path, args, message):
    source = tmp_path / "imdi.csv"
    source.write_text("kommunenummer;anmodet\n5001;1\n", encoding="utf-8")
    code, out, err = run(*[str(source) if a == "FIL" else a for a in args])
    assert code == 2
    assert message in err and "bruk:" in err
    assert "invalid" not in err and "error:" not in err and "usage" not in err


@pytest.mark.django_db
def test_the_commands_file_errors_are_norwegian(county, tmp_path):
    SettlementYear.objects.create(county=county, year=2024)
    code, out, err = run(
        "export-settlement",
        "--county",
        "50",
        "--year",
        "2024",
        "--format",
        "csv",
        "--output",
        str(tmp_path / "finnes-ikke" / "ut.csv"),
    )
    assert code == 2 and "Kunne ikke skrive" in err and "filen eller mappen finnes ikke" in err
    assert "No such file" not in err
    code, out, err = run(
        "export-settlement", "--county", "50", "--year", "2024", "--format", "csv", "--output", str(tmp_path)
    )
    assert code == 2 and "det er en mappe, ikke en fil" in err
    code, out, err = run("import-settlement", str(tmp_path / "mangler.csv"), "--county", "50", "--year", "2024")
    assert code == 2 and "Fant ikke filen" in err
