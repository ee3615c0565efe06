"""Dates and source documents of the figures: the adviser's form, the import (per row or for the whole
document), the XLSX export's «Kilder» sheet, and the municipality's history. Changes are in the audit log."""

import datetime
import io

import pytest
import xlsxwriter
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from integrering.municipalities.models import Municipality
from integrering.settlement.figures import exports, imports, services
from integrering.settlement.figures.sources import Document
from integrering.settlement.models import SettlementFigure, SettlementYear
from tests.settlement.figures.test_commands import run

OCT_15 = datetime.date(2024, 10, 15)


@pytest.fixture
def year(county):
    return SettlementYear.objects.create(county=county, year=2025)


def figure(number="5001"):
    return SettlementFigure.objects.get(municipality__number=number)


def test_the_advisers_figure_page_saves_dates_and_references_and_they_are_audit_logged(year, adviser, client_for):
    client = client_for(adviser)
    page = client.get("/bosetting/2025/kommune/5001/rediger/").content.decode()
    for label in (
        "Dato for anmodningen",
        "Referanse til anmodningen",
        "Dato for vedtaket",
        "Referanse til kommunestyrevedtaket",
        "Bosettingstall per",
        "Kilde for bosettingstallene",
    ):
        assert label in page
    response = client.post(
        "/bosetting/2025/kommune/5001/rediger/",
        {
            "version": "0",
            "requested": "140",
            "requested_on": "2024-10-15",
            "request_reference": "IMDi 24/01234",
            "decided": "120",
            "decided_on": "2024-12-12",
            "decision_reference": "PS 88/24",
            "settled": "40",
            "settled_as_of": "2025-06-30",
            "settled_source": "IMDi, bosatte per 30.06.",
        },
    )
    assert response.status_code == 302
    saved = figure()
    assert (saved.requested_on, saved.request_reference) == (OCT_15, "IMDi 24/01234")
    assert (saved.decided_on, saved.decision_reference) == (datetime.date(2024, 12, 12), "PS 88/24")
    assert (saved.settled_as_of, saved.settled_source) == (datetime.date(2025, 6, 30), "IMDi, bosatte per 30.06.")
    entry = LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(SettlementFigure)).latest("pk")
    assert "request_reference" in entry.changes_dict and entry.actor == adviser


def test_inline_editing_of_the_numbers_keeps_the_dates_and_references(year, adviser, client_for):
    services.figure_update(
        settlement_year=year,
        municipality=Municipality.objects.get(number="5001"),
        version=0,
        values={"requested": 140, "requested_on": OCT_15, "request_reference": "IMDi 24/01234"},
    )
    response = client_for(adviser).post(
        "/bosetting/2025/kommune/5001/rediger/", {"requested": "150", "version": "1"}, HTTP_HX_REQUEST="true"
    )
    assert "Lagret" in response.content.decode()
    saved = figure()
    assert (saved.requested, saved.requested_on, saved.request_reference) == (150, OCT_15, "IMDi 24/01234")


def plan(county, text, document=None, filename="imdi.csv"):
    content = text if isinstance(text, bytes) else text.encode()
    return imports.import_plan(county=county, year=2025, content=content, filename=filename, document=document)


def test_the_documents_date_and_reference_go_with_the_request_and_settled_figures_the_file_changes(county, year):
    document = Document(OCT_15, "IMDi 24/01234")
    first = plan(county, "kommunenummer;anmodet;bosatt;vedtatt\n5001;140;3;120\n5006;;;\n", document)
    assert first.errors == []
    assert first.warnings and "vedtatt_dato og vedtatt_kilde" in first.warnings[0]
    changed = {(c.municipality.number, c.column): c.new for c in first.changes}
    assert changed[("5001", "anmodet_dato")] == OCT_15 and changed[("5001", "anmodet_kilde")] == "IMDi 24/01234"
    assert changed[("5001", "bosatt_dato")] == OCT_15 and changed[("5001", "bosatt_kilde")] == "IMDi 24/01234"
    assert ("5001", "vedtatt_dato") not in changed  # a decision's date is the council's, not the document's
    assert not [c for c in first.changes if c.municipality.number == "5006"]  # nothing of 5006 changes
    services.figures_apply(county=county, year=2025, rows=first.rows)
    saved = figure()
    assert (saved.requested_on, saved.request_reference, saved.settled_as_of) == (OCT_15, "IMDi 24/01234", OCT_15)
    assert (saved.decided_on, saved.decision_reference) == (None, "")

    again = plan(county, "kommunenummer;anmodet;bosatt\n5001;140;3\n", Document(datetime.date(2025, 1, 2), "Ny"))
    assert again.changes == []  # the figures are as they were: their source stays


def test_per_row_date_and_reference_columns_win_over_the_document(county, year):
    text = (
        "kommunenummer;anmodet;anmodet_dato;vedtatt;vedtaksdato;vedtatt_kilde\n"
        "5001;140;01.10.2024;120;12.12.2024;PS 88/24\n5006;33;2024-10-02;0;;\n"
    )
    result = plan(county, text, Document(OCT_15, "IMDi 24/01234"))
    assert result.errors == [] and result.warnings == []
    services.figures_apply(county=county, year=2025, rows=result.rows)
    trondheim, steinkjer = figure("5001"), figure("5006")
    assert (trondheim.requested_on, trondheim.request_reference) == (datetime.date(2024, 10, 1), "")
    assert (trondheim.decided_on, trondheim.decision_reference) == (datetime.date(2024, 12, 12), "PS 88/24")
    assert (steinkjer.requested_on, steinkjer.decided_on, steinkjer.decided) == (datetime.date(2024, 10, 2), None, 0)


