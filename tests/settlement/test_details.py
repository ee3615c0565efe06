"""Smaller things an adviser meets: plurals, an empty frame source, the criterion code's message, the
commands' Norwegian errors, XLSX formulas without a saved result, and the list of years."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from integrering.settlement.models import CriterionDefinition, CriterionValue, SettlementYear
from integrering.settlement.services_criteria import criterion_create
from tests.pages import messages_of


def test_a_bad_criterion_code_gets_a_norwegian_message_saying_what_a_code_may_contain(county, adviser, client_for):
    response = client_for(adviser).post(reverse("settlement:criterion_create"), {"code": "ledighet i %", "name": "L"})
    page = response.content.decode()
    assert response.status_code == 400
    assert (
        "Koden kan bare inneholde bokstavene a–z (ikke æ, ø eller å), sifre, bindestrek (-) og understrek (_)" in page
    )
    assert "slug" not in page.lower() and not CriterionDefinition.objects.exists()


def test_the_criteria_import_refuses_a_formula_without_a_saved_result_too(county, adviser, client_for):
    SettlementYear.objects.create(county=county, year=2024)
    criterion_create(county=county, code="bolig", name="Boliger")
    workbook = Workbook()
    workbook.active.append(["kommunenummer", "bolig"])
    workbook.active.append(["5001", "=2*3"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = client_for(adviser).post(
        reverse("settlement:criterion_values_import", args=[2024]),
        {"file": SimpleUploadedFile("k.xlsx", buffer.getvalue()), "source": "Husbanken"},
    )
    assert response.status_code == 400
    assert "Rad 2, kolonne «bolig»: formel uten beregnet verdi; lagre filen i Excel først." in response.content.decode()
    assert not CriterionValue.objects.exists()


def test_one_changed_value_and_one_municipality_are_singular(county, adviser, client_for):
    SettlementYear.objects.create(county=county, year=2021)
    client = client_for(adviser)
    definition = criterion_create(county=county, code="bolig", name="Boliger")
    response = client.post(
        reverse("settlement:criterion_values_import", args=[2021]),
        follow=True,
        data={"file": SimpleUploadedFile("k.csv", b"kommunenummer;bolig\n5001;3\n"), "source": "Husbanken"},
    )
    assert "1 verdi for 1 kommune ble importert." in messages_of(response)
    response = client.post(
        reverse("settlement:criterion_values_edit", args=[2021, definition.pk]),
        follow=True,
        data={"source": "Telefon", "v_5001": "4"},
    )
    assert "1 verdi ble endret." in messages_of(response)
    response = client.post(
        reverse("settlement:criterion_values_edit", args=[2021, definition.pk]),
        follow=True,
        data={"source": "Telefon", "v_5001": "5", "v_5006": "6"},
    )
    assert "2 verdier ble endret." in messages_of(response)
