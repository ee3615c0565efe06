"""The column framework: one header normaliser, headers mapped to columns, every row parsed, all errors or all rows."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from integrering.tabular import (
    CellError,
    Column,
    InvalidTable,
    Limits,
    chain,
    date,
    decimal,
    exact,
    iter_rows,
    lookup,
    municipality_number,
    normalise_header,
    read_table,
    text,
    whole_number,
    write_csv,
    yes_no,
)

COLUMNS = (
    Column("reference", "referanse", required=True, blank=False, parse=text(max_length=10)),
    Column("municipality", "kommunenummer", aliases=("kommunenr", "knr"), required=True, parse=municipality_number()),
    Column("birth_date", "fødselsdato", parse=date()),
    Column("months", "varighet_mnd", parse=whole_number(minimum=0, maximum=36)),
    Column("agreed", "bosatt etter avtale", parse=yes_no()),
)


def table_of(csv_text: str, columns=COLUMNS, **options):
    return read_table(iter_rows(csv_text.encode(), "a.csv"), columns, **options)


def errors_of(csv_text: str, columns=COLUMNS, **options) -> list[str]:
    with pytest.raises(InvalidTable) as refused:
        table_of(csv_text, columns, **options)
    return [str(error) for error in refused.value.errors]


# The header ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("Fødselsdato", "fodselsdato"),
        ("\ufeffkommunenummer", "kommunenummer"),
        ("  Bosatt etter  avtale ", "bosatt_etter_avtale"),
        ("bosatt-etter_avtale", "bosatt_etter_avtale"),
        ("UTDANNINGSNIVÅ", "utdanningsniva"),
        ("Sluttmål", "sluttmal"),
        ("Særskilt", "saerskilt"),
        ("Kommunenr.", "kommunenr"),
        ("Tråante (sørsamisk)", "traante_sorsamisk"),
        ("Guovdageaidnu", "guovdageaidnu"),
        (None, ""),
    ],
)
def test_one_header_normaliser_for_case_space_bom_letters_and_separators(written, normalised):
    assert normalise_header(written) == normalised


@settings(deadline=None)
@given(st.text())
def test_normalising_a_header_twice_changes_nothing(written):
    assert normalise_header(normalise_header(written)) == normalise_header(written)


def test_headers_are_matched_through_the_normaliser_and_aliases():
    table = table_of("Referanse;KNR; FØDSELSDATO \nA1;301;15.03.2021\n")
    assert table.columns == ("reference", "municipality", "birth_date")
    assert table.headers == {"reference": "Referanse", "municipality": "KNR", "birth_date": "FØDSELSDATO"}
    assert table.rows[0].as_dict() == {
        "reference": "A1",
        "municipality": "0301",
        "birth_date": datetime.date(2021, 3, 15),
    }


def test_missing_and_duplicate_columns_are_all_reported_on_the_header_row():
    assert errors_of("knr;kommunenummer;annet\n1;2;3\n") == [
        "Row 1: The column «kommunenummer» appears more than once (columns A and B).",
        "Row 1: The file lacks the column «referanse».",
    ]


def test_unknown_columns_are_listed_or_refused():
    assert table_of("referanse;kommunenummer;merknad\nA;0301;x\n").ignored == ("merknad",)
    assert errors_of("referanse;kommunenummer;merknad\nA;0301;x\n", unknown="error") == [
        "Row 1: The column «merknad» is not known; known columns: referanse, kommunenummer, fødselsdato, "
        "varighet_mnd, bosatt etter avtale."
    ]


def test_the_header_is_the_first_non_blank_row_and_rows_keep_their_numbers_in_the_file():
    table = table_of("\n;\nreferanse;kommunenummer\n\nA;0301\n")
    assert table.header_row == 3
    assert [row.number for row in table.rows] == [5]


def test_an_empty_file_and_a_file_without_rows_are_errors():
    assert errors_of("\n\n") == ["The file is empty."]
    assert errors_of("referanse;kommunenummer\n") == ["Row 2: The file has no rows below the header."]
    assert table_of("referanse;kommunenummer\n", require_rows=False).rows == []


# The rows ------------------------------------------------------------------------------------------------------------


def test_every_error_of_every_row_is_reported_with_its_row_column_and_problem():
    content = (
        "referanse;kommunenummer;fødselsdato;varighet_mnd;bosatt etter avtale\n"
        "A1;0301;31.02.2021;12;ja\n"
        ";12;15.03.2021;40;kanskje\n"
        "A3;5001;15/03/2021;-1;nei\n"
    )
    assert errors_of(content) == [
        "Row 2, column «fødselsdato»: «31.02.2021» is not a valid date.",
        "Row 3, column «referanse»: The cell must be filled in.",
        "Row 3, column «kommunenummer»: «12» is not a municipality number (four digits).",
        "Row 3, column «varighet_mnd»: 40 is more than 36.",
        "Row 3, column «bosatt etter avtale»: «kanskje» is not ja or nei.",
        "Row 4, column «fødselsdato»: «15/03/2021» is not a date (write 15.03.2021 or 2021-03-15).",
        "Row 4, column «varighet_mnd»: -1 is less than 0.",
    ]


def test_an_empty_cell_is_none_and_a_missing_trailing_cell_is_empty():
    table = table_of("referanse;kommunenummer;fødselsdato;varighet_mnd\nA;0301;;\nB;0301\n")
    assert [row.get("months") for row in table.rows] == [None, None]
    assert "agreed" not in table.rows[0]


def test_errors_are_capped_and_the_rest_counted():
    content = "referanse;kommunenummer\n" + "".join(f"R{n};x\n" for n in range(10))
    with pytest.raises(InvalidTable) as refused:
        table_of(content, max_errors=3)
    assert (len(refused.value.errors), refused.value.more) == (3, 7)
    assert refused.value.params["count"] == 10


def test_a_readers_limit_on_the_way_is_reported_with_the_cell_errors_before_it():
    content = b"referanse;kommunenummer\nA;x\nB;0301\nC;0301\n"
    with pytest.raises(InvalidTable) as refused:
        read_table(iter_rows(content, "a.csv", limits=Limits(max_rows=2)), COLUMNS)
    assert [(error.code, error.row) for error in refused.value.errors] == [
        ("not_a_municipality_number", 2),
        ("too_many_rows", 4),
    ]


def test_a_parser_can_be_supplied_at_read_time_for_a_lookup_the_application_builds():
    municipalities = {"0301": "Oslo", "5001": "Trondheim"}
    by_number = chain(municipality_number(), lookup(municipalities, key=exact))
    table = table_of("referanse;kommunenummer\nA;301\nB;5001\n", parsers={"municipality": by_number})
    assert [row["municipality"] for row in table.rows] == ["Oslo", "Trondheim"]
    assert errors_of("referanse;kommunenummer\nA;4601\n", parsers={"municipality": by_number}) == [
        "Row 2, column «kommunenummer»: «4601» is not known."
    ]


def test_validators_and_row_checks_name_the_column_as_written_in_the_file():
    def not_in_the_future(value: datetime.date) -> None:
        if value > datetime.date(2030, 1, 1):
            raise CellError("date_too_late", params={"value": value, "limit": datetime.date(2030, 1, 1)})

    def reference_matches_municipality(row):
        if row["reference"].startswith("O") and row["municipality"] != "0301":
            yield CellError("unknown_value", params={"value": row["reference"]}, column="reference")

    columns = (*COLUMNS[:2], Column("birth_date", "fødselsdato", parse=date(), validators=(not_in_the_future,)))
    content = "Referanse;kommunenummer;fødselsdato\nO1;5001;01.01.2000\nA1;5001;01.01.2031\n"
    assert errors_of(content, columns, row_checks=(reference_matches_municipality,)) == [
        "Row 2, column «Referanse»: «O1» is not known.",
        "Row 3, column «fødselsdato»: The date 2031-01-01 is after 2030-01-01.",
    ]


def test_an_exported_csv_imports_back_unchanged_formula_like_text_included():
    rows = [["=1+1", "0301"], ["-Ola", "5001"], ["'=quoted", "3401"]]
    table = read_table(iter_rows(write_csv(["referanse", "kommunenummer"], rows), "a.csv"), COLUMNS[:2])
    assert [[row["reference"], row["municipality"]] for row in table.rows] == rows


# The parsers ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "value"),
    [("1234", 1234), ("1 234", 1234), ("1\u00a0234", 1234), ("−5", -5), ("-5", -5), (5001.0, 5001), (7, 7)],
)
def test_whole_numbers(written, value):
    assert whole_number()(written) == value


@pytest.mark.parametrize("written", ["1.000", "1,5", "12a", 1.5, True, "--1"])
def test_not_whole_numbers(written):
    with pytest.raises(CellError) as refused:
        whole_number()(written)
    assert refused.value.code == "not_a_whole_number"


@pytest.mark.parametrize(
    ("written", "value"),
    [("12,5", Decimal("12.5")), ("12.5", Decimal("12.5")), ("1 234,50", Decimal("1234.50")), (0.1, Decimal("0.1"))],
)
def test_decimals(written, value):
    assert decimal(places=2)(written) == value


def test_decimals_refuse_more_places_than_allowed_and_text():
    with pytest.raises(CellError) as refused:
        decimal(places=2)("1,234")
    assert refused.value.code == "too_many_decimals"
    with pytest.raises(CellError) as refused:
        decimal()("1.234,5")
    assert refused.value.code == "not_a_number"


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("15.03.2021", datetime.date(2021, 3, 15)),
        ("5.3.2021", datetime.date(2021, 3, 5)),
        ("2021-03-15", datetime.date(2021, 3, 15)),
        (datetime.datetime(2021, 3, 15, 0, 0), datetime.date(2021, 3, 15)),
        (datetime.date(2021, 3, 15), datetime.date(2021, 3, 15)),
    ],
)
def test_dates_in_norwegian_and_iso_form(written, value):
    assert date()(written) == value


@settings(deadline=None)
@given(st.dates())
def test_any_date_written_either_way_parses_back(day):
    assert date()(day.strftime("%d.%m.") + f"{day.year:04d}") == day
    assert date()(f"{day.year:04d}-{day.month:02d}-{day.day:02d}") == day


@pytest.mark.parametrize(
    ("written", "value"), [("ja", True), ("Nei", False), ("J", True), ("x", True), (True, True), (0, False)]
)
def test_yes_no(written, value):
    assert yes_no()(written) is value


@pytest.mark.parametrize(("written", "value"), [(301, "0301"), (301.0, "0301"), ("301", "0301"), ("5001", "5001")])
def test_a_municipality_number_gets_back_its_leading_zero(written, value):
    assert municipality_number()(written) == value


@pytest.mark.parametrize("written", ["30", "50011", "Oslo", True])
def test_not_municipality_numbers(written):
    with pytest.raises(CellError):
        municipality_number()(written)


def test_text_is_trimmed_and_limited():
    assert text()("  Ola  ") == "Ola"
    assert text()(47.0) == "47"
    with pytest.raises(CellError) as refused:
        text(max_length=3)("abcd")
    assert refused.value.params == {"length": 4, "limit": 3}
