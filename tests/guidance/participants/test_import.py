"""The import of the municipalities' participant lists (CSV/XLSX): all or nothing, idempotent, audited."""

import datetime
import io

import pytest
from openpyxl import Workbook

from integrering.guidance.models import CaseStatus, GuidanceCase, Participant
from integrering.guidance.participants.imports import import_apply, import_plan
from tests.guidance.factories import cli, csv_text

pytestmark = pytest.mark.django_db


def _valid_id(born: str) -> str:
    """A checksum-valid synthetic number for a birth date (ddmmyy), individual number from 499 down."""
    from stdnum.no import fodselsnummer as f

    for individual in range(499, 0, -1):
        base = f"{born}{individual:03d}"
        first = f.calc_check_digit1(base)
        if first == "10":
            continue
        second = f.calc_check_digit2(base + first)
        if second != "10":
            return base + first + second
    raise AssertionError


VALID_0101 = _valid_id("010190")

ROW = {
    "referanse": "TR-001",
    "navn": "Fiktiv Person",
    "fodselsdato": "17.05.1990",
    "fodselsnummer": "",
    "kommunenummer": "5001",
    "tillatelse": "flyktning",
    "tillatelsesdato": "2021-01-10",
    "bosettingsdato": "01.03.2021",
    "bosatt_etter_avtale": "ja",
    "utdanningsniva": "grunnskole",
    "kartlagt_dato": "2021-03-05",
    "veiledning_fullfort_dato": "2021-04-15",
    "vedtak_dato": "2021-05-01",
    "programstart": "2021-05-15",
    "sluttmal": "videregaende",
    "varighet_mnd": "24",
    "forlengelse_mnd": "",
    "fulltid_vgo": "nei",
}


def run(tmp_path, content: bytes, *args, name="deltakere.csv"):
    path = tmp_path / name
    path.write_bytes(content)
    return cli("import-participants", str(path), "--county", "50", *args)


def test_a_file_is_imported_and_evaluated(tmp_path, county):
    code, out, _ = run(tmp_path, csv_text([ROW, ROW | {"referanse": "TR-002", "kommunenummer": "5006"}]))
    assert code == 0, out
    assert "2 nye" in out
    p = Participant.objects.get(county=county, reference="TR-001")
    assert p.municipality.number == "5001"
    assert p.guidance_case.status == CaseStatus.COMPLETED
    assert p.findings == []
    assert p.in_target_group is True


def test_a_reimport_updates_and_never_duplicates(tmp_path, county):
    run(tmp_path, csv_text([ROW]))
    code, out, _ = run(tmp_path, csv_text([ROW | {"vedtak_dato": "", "navn": "Nytt Navn"}], delimiter=","))
    assert code == 0
    assert "1 oppdatert" in out
    assert Participant.objects.filter(reference="TR-001").count() == 1
    assert GuidanceCase.objects.filter(participant__reference="TR-001").count() == 1
    p = Participant.objects.get(reference="TR-001")
    assert (p.name, p.decision_date, p.version) == ("Nytt Navn", None, 2)
    assert p.findings == ["DECISION_OVERDUE"]  # re-evaluated: no decision, the deadline has passed


def test_bom_and_xlsx_are_read(tmp_path, county):
    assert run(tmp_path, csv_text([ROW], bom=True))[0] == 0
    book = Workbook()
    sheet = book.active
    sheet.append(list(ROW))
    sheet.append(
        list(
            (
                ROW
                | {
                    "referanse": "TR-XL",
                    "fodselsdato": datetime.datetime(1990, 1, 1),
                    "fodselsnummer": int(VALID_0101),
                    "kommunenummer": 5001,
                    "varighet_mnd": 24.0,
                }
            ).values()
        )
    )
    buffer = io.BytesIO()
    book.save(buffer)
    code, out, _ = run(tmp_path, buffer.getvalue(), name="deltakere.xlsx")
    assert code == 0, out
    p = Participant.objects.get(reference="TR-XL")
    assert (p.birth_date, p.national_id, p.planned_duration_months) == (datetime.date(1990, 1, 1), VALID_0101, 24)


