"""The export to the municipality of completed guidance and § 30 absence: CSV and XLSX, scoped and logged."""

import csv
import datetime
import io

import openpyxl
import pytest

from integrering.core.models import PersonalDataAccess
from integrering.core.roles import Role
from integrering.guidance.training.services import training_enrol
from tests.guidance.factories import FNR, export_setup


def test_the_csv_export_is_semicolon_separated_utf8_with_bom(county, municipal_user, counsellor, client_for):
    export_setup(county, municipal_user)
    response = client_for(counsellor).get("/veiledning/eksport/veiledning-og-fravaer.csv?kommune=5001")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = response.content
    assert body.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["kommunenummer", "referanse", "navn"]
    assert rows[1][1] == "E-1"
    assert rows[1][4] == "2021-04-01" and rows[1][5] == "Arbeid"
    assert rows[1][10] == "7"
    assert len(rows) == 2  # only Trondheim's
    assert FNR not in body.decode("utf-8-sig")


def test_the_xlsx_export_has_the_same_rows(county, municipal_user, counsellor, client_for):
    export_setup(county, municipal_user)
    response = client_for(counsellor).get("/veiledning/eksport/veiledning-og-fravaer.xlsx")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][1] == "referanse"
    assert sorted(v[1] for v in values[1:]) == ["E-1", "E-2"]


def test_an_unknown_export_format_or_municipality_is_not_a_500(counsellor, client_for):
    client = client_for(counsellor)
    assert client.get("/veiledning/eksport/veiledning-og-fravaer.pdf").status_code == 404
    assert client.get("/veiledning/eksport/veiledning-og-fravaer.csv?kommune=4601").status_code == 400


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_every_export_is_logged_with_the_participants_in_it(
    fmt, trondheim, steinkjer, county, counsellor, make_user, client_for
):
    coordinator = make_user(Role.SCHOOL_COORDINATOR, username="skole")
    training_enrol(participant=steinkjer, school="Steinkjer vgs", target_level="B1", start=datetime.date(2024, 8, 19))
    response = client_for(coordinator).get(f"/veiledning/eksport/veiledning-og-fravaer.{fmt}")
    assert response.status_code == 200
    read = PersonalDataAccess.objects.get(user=coordinator)
    assert read.action == "export" and read.record_type == "participant"
    assert read.record_ids == [steinkjer.pk]


def test_a_municipal_user_exports_only_their_own_municipality(trondheim, steinkjer, municipal_user, client_for):
    training_enrol(participant=steinkjer, school="Steinkjer vgs", target_level="B1", start=datetime.date(2024, 8, 19))
    client = client_for(municipal_user)
    body = client.get("/veiledning/eksport/veiledning-og-fravaer.csv").content.decode("utf-8-sig")
    assert "STK-9" not in body
    assert client.get("/veiledning/eksport/veiledning-og-fravaer.csv?kommune=5006").status_code == 400
