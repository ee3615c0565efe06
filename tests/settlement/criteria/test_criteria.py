"""The county's criteria: definitions, values with source and date, all-or-nothing import, use in scenarios."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from integrering.core.exceptions import ApplicationError
from integrering.core.roles import Role
from integrering.municipalities.models import Municipality
from integrering.settlement.criteria.services import (
    criterion_create,
    criterion_delete,
    criterion_value_set,
    criterion_values_import,
)
from integrering.settlement.models import CriterionDefinition, CriterionValue, SettlementYear
from integrering.settlement.scenarios.services import scenario_create, scenario_run
from tests.pages import messages_of
from tests.settlement.scenario_fixtures import year_2021, year_2022  # noqa: F401


@pytest.fixture
def employment(county):
    return criterion_create(county=county, code="sysselsetting", name="Sysselsetting", unit="%")


@pytest.fixture
def unemployment(county):
    return criterion_create(county=county, code="ledighet", name="Ledighet", unit="%", higher_is_better=False)


def upload(text: str, name: str = "kriterier.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"))


def all_numbers(county) -> list[str]:
    return list(Municipality.objects.filter(county=county, valid_to__isnull=True).values_list("number", flat=True))


def test_population_and_reserved_codes_cannot_be_defined(county, employment):
    for code in ("folketall", "kommunenummer", "sysselsetting"):
        with pytest.raises(ApplicationError):
            criterion_create(county=county, code=code, name="X")


def test_an_import_stores_each_value_with_source_and_date(county, employment, unemployment):
    text = "\ufeffkommunenummer;sysselsetting;ledighet\n5001;71,5;2,1\n5006;68.25;\n"
    result = criterion_values_import(
        county=county, year=2021, uploaded=upload(text), source="SSB 2020", source_date=datetime.date(2021, 3, 1)
    )
    assert result.errors == [] and result.rows == 2
    value = CriterionValue.objects.get(definition=employment, municipality__number="5001", year=2021)
    assert (
        value.value == Decimal("71.5") and value.source == "SSB 2020" and value.source_date == datetime.date(2021, 3, 1)
    )
    assert CriterionValue.objects.count() == 3


def test_an_xlsx_import_works(county, employment):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["kommunenummer", "navn", "sysselsetting"])
    sheet.append(["5001", "Trondheim", 70.1])
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = criterion_values_import(
        county=county,
        year=2021,
        uploaded=upload("", "k.xlsx").__class__("k.xlsx", buffer.getvalue()),
        source="Fil",
        source_date=None,
    )
    assert result.errors == [] and CriterionValue.objects.get().value == Decimal("70.1")


def test_a_bad_file_imports_nothing_and_names_row_and_column_in_norwegian(county, employment):
    criterion_value_set(
        definition=employment,
        municipality=Municipality.objects.get(number="5001"),
        year=2021,
        value=Decimal(50),
        source="Før",
    )
    text = "kommunenummer,sysselsetting,ukjent\n5001,60\n9999,1\n0301,2\n5006,abc\n5006,3\n"
    result = criterion_values_import(county=county, year=2021, uploaded=upload(text), source="Ny", source_date=None)
    assert any("ukjent" in e and "Kolonne «ukjent»" in e for e in result.errors)
    text = "kommunenummer,sysselsetting\n5001,60\n9999,1\n0301,2\n5006,abc\n5006,3\n"
    result = criterion_values_import(county=county, year=2021, uploaded=upload(text), source="Ny", source_date=None)
    # The one municipality lookup of the imports (by number or name, valid in the year), with its messages.
    assert "Rad 3, kolonne «kommunenummer»: ukjent kommune «9999»." in result.errors
    assert "Rad 4, kolonne «kommunenummer»: 0301 Oslo ligger i et annet fylke." in result.errors
    assert "Rad 5, kolonne «sysselsetting»: «abc» er ikke et tall." in result.errors
    assert "Rad 6, kolonne «kommunenummer»: 5006 Steinkjer står også på rad 5." in result.errors
    assert CriterionValue.objects.get().value == Decimal(50)  # unchanged: all or nothing


def test_a_file_without_kommunenummer_is_refused(county, employment):
    result = criterion_values_import(
        county=county, year=2021, uploaded=upload("nr,sysselsetting\n5001,1\n"), source="x", source_date=None
    )
    assert result.errors == ["Fil «kriterier.csv»: mangler kolonnen «kommunenummer»."]


def test_lower_is_better_criteria_reach_the_engine(county, year_2021, adviser, unemployment):
    numbers = all_numbers(county)
    lines = ["kommunenummer;ledighet"] + [f"{n};{2 if n == '5001' else 4}" for n in numbers]
    assert not criterion_values_import(
        county=county, year=2021, uploaded=upload("\n".join(lines)), source="NAV", source_date=None
    ).errors
    scenario = scenario_create(
        settlement_year=year_2021,
        user=adviser,
        name="Ledighet",
        min_lot=0,
        criteria=[{"code": "ledighet", "weight": 1, "exponent": 1}],
    )
    run = scenario_run(scenario=scenario, user=adviser)
    counts = {r["kommunenummer"]: r["antall"] for r in run.result["rows"]}
    assert run.inputs["parameters"]["lower_is_better"] == ["ledighet"]
    assert counts["5001"] > counts["5006"]  # half the unemployment, twice the share


def test_a_criterion_used_in_a_scenario_cannot_be_deleted(county, year_2021, adviser, employment):
    scenario_create(
        settlement_year=year_2021,
        user=adviser,
        name="S",
        criteria=[{"code": "sysselsetting", "weight": 1, "exponent": 1}],
    )
    with pytest.raises(ApplicationError):
        criterion_delete(definition=employment)
    assert CriterionDefinition.objects.filter(pk=employment.pk).exists()


def test_the_pages_create_edit_import_and_edit_values(county, year_2021, adviser, client_for):
    client = client_for(adviser)
    response = client.post(
        reverse("settlement:criterion_create"),
        {"code": "bolig", "name": "Boliger", "unit": "antall", "higher_is_better": "on"},
    )
    assert response.status_code == 302
    definition = CriterionDefinition.objects.get(code="bolig")
    assert client.post(reverse("settlement:criterion_create"), {"code": "bolig", "name": "Igjen"}).status_code == 400
    response = client.post(
        reverse("settlement:criterion_edit", args=[definition.pk]),
        {"code": "endret", "name": "Boliger til flyktninger", "unit": "antall"},
    )
    definition.refresh_from_db()
    assert (definition.code, definition.name, definition.higher_is_better) == (
        "bolig",
        "Boliger til flyktninger",
        False,
    )
    response = client.post(
        reverse("settlement:criterion_values_import", args=[2021]),
        {"file": upload("kommunenummer,bolig\n5001,12\n5006,x\n"), "source": "Husbanken"},
    )
    assert response.status_code == 400 and "«x» er ikke et tall" in response.content.decode()
    assert not CriterionValue.objects.exists()
    response = client.post(
        reverse("settlement:criterion_values_import", args=[2021]),
        {"file": upload("kommunenummer,bolig\n5001,12\n5006,7\n"), "source": "Husbanken", "source_date": "2021-02-01"},
    )
    assert response.status_code == 302 and CriterionValue.objects.count() == 2
    page = client.get(reverse("settlement:criterion_values", args=[2021])).content.decode()
    assert "Husbanken" in page and "01.02.2021" in page
    response = client.post(
        reverse("settlement:criterion_values_edit", args=[2021, definition.pk]),
        {"source": "Telefon", "v_5001": "12", "v_5006": "", "v_5007": "3"},
    )
    assert response.status_code == 302
    values = {v.municipality.number: v for v in CriterionValue.objects.select_related("municipality")}
    assert (
        set(values) == {"5001", "5007"} and values["5007"].source == "Telefon" and values["5001"].source == "Husbanken"
    )


def test_criteria_pages_are_closed_to_municipal_users_and_writes_to_readers(
    county, year_2021, municipal_user, make_user, client_for, employment
):
    client = client_for(municipal_user)
    assert client.get(reverse("settlement:criteria")).status_code == 404
    assert client.post(reverse("settlement:criterion_create"), {"code": "a", "name": "A"}).status_code == 403
    leader = client_for(make_user(Role.LEADER, username="leder"))
    assert leader.get(reverse("settlement:criteria")).status_code == 200
    assert leader.get(reverse("settlement:criterion_values", args=[2021])).status_code == 200
    assert leader.post(reverse("settlement:criterion_edit", args=[employment.pk]), {"name": "B"}).status_code == 403


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


def test_the_criteria_import_finds_a_municipality_by_name_and_keeps_the_limits(county, employment):
    result = criterion_values_import(
        county=county,
        year=2021,
        uploaded=upload("kommunenummer;sysselsetting\nTrondheim;61\nSnåase - Snåsa;70\n"),
        source="SSB",
        source_date=None,
    )
    assert result.errors == [] and result.rows == 2
    big = upload("kommunenummer;sysselsetting\n" + "5001;1\n" * (21 * 1024 * 1024 // 7))
    refused = criterion_values_import(county=county, year=2021, uploaded=big, source="x", source_date=None)
    assert refused.errors == ["Fil «kriterier.csv»: Filen er større enn grensen på 20 MB."]


def test_the_criteria_upload_shows_a_zip_bomb_as_an_error_of_the_file_field(
    year_2021, county, employment, adviser, client_for
):
    from tests.tabular.workbooks import zip_bomb

    response = client_for(adviser).post(
        reverse("settlement:criterion_values_import", args=[2021]),
        {"file": SimpleUploadedFile("bombe.xlsx", zip_bomb()), "source": "x"},
    )
    assert response.status_code == 400
    assert any("grensen på 256 MB" in error for error in response.context["import_form"].errors["file"])
    assert not CriterionValue.objects.exists()