@pytest.mark.parametrize(
    ("change", "column"),
    [
        ({"fodselsnummer": "15108695077"}, "fodselsnummer"),  # bad check digits
        ({"fodselsnummer": "15108695088"}, "fodselsnummer"),  # valid, other birth date
        ({"kommunenummer": "9999"}, "kommunenummer"),
        ({"kommunenummer": "4601"}, "kommunenummer"),  # Bergen: another county
        ({"tillatelse": "turist"}, "tillatelse"),
        ({"bosettingsdato": "31.02.2021"}, "bosettingsdato"),
        ({"vedtak_dato": "2021-13-01"}, "vedtak_dato"),
        ({"varighet_mnd": "-3"}, "varighet_mnd"),
        ({"forlengelse_mnd": "to"}, "forlengelse_mnd"),
        ({"bosatt_etter_avtale": "kanskje"}, "bosatt_etter_avtale"),
        ({"tillatelsesdato": "01.01.1980"}, "tillatelsesdato"),  # before the birth date
        ({"referanse": ""}, "referanse"),
    ],
)
def test_a_bad_row_names_row_and_column_and_writes_nothing(tmp_path, county, change, column):
    rows = [ROW | {"referanse": "OK-1"}, ROW | change]
    code, _, err = run(tmp_path, csv_text(rows))
    assert code == 2
    assert f"Rad 3, kolonne «{column}»" in err
    assert "Ingenting ble lagret" in err
    assert not Participant.objects.exists()
    assert not GuidanceCase.objects.exists()


def test_an_error_on_reimport_leaves_the_stored_rows_unchanged(tmp_path, county):
    run(tmp_path, csv_text([ROW]))
    before = list(Participant.objects.values())
    code, _, err = run(tmp_path, csv_text([ROW | {"navn": "Endret"}, ROW | {"referanse": "X", "varighet_mnd": "-1"}]))
    assert code == 2
    assert list(Participant.objects.values()) == before


def test_a_duplicate_reference_in_the_file_is_an_error(tmp_path, county):
    code, _, err = run(tmp_path, csv_text([ROW, ROW]))
    assert code == 2
    assert "Rad 3, kolonne «referanse»" in err


def test_a_missing_key_column_is_an_error(tmp_path, county):
    code, _, err = run(tmp_path, b"navn;fodselsdato\nA;01.01.1990\n")
    assert code == 2
    assert "kommunenummer" in err and "referanse" in err


def test_dry_run_writes_nothing(tmp_path, county):
    code, out, _ = run(tmp_path, csv_text([ROW]), "--dry-run")
    assert code == 0
    assert "Prøvekjøring: 1 nye" in out
    assert not Participant.objects.exists()


def test_a_missing_file_and_an_unknown_county_exit_2(tmp_path, county):
    code, _, err = cli("import-participants", str(tmp_path / "finnes-ikke.csv"), "--county", "50")
    assert code == 2 and "Fant ikke filen" in err
    path = tmp_path / "a.csv"
    path.write_bytes(csv_text([ROW]))
    code, _, err = cli("import-participants", str(path), "--county", "99")
    assert code == 2 and "Ukjent fylkesnummer: 99." in err


def test_the_multi_county_path_takes_the_county_from_the_municipality(county, other_county):
    plan = import_plan(county=None, content=csv_text([ROW, ROW | {"kommunenummer": "4601"}]), filename="a.csv")
    assert plan.ok, plan.errors
    import_apply(plan)
    assert set(Participant.objects.values_list("county__number", flat=True)) == {"50", "46"}