def test_a_bad_date_names_row_and_column(county, year):
    result = plan(county, "kommunenummer;vedtatt;vedtatt_dato\n5001;1;32.12.2024\n5006;2;i går\n")
    assert result.errors == [
        "Rad 2, kolonne «vedtatt_dato»: «32.12.2024» er ikke en dato (skriv dd.mm.åååå).",
        "Rad 3, kolonne «vedtatt_dato»: «i går» er ikke en dato (skriv dd.mm.åååå).",
    ]


def test_xlsx_date_cells_are_read_as_dates(county, year):
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = workbook.add_worksheet()
    sheet.write_row(0, 0, ["kommunenummer", "bosatt", "bosatt_dato", "bosatt_kilde"])
    sheet.write_row(1, 0, ["5001", 12])
    sheet.write_datetime(1, 2, datetime.datetime(2025, 6, 30), workbook.add_format({"num_format": "dd.mm.yyyy"}))
    sheet.write(1, 3, "IMDi")
    workbook.close()
    result = plan(county, buffer.getvalue(), filename="imdi.xlsx")
    assert result.errors == [] and result.rows[0][1]["settled_as_of"] == datetime.date(2025, 6, 30)


def test_the_import_page_takes_the_documents_date_and_reference(year, adviser, client_for):
    client = client_for(adviser)
    upload = SimpleUploadedFile("imdi.csv", b"kommunenummer;anmodet\n5001;140\n")
    preview = client.post(
        "/bosetting/2025/import/", {"file": upload, "document_date": "2024-10-15", "document_source": "IMDi 24/01234"}
    )
    page = preview.content.decode()
    assert preview.status_code == 200 and "15.10.2024" in page and "anmodet_kilde" in page
    assert client.post("/bosetting/2025/import/bruk/").status_code == 302
    assert (figure().requested, figure().requested_on, figure().request_reference) == (140, OCT_15, "IMDi 24/01234")


def test_the_command_takes_the_documents_date_and_reference(county, tmp_path):
    source = tmp_path / "imdi.csv"
    source.write_text("kommunenummer;anmodet\n5001;140\n", encoding="utf-8")
    args = (
        "import-settlement",
        str(source),
        "--county",
        "50",
        "--year",
        "2025",
        "--dato",
        "15.10.2024",
        "--kilde",
        "IMDi 24/01234",
    )
    code, out, err = run(*args, "--dry-run")
    assert code == 0, err
    assert "5001 Trondheim: anmodet_dato tom → 15.10.2024" in out
    assert "Prøvekjøring: 3 verdier i 1 kommune ville blitt endret." in out
    assert run(*args)[0] == 0
    assert (figure().requested_on, figure().request_reference) == (OCT_15, "IMDi 24/01234")
    code, out, err = run("import-settlement", str(source), "--county", "50", "--year", "2025", "--dato", "15/10")
    assert code == 2 and "«15/10» er ikke en dato" in err


def test_the_xlsx_export_has_a_sources_sheet_and_the_csv_keeps_its_columns(county, year):
    services.figure_update(
        settlement_year=year,
        municipality=Municipality.objects.get(number="5001"),
        version=0,
        values={"requested": 140, "requested_on": OCT_15, "request_reference": "IMDi 24/01234"},
    )
    header = exports.table_csv(exports.settlement_table(year)).decode("utf-8-sig").splitlines()[0]
    assert header == (
        "kommunenummer;kommune;anbefalt;anmodet;anmodet_ema;vedtatt;vedtatt_ema;bosatt;bosatt_ema;avtalt_ikke_bosatt;"
        "anbefalt_ema;opprinnelig_anmodet"
    )
    workbook = load_workbook(io.BytesIO(exports.settlement_export(year, fmt="xlsx")[0]))
    assert workbook.sheetnames == ["Bosetting", "Kilder"]
    rows = {r[0]: r for r in workbook["Kilder"].iter_rows(values_only=True)}
    assert rows["kommunenummer"] == (
        "kommunenummer",
        "kommune",
        "anmodet_dato",
        "anmodet_kilde",
        "vedtatt_dato",
        "vedtatt_kilde",
        "bosatt_dato",
        "bosatt_kilde",
    )
    assert rows["5001"][2:4] == (datetime.datetime(2024, 10, 15), "IMDi 24/01234")
    assert rows["5006"][2:] == (None,) * 6
    public = load_workbook(io.BytesIO(exports.settlement_export(year, fmt="xlsx", public=True)[0]))
    assert public.sheetnames == ["Bosetting"]


def test_the_municipalitys_history_shows_dates_and_sources(year, county, municipal_user, client_for):
    services.figure_update(
        settlement_year=year,
        municipality=Municipality.objects.get(number="5001"),
        version=0,
        values={
            "requested": 140,
            "requested_on": OCT_15,
            "request_reference": "IMDi 24/01234",
            "settled": 12,
            "settled_as_of": datetime.date(2025, 6, 30),
            "settled_source": "IMDi",
        },
    )
    client = client_for(municipal_user)
    for url in ("/kommuner/5001/", "/bosetting/2025/vedtak/"):
        page = client.get(url).content.decode()
        assert "15.10.2024, IMDi 24/01234" in page, url
    assert "30.06.2025, IMDi" in client.get("/kommuner/5001/").content.decode()
