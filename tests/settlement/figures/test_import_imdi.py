"""IMDi's own statistics files (long format): several years, «.», «:», 3-digit numbers, decorated names,
ISO-8859-1, number changes, all or nothing, idempotent, the old layout, round trip, the upload page."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from integrering.core.models import County
from integrering.settlement.models import SettlementFigure, SettlementYear
from tests.settlement.figures.test_commands import run

HEADER = "Kommunenummer;Kommune;Anmodning, vedtak og faktisk bosetting;Enhet;År;Antall\n"
ROWS = """\
5001;Trondheim;Opprinnelig anmodning;Personer;2024;150
5001;Trondheim;Anmodning om bosetting;Personer;2024;140
5001;Trondheim;Anmodning om bosetting;Enslige mindreårige;2024;10
5001;Trondheim;Vedtak om bosetting;Personer;2024;140
5001;Trondheim;Faktisk bosetting;Personer;2024;131
5001;Trondheim;Faktisk bosetting;Enslige mindreårige;2024;:
5006;Steinkjer (2020-2023);Anmodning om bosetting;Personer;2024;0
5006;Steinkjer (2020-2023);Vedtak om bosetting;Personer;2024;.
5006;Steinkjer (2020-2023);Faktisk bosetting;Personer;2024;
5012;Snillfjord (t.o.m. 2019);Anmodning om bosetting;Personer;2024;.
301;Oslo;Anmodning om bosetting;Personer;2024;1200
5001;Trondheim;Anmodning om bosetting;Personer;2023;160
5001;Trondheim;Faktisk bosetting;Personer;2023;155
5012;Snillfjord (t.o.m. 2019);Faktisk bosetting;Personer;2023;.
301;Oslo;Anmodning om bosetting;Personer;2023;1300
"""
LONG = (HEADER + ROWS).encode("iso-8859-1")


def figure(number, year):
    return SettlementFigure.objects.get(municipality__number=number, settlement_year__year=year)


def write(tmp_path, content: bytes, name="imdi.csv"):
    path = tmp_path / name
    path.write_bytes(content)
    return str(path)


@pytest.mark.django_db
def test_a_long_format_file_with_several_years_imports_every_year(county, tmp_path):
    code, out, err = run("import-settlement", write(tmp_path, LONG), "--county", "50")
    assert code == 0, err
    trondheim = figure("5001", 2024)
    assert (trondheim.original_requested, trondheim.requested, trondheim.requested_ema) == (150, 140, 10)
    assert (trondheim.decided, trondheim.settled, trondheim.settled_ema) == (140, 131, None)  # «:» → empty
    steinkjer = figure("5006", 2024)
    assert (steinkjer.requested, steinkjer.decided, steinkjer.settled) == (0, None, None)  # «.» and empty: not 0
    assert (figure("5001", 2023).requested, figure("5001", 2023).settled) == (160, 155)
    assert not SettlementFigure.objects.filter(municipality__number="0301").exists()
    assert "2 rader om andre fylkers kommuner ble hoppet over." in out
    assert "2024: 1 tall er skjult av IMDi («:») og lagres som tomt." in out
    assert "Lest inn 2 kommuner for Trøndelag - Trööndelage 2024; 2 endret." in out


@pytest.mark.django_db
def test_only_the_given_year_is_imported(county, tmp_path):
    code, out, err = run("import-settlement", write(tmp_path, LONG), "--county", "50", "--year", "2023")
    assert code == 0, err
    assert list(SettlementYear.objects.values_list("year", flat=True)) == [2023]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        (
            "5012;Snillfjord (t.o.m. 2019);Faktisk bosetting;Personer;2024;4",
            "Rad 17, kolonne «Kommunenummer»: kommunenummer 5012 kan ikke knyttes til én kommune i 2024.",
        ),
        (
            "5006;Steinkjer;Vedtak om bosetting;Personer;2023;-3",
            "Rad 17, kolonne «Antall»: negativt tall (-3) er ikke tillatt.",
        ),
        ("5006;Steinkjer;Vedtak;Personer;2023;x", "Rad 17, kolonne «Antall»: «x» er ikke et tall."),
        (
            "5001;Trondheim;Anmodning om bosetting;Personer;2023;161",
            "Rad 17, kolonne «Anmodning, vedtak og faktisk bosetting»: 5001 Trondheim 2023 har dette tallet også på rad 13.",
        ),
    ],
)
def test_a_bad_row_names_row_and_column_and_nothing_of_any_year_is_written(county, tmp_path, bad_row, message):
    bad = HEADER + ROWS + bad_row + "\n"
    code, out, err = run("import-settlement", write(tmp_path, bad.encode("iso-8859-1")), "--county", "50")
    assert code == 2
    assert message in err
    assert "Ingenting ble lagret." in err
    assert not SettlementYear.objects.exists()


@pytest.mark.django_db
def test_importing_the_same_file_again_changes_nothing(county, tmp_path):
    path = write(tmp_path, LONG)
    assert run("import-settlement", path, "--county", "50")[0] == 0
    versions = list(SettlementFigure.objects.order_by("pk").values_list("version", flat=True))
    code, out, err = run("import-settlement", path, "--county", "50")
    assert code == 0, err
    assert "2024; 0 endret" in out and "2023; 0 endret" in out
    assert list(SettlementFigure.objects.order_by("pk").values_list("version", flat=True)) == versions


@pytest.mark.django_db
def test_the_older_layout_is_read_too(county, tmp_path):
    old = (
        "Enhet;År;Kommunenummer;Kommune;Bosetting;Antall\n"
        "Personer;2022;5001;Trondheim;Anmodning om bosetting;90\n"
        "Enslige mindreårige;2022;5001;Trondheim;Vedtak om bosetting;5\n"
        "Personer;2022;5001;Trondheim;Vedtak om bosetting;90\n"
    )
    code, out, err = run("import-settlement", write(tmp_path, old.encode("utf-8")), "--county", "50")
    assert code == 0, err
    found = figure("5001", 2022)
    assert (found.requested, found.decided, found.decided_ema) == (90, 90, 5)


@pytest.mark.django_db
def test_three_digit_numbers_get_their_leading_zero(db, tmp_path):
    content = (HEADER + "301;Oslo;Anmodning om bosetting;Personer;2024;1200\n").encode("utf-8")
    code, out, err = run("import-settlement", write(tmp_path, content), "--county", "03")
    assert code == 0, err
    assert figure("0301", 2024).requested == 1200


@pytest.mark.django_db
def test_an_old_number_is_mapped_to_the_years_municipality_and_a_split_one_is_an_error(db, tmp_path):
    renumbered = HEADER + "3001;Halden (2020-2023);Anmodning om bosetting;Personer;2024;12\n"
    code, out, err = run("import-settlement", write(tmp_path, renumbered.encode("utf-8")), "--county", "31")
    assert code == 0, err
    assert figure("3101", 2024).requested == 12
    split = HEADER + "1507;Ålesund (2020-2023);Anmodning om bosetting;Personer;2024;30\n"
    code, out, err = run("import-settlement", write(tmp_path, split.encode("utf-8"), "b.csv"), "--county", "15")
    assert code == 2
    assert "Rad 2, kolonne «Kommunenummer»: kommunenummer 1507 kan ikke knyttes til én kommune i 2024." in err
    assert not SettlementYear.objects.filter(county=County.objects.get(number="15")).exists()


@pytest.mark.django_db
def test_round_trip_through_export_settlement(county, tmp_path):
    assert run("import-settlement", write(tmp_path, LONG), "--county", "50")[0] == 0
    target = tmp_path / "ut.csv"
    code, out, err = run(
        "export-settlement", "--county", "50", "--year", "2024", "--format", "csv", "--output", str(target)
    )
    assert code == 0, err
    lines = [line.split(";") for line in target.read_bytes().decode("utf-8-sig").splitlines()]
    header = lines[0]
    rows = {line[0]: dict(zip(header, line, strict=True)) for line in lines[1:]}
    assert rows["5001"]["opprinnelig_anmodet"] == "150"
    assert (rows["5001"]["anmodet"], rows["5001"]["anmodet_ema"], rows["5001"]["bosatt"]) == ("140", "10", "131")
    assert rows["5001"]["bosatt_ema"] == ""
    assert (rows["5006"]["anmodet"], rows["5006"]["vedtatt"]) == ("0", "")
    # … and the exported file imports back unchanged
    code, out, err = run("import-settlement", str(target), "--county", "50", "--year", "2024")
    assert code == 0, err
    assert "0 endret" in out


@pytest.mark.django_db
def test_the_upload_page_accepts_an_imdi_file_for_its_year(county, adviser, client_for):
    SettlementYear.objects.create(county=county, year=2024)
    client = client_for(adviser)
    preview = client.post("/bosetting/2024/import/", {"file": SimpleUploadedFile("imdi.csv", LONG)})
    assert preview.status_code == 200
    text = preview.content.decode()
    assert "Filen har også tall for 2023; bare 2024 importeres her." in text
    assert "skjult av IMDi" in text
    assert client.post("/bosetting/2024/import/bruk/").status_code == 302
    assert figure("5001", 2024).original_requested == 150
    assert not SettlementFigure.objects.filter(settlement_year__year=2023).exists()


@pytest.mark.django_db
def test_the_applications_own_columns_still_need_the_year(county, tmp_path):
    code, out, err = run("import-settlement", write(tmp_path, b"kommunenummer;anmodet\n5001;1\n"), "--county", "50")
    assert code == 2
    assert "Oppgi året med --year (bare IMDis statistikkfiler har året i filen)." in err
    assert not SettlementYear.objects.exists()


@pytest.mark.django_db
def test_the_original_request_is_shown_beside_the_request_on_the_year_page(county, adviser, client_for, tmp_path):
    assert run("import-settlement", write(tmp_path, LONG), "--county", "50", "--year", "2024")[0] == 0
    page = client_for(adviser).get("/bosetting/2024/").content.decode()
    header = page[page.index("Opprinnelig anmodet</abbr>") :]
    assert header.index("Anmodet</abbr>") < header.index("Vedtatt</abbr>")  # the original request, then the current
    cells = re.sub(r' data-label="[^"]*"', "", page.replace("\xa0", ""))  # the cells' labels for the phone cards
    assert '<td class="num">150</td><td class="num">140</td>' in cells


@pytest.mark.django_db
def test_more_minors_than_persons_names_the_minors_row(county, tmp_path):
    content = HEADER + (
        "5001;Trondheim;Anmodning om bosetting;Personer;2024;5\n"
        "5006;Steinkjer;Anmodning om bosetting;Personer;2024;3\n"
        "5001;Trondheim;Anmodning om bosetting;Enslige mindreårige;2024;10\n"
    )
    code, out, err = run("import-settlement", write(tmp_path, content.encode("iso-8859-1")), "--county", "50")
    assert code == 2
    assert "Rad 4, kolonne «Antall»: enslige mindreårige (10) er flere enn «anmodet» (5)." in err
    assert not SettlementYear.objects.exists()


@pytest.mark.django_db
def test_an_xlsx_download_with_number_cells_is_read(county, tmp_path):
    import io

    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Kommunenummer", "Kommune", "Anmodning, vedtak og faktisk bosetting", "Enhet", "År", "Antall"])
    sheet.append([5001, "Trondheim", "Vedtak om bosetting", "Personer", 2024, 77])
    sheet.append([301, "Oslo", "Vedtak om bosetting", "Personer", 2024, 900])
    buffer = io.BytesIO()
    workbook.save(buffer)
    code, out, err = run("import-settlement", write(tmp_path, buffer.getvalue(), "imdi.xlsx"), "--county", "50")
    assert code == 0, err
    assert figure("5001", 2024).decided == 77
    assert "1 rad om et annet fylkes kommuner ble hoppet over." in out


@pytest.mark.django_db
def test_a_dry_run_lists_the_changes_per_year_and_writes_nothing(county, tmp_path):
    code, out, err = run("import-settlement", write(tmp_path, LONG), "--county", "50", "--dry-run")
    assert code == 0, err
    assert "2024 5001 Trondheim: opprinnelig_anmodet tom → 150" in out
    assert "Prøvekjøring: 2023:" in out and "Ingenting ble lagret." in out
    assert not SettlementYear.objects.exists()


@pytest.mark.django_db
def test_the_municipality_page_shows_the_original_request_under_the_request(county, adviser, client_for, tmp_path):
    assert run("import-settlement", write(tmp_path, LONG), "--county", "50", "--year", "2024")[0] == 0
    page = client_for(adviser).get("/kommuner/5001/").content.decode()
    assert "opprinnelig 150" in page