def test_the_import_is_audited_once_per_change(tmp_path, county):
    from auditlog.models import LogEntry

    run(tmp_path, csv_text([ROW, ROW | {"referanse": "TR-002"}]))
    entries = LogEntry.objects.filter(content_type__model="participant")
    assert entries.count() == 2
    assert {e.additional_data["county"] for e in entries.all()} == {"50"}
    assert LogEntry.objects.filter(content_type__model="guidancecase").count() == 2
    run(tmp_path, csv_text([ROW, ROW | {"referanse": "TR-002"}]))
    assert entries.count() == 2  # nothing changed, nothing logged
    code, out, err = run(tmp_path, csv_text([ROW | {"navn": "Nytt Navn"}]))
    assert (code, err) == (0, ""), out
    assert entries.count() == 3
    assert entries.latest("timestamp").changes["name"] == ["Fiktiv Person", "Nytt Navn"]


VALID_D_0101 = _valid_id("410190")  # a D-nummer: day + 40, born 1 January 1990


@pytest.mark.parametrize("number", [VALID_0101, VALID_D_0101])
def test_a_fodselsnummer_or_d_nummer_without_a_birth_date_gives_the_birth_date(tmp_path, county, number):
    columns = [c for c in ROW if c != "fodselsdato"]
    rows = [
        ROW | {"fodselsdato": "", "fodselsnummer": number},
        {c: v for c, v in (ROW | {"referanse": "TR-002", "fodselsnummer": number}).items() if c != "fodselsdato"},
    ]
    assert run(tmp_path, csv_text(rows[:1]))[0] == 0  # an empty birth-date cell
    assert run(tmp_path, csv_text(rows[1:], columns=columns))[0] == 0  # no birth-date column at all
    for reference in ("TR-001", "TR-002"):
        participant = Participant.objects.get(reference=reference)
        assert (participant.national_id, participant.birth_date) == (number, datetime.date(1990, 1, 1))


def test_a_later_birth_date_only_row_that_contradicts_the_number_blames_the_birth_date(tmp_path, county):
    assert run(tmp_path, csv_text([ROW | {"fodselsdato": "", "fodselsnummer": VALID_0101}]))[0] == 0
    columns = [c for c in ROW if c != "fodselsnummer"]
    code, out, err = run(tmp_path, csv_text([ROW | {"fodselsdato": "02.01.1990"}], columns=columns))
    assert code == 2
    assert "Rad 2, kolonne «fodselsdato»: Fødselsdatoen stemmer ikke med fødselsnummeret som er registrert." in err
    assert "fodselsnummer»" not in err
    assert Participant.objects.get(reference="TR-001").birth_date == datetime.date(1990, 1, 1)  # unchanged


def test_a_later_number_only_row_that_contradicts_the_birth_date_blames_the_number(tmp_path, county):
    assert run(tmp_path, csv_text([ROW]))[0] == 0  # born 17.05.1990, no number
    columns = [c for c in ROW if c != "fodselsdato"]
    code, _, err = run(tmp_path, csv_text([ROW | {"fodselsnummer": VALID_0101}], columns=columns))
    assert code == 2
    assert (
        "Rad 2, kolonne «fodselsnummer»: Fødselsnummeret stemmer ikke med fødselsdatoen som er registrert "
        "(17.05.1990)." in err
    )
    assert Participant.objects.get(reference="TR-001").national_id == ""


def test_the_import_writes_in_chunks_with_the_same_result(tmp_path, county, monkeypatch):
    from integrering.guidance.participants import imports

    monkeypatch.setattr(imports, "CHUNK", 1)
    rows = [ROW | {"referanse": f"CH-{i}"} for i in range(3)]
    code, out, err = run(tmp_path, csv_text(rows))
    assert code == 0, err
    assert "3 nye" in out and "3 med fullført karriereveiledning" in out
    assert set(Participant.objects.values_list("reference", flat=True)) == {"CH-0", "CH-1", "CH-2"}
    assert GuidanceCase.objects.filter(status=CaseStatus.COMPLETED).count() == 3
