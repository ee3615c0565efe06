"""The import page: a clean file is imported (or only checked); a hostile or wrong file is a form error naming the
limit or the row and column, and nothing is saved."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from integrering.guidance.models import Participant
from tests.guidance.factories import csv_text
from tests.tabular.workbooks import csv_of_size, far_reaching_rows, zip_bomb

pytestmark = pytest.mark.django_db
MB = 1024 * 1024
URL = "/veiledning/deltakere/importer/"
ROW = {"referanse": "UP-1", "kommunenummer": "5001", "navn": "Kari Nordmann", "fodselsdato": "17.05.1990"}


def upload(client, name: str, content: bytes, **extra):
    return client.post(URL, {"file": SimpleUploadedFile(name, content), **extra})


def test_a_clean_file_is_checked_then_imported(county, counsellor, client_for):
    client = client_for(counsellor)
    assert client.get(URL).status_code == 200
    checked = upload(client, "deltakere.csv", csv_text([ROW]), dry_run="on")
    assert checked.status_code == 200 and "1 nye" in checked.content.decode()
    assert not Participant.objects.exists()
    assert upload(client, "deltakere.csv", csv_text([ROW])).status_code == 302
    assert Participant.objects.get(reference="UP-1").name == "Kari Nordmann"


def test_a_bad_row_is_a_form_error_naming_row_and_column(county, counsellor, client_for):
    response = upload(client_for(counsellor), "deltakere.csv", csv_text([ROW | {"fodselsdato": "31.02.1990"}]))
    assert response.status_code == 400
    assert "Rad 2, kolonne «fodselsdato»" in response.content.decode()
    assert not Participant.objects.exists()


def test_hostile_files_are_form_errors_naming_the_limit(county, counsellor, client_for):
    client = client_for(counsellor)
    wide = upload(client, "dimensjon.xlsx", far_reaching_rows(299))
    assert wide.status_code == 400 and "grensen på 200" in wide.content.decode()
    big = upload(client, "stor.csv", csv_of_size(b"referanse;kommunenummer\n", b"B000001;5001\n", 21))
    assert big.status_code == 400 and "Filen er større enn grensen på 20 MB." in big.content.decode()
    bomb = upload(client, "bombe.xlsx", zip_bomb())
    assert bomb.status_code == 400 and "grensen på 256 MB" in bomb.content.decode()
    assert not Participant.objects.exists()


def test_a_municipal_user_imports_only_their_own_municipality(county, municipal_user, client_for):
    response = upload(client_for(municipal_user), "d.csv", csv_text([ROW | {"kommunenummer": "5006"}]))
    assert response.status_code == 400 and "er ikke din kommune" in response.content.decode()
    assert upload(client_for(municipal_user), "d.csv", csv_text([ROW])).status_code == 302
