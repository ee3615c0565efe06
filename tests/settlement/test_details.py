"""Smaller things an adviser meets: plurals, an empty frame source, the criterion code's message, the
commands' Norwegian errors, XLSX formulas without a saved result, and the list of years."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from integrering.municipalities.models import Municipality
from integrering.settlement import demo, imports, services
from integrering.settlement.models import CriterionDefinition, CriterionValue, SettlementFigure, SettlementYear
from integrering.settlement.services_criteria import criterion_create
from tests.settlement.test_commands import run


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


def test_one_changed_municipality_and_one_changed_value_are_singular(county, adviser, client_for):
    SettlementYear.objects.create(county=county, year=2021)
    client = client_for(adviser)
    client.post("/bosetting/2021/import/", {"file": SimpleUploadedFile("i.csv", b"kommunenummer;anmodet\n5001;3\n")})
    response = client.post("/bosetting/2021/import/bruk/", follow=True)
    assert "Filen ble importert: 1 kommune endret." in messages_of(response)

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


@pytest.mark.parametrize(
    "source,date,shown",
    [
        ("", None, "<dd>–</dd>"),
        ("IMDi", None, "<dd>IMDi</dd>"),
        ("", "2024-03-01", "<dd>01.03.2024</dd>"),
        ("IMDi", "2024-03-01", "<dd>01.03.2024, IMDi</dd>"),
    ],
)
def test_the_frames_source_and_date_show_only_what_is_known(county, adviser, client_for, source, date, shown):
    SettlementYear.objects.create(county=county, year=2025, frame_source=source, frame_date=date)
    page = client_for(adviser).get("/bosetting/2025/").content.decode()
    assert f"<dt>Kilde for rammen</dt>{shown}" in page


def test_a_bad_criterion_code_gets_a_norwegian_message_saying_what_a_code_may_contain(county, adviser, client_for):
    response = client_for(adviser).post(reverse("settlement:criterion_create"), {"code": "ledighet i %", "name": "L"})
    page = response.content.decode()
    assert response.status_code == 400
    assert (
        "Koden kan bare inneholde bokstavene a–z (ikke æ, ø eller å), sifre, bindestrek (-) og understrek (_)" in page
    )
    assert "slug" not in page.lower() and not CriterionDefinition.objects.exists()


@pytest.mark.parametrize(
    "args,message",
    [
        (
            ["import-settlement", "FIL", "--county", "50", "--year", "tjuetjuefem"],
            "--year: «tjuetjuefem» er ikke et årstall (skriv for eksempel 2024)",
        ),
        (["import-settlement", "FIL", "--county", "50"], "disse argumentene mangler: --year"),
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


def formula_workbook() -> bytes:
    """A workbook as a program that cannot calculate writes it: the formula without a saved result."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["kommunenummer", "anmodet", "vedtatt"])
    sheet.append(["5001", 140, 100])
    sheet.append(["5006", "=B2/4", 20])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_an_xlsx_formula_without_a_saved_result_is_refused_not_read_as_unknown(county):
    year = SettlementYear.objects.create(county=county, year=2024)
    services.figure_update(
        settlement_year=year,
        municipality=Municipality.objects.get(number="5006"),
        values={"requested": 35},
        version=None,
    )
    plan = imports.import_plan(county=county, year=2024, content=formula_workbook(), filename="imdi.xlsx")
    assert plan.errors == ["Rad 3, kolonne «anmodet»: formel uten beregnet verdi; lagre filen i Excel først."]
    assert SettlementFigure.objects.get(municipality__number="5006").requested == 35


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


def test_a_blank_line_does_not_shift_the_row_numbers_of_the_messages(county):
    plan = imports.import_plan(
        county=county, year=2024, content=b"kommunenummer;anmodet\n5001;1\n\n5006;x\n", filename="imdi.csv"
    )
    assert plan.errors == ["Rad 4, kolonne «anmodet»: «x» er ikke et tall."]


def test_the_list_of_years_shows_frame_and_sums_newest_first_with_the_seeds_619(county, adviser, client_for):
    demo.load(county=county, stdout=io.StringIO())
    page = client_for(adviser).get("/bosetting/").content.decode()
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert [y for y in ("2023", "2022", "2021") if f">{y}</a>" in body] == ["2023", "2022", "2021"]
    assert body.index(">2023</a>") < body.index(">2022</a>") < body.index(">2021</a>")
    row_2021 = body.split(">2021</a>", 1)[1].split("</tr>", 1)[0]
    cells = [c.split("<", 1)[0] for c in row_2021.split('<td class="num">')[1:]]
    assert cells[:4] == ["619", "–", "619", "619"]  # frame, of which minors, recommended, requested
    assert "38 ukjente" in row_2021  # nobody has registered decisions for 2021


def test_a_municipal_user_sees_the_years_but_not_the_countys_sums(county, municipal_user, client_for):
    demo.load(county=county, stdout=io.StringIO())
    page = client_for(municipal_user).get("/bosetting/").content.decode()
    assert ">2021</a>" in page and "ukjente" not in page and "Registrer vedtaket" in page
