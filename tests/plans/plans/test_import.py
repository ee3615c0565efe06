import io

import pytest
from django.core.management import call_command

from integrering.core.exceptions import ApplicationError
from integrering.plans.models import FocusArea, Goal, Measure, Plan

GOOD = """nivå;id;tittel;beskrivelse;ansvarlig;start;slutt
fokusområde;1;Bosetting;;;;
mål;1.1;Rask bosetting;Alle bosettes innen seks måneder;;;
tiltak;1.1.1;Dialogmøter;Med hver kommune;radgiver;01.01.2024;31.12.2025
tiltak;1.1.2;Boligsamarbeid;;Seksjon bolig;2024-03-01;
fokusområde;2;Karriereveiledning;;;;
mål;2.1;Veiledning før vedtak;;;;
tiltak;2.1.1;Karrieresentre;;;;
"""


def _import(tmp_path, text: str, name: str = "plan.csv", **options) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    call_command(
        "import-plan",
        str(path),
        county="50",
        plan="ny-plan",
        title="Ny plan",
        first_year=2024,
        last_year=2027,
        stdout=out,
        **options,
    )
    return out.getvalue()


def test_a_valid_file_creates_the_plan_with_its_tree(county, adviser, tmp_path):
    adviser.username = "radgiver"
    adviser.save()
    _import(tmp_path, GOOD)
    plan = Plan.objects.get(slug="ny-plan")
    assert FocusArea.objects.filter(plan=plan).count() == 2
    assert Goal.objects.filter(focus_area__plan=plan).count() == 2
    measure = Measure.objects.get(identifier="1.1.1")
    assert measure.primary_person == adviser and str(measure.end) == "2025-12-31"
    assert Measure.objects.get(identifier="1.1.2").responsible_unit == "Seksjon bolig"


def test_importing_the_same_file_again_changes_nothing(county, tmp_path):
    _import(tmp_path, GOOD)
    _import(tmp_path, GOOD)
    assert Measure.objects.count() == 3 and Plan.objects.count() == 1


def test_errors_name_the_row_and_column_and_nothing_is_written(county, tmp_path):
    bad = """nivå;id;tittel;beskrivelse;ansvarlig;start;slutt
tiltak;0.1;Uten mål;;;;
fokusområde;1;Bosetting;;;;
mål;1.1;Mål;;;;
tiltak;1.1.1;A;;;31.12.2025;01.01.2024
tiltak;1.1.1;B;;;;
nivå-feil;9;X;;;;
"""
    with pytest.raises(ApplicationError) as raised:
        _import(tmp_path, bad)
    message = str(raised.value)
    assert "Rad 7" in message or "Row 7" in message  # the unknown level
    assert not Plan.objects.exists() and not Measure.objects.exists()


def test_the_structure_is_checked_row_by_row(county, tmp_path):
    bad = GOOD + "tiltak;1.1.1;Dobbel;;;;\n"
    text = GOOD.replace("fokusområde;2;Karriereveiledning;;;;\nmål;2.1;Veiledning før vedtak;;;;\n", "")
    with pytest.raises(ApplicationError) as raised:
        _import(tmp_path, text + "tiltak;1.1.1;Dobbel;;;;\n")
    assert "1.1.1" in str(raised.value)
    with pytest.raises(ApplicationError):
        _import(tmp_path, "nivå;id;tittel\ntiltak;1;Uten mål\n")
    assert bad and not Measure.objects.exists()


def test_a_missing_column_is_an_error(county, tmp_path):
    with pytest.raises(ApplicationError) as raised:
        _import(tmp_path, "nivå;tittel\nfokusområde;A\n")
    assert "«id»" in str(raised.value)


def test_an_xlsx_file_is_read_too(county, tmp_path):
    from integrering.tabular import Sheet, write_xlsx

    rows = [line.split(";") for line in GOOD.strip().splitlines()]
    (tmp_path / "plan.xlsx").write_bytes(write_xlsx(Sheet("Plan", rows[0], rows[1:])))
    out = io.StringIO()
    call_command(
        "import-plan",
        str(tmp_path / "plan.xlsx"),
        county="50",
        plan="ny-plan",
        title="Ny plan",
        first_year=2024,
        last_year=2027,
        stdout=out,
    )
    assert Measure.objects.count() == 3
