"""Writers: CSV for Norwegian Excel and XLSX, every text cell formula-safe, numbers numbers, dates dates."""

import datetime
import io
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from integrering.tabular import (
    LimitExceeded,
    Sheet,
    csv_text,
    formula_prefix_remove,
    is_formula_like,
    read_rows,
    sheet_name,
    write_csv,
    write_xlsx,
)

DANGEROUS = ["=1+1", "+47 22 00 00 00", "-2+3", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://x","klikk")', "  =1"]


def workbook_of(content: bytes):
    return load_workbook(io.BytesIO(content))  # the full (not read-only) reader: it shows types and styles


# CSV -----------------------------------------------------------------------------------------------------------------


def test_csv_is_semicolon_separated_utf8_with_a_byte_order_mark_and_crlf():
    content = write_csv(["kommune", "antall"], [["Bø", 5], ["Å", None]])
    assert content == "\ufeffkommune;antall\r\nBø;5\r\nÅ;\r\n".encode()


def test_csv_numbers_stay_numbers_and_decimals_get_a_decimal_comma():
    content = write_csv(["a", "b", "c", "d"], [[-5, Decimal("-1234.50"), 0.1, 10**20]])
    assert content.decode("utf-8-sig").splitlines()[1] == "-5;-1234,50;0,1;100000000000000000000"


def test_csv_dates_are_norwegian_booleans_ja_nei_and_none_empty():
    row = [datetime.date(2021, 3, 5), datetime.datetime(2021, 3, 5, 14, 7), True, False, None]
    content = write_csv(["a", "b", "c", "d", "e"], [row])
    assert content.decode("utf-8-sig").splitlines()[1] == "05.03.2021;05.03.2021 14:07;ja;nei;"


@pytest.mark.parametrize("text", DANGEROUS)
def test_csv_text_that_looks_like_a_formula_is_prefixed_with_an_apostrophe(text):
    rows = read_rows(write_csv(["navn"], [[text]]), "a.csv")
    assert rows[1] == ["'" + text]


def test_csv_header_cells_are_formula_safe_too():
    assert write_csv(["=navn"], []).decode("utf-8-sig") == "'=navn\r\n"


def test_csv_refuses_values_it_cannot_write_faithfully():
    with pytest.raises(ValueError):
        write_csv(["a"], [[float("nan")]])
    with pytest.raises(TypeError):
        write_csv(["a"], [[object()]])


def test_csv_can_be_written_to_a_stream_that_stays_open():
    stream = io.BytesIO()
    assert write_csv(["a"], iter([[1], [2]]), stream) is None
    assert not stream.closed
    assert stream.getvalue() == b"\xef\xbb\xbfa\r\n1\r\n2\r\n"


# XLSX ----------------------------------------------------------------------------------------------------------------


def test_xlsx_numbers_are_numbers_dates_are_dates_shown_the_norwegian_way():
    when = datetime.datetime(2021, 3, 5, 14, 7)
    content = write_xlsx(
        Sheet(
            "Ark", ["a", "b", "c", "d", "e", "f"], [[-5, Decimal("2.5"), datetime.date(2021, 3, 5), when, True, None]]
        )
    )
    cells = list(workbook_of(content).active.iter_rows(min_row=2))[0]
    assert [cell.value for cell in cells[:5]] == [-5, 2.5, datetime.datetime(2021, 3, 5), when, "ja"]
    assert [cell.data_type for cell in cells[:5]] == ["n", "n", "d", "d", "s"]
    assert (cells[2].number_format, cells[3].number_format) == ("dd.mm.yyyy", "dd.mm.yyyy hh:mm")
    assert cells[5].value is None


@pytest.mark.parametrize("text", DANGEROUS)
def test_xlsx_text_that_looks_like_a_formula_is_a_string_with_excels_quote_prefix(text):
    cell = workbook_of(write_xlsx(Sheet("Ark", ["navn"], [[text]]))).active["A2"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == (text.replace("\r", "_x000D_"), "s", True)


def test_xlsx_header_is_bold_and_frozen_and_the_total_row_is_bold_with_a_line_above():
    content = write_xlsx(
        Sheet("Bosetting", ["kommune", "antall"], [["Bø", 5], ["Sum", 5]], total_row=True, widths=[20, 8])
    )
    sheet = workbook_of(content).active
    assert sheet["A1"].font.b and sheet.freeze_panes == "A2"
    assert not sheet["A2"].font.b
    assert sheet["A3"].font.b and sheet["B3"].font.b and sheet["B3"].border.top.style == "thin"
    assert sheet.column_dimensions["A"].width == pytest.approx(20, abs=1)


def test_xlsx_several_sheets_with_notes_and_names_excel_accepts():
    sheets = [
        Sheet("Bosetting 2026/27: [tall]", ["a"], [[1]], notes={(0, 0): "3 av 40 er ukjente"}),
        Sheet("Bosetting 2026/27: [tall]", ["b"], [[2]]),
    ]
    book = workbook_of(write_xlsx(sheets))
    assert book.sheetnames == ["Bosetting 2026-27- -tall-", "Bosetting 2026-27- -tall- (2)"]
    assert book.worksheets[0]["A2"].comment.text == "3 av 40 er ukjente"


def test_sheet_names_are_cut_to_31_characters_and_kept_unique():
    first = sheet_name("x" * 40)
    assert first == "x" * 31
    assert sheet_name("x" * 40, {first.casefold()}) == "x" * 27 + " (2)"


def test_xlsx_text_longer_than_a_cell_holds_is_an_error_not_cut():
    with pytest.raises(LimitExceeded) as refused:
        write_xlsx(Sheet("Ark", ["a"], [["x" * 32_768]]))
    assert (refused.value.code, refused.value.row, refused.value.column) == ("cell_too_long", 2, "A")


def test_xlsx_with_shared_strings_as_excel_writes_them_reads_back_the_same():
    rows = [["=1+1", -5, datetime.date(2021, 3, 5)], ["Ola", 2, None]]
    content = write_xlsx(Sheet("Ark", ["a", "b", "c"], rows), shared_strings=True)
    assert read_rows(content, "a.xlsx") == [["a", "b", "c"], ["=1+1", -5, datetime.datetime(2021, 3, 5)], ["Ola", 2]]
    assert workbook_of(content).active["A2"].quotePrefix


def test_xlsx_can_be_written_to_a_stream():
    stream = io.BytesIO()
    assert write_xlsx(Sheet("Ark", ["a"], iter([[1]])), stream) is None
    assert read_rows(stream.getvalue(), "a.xlsx") == [["a"], [1]]


# Properties: any text comes back as text and never as a formula ---------------------------------------------------

ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)
FORMULA_LIKE = st.builds(
    lambda start, rest: start + rest, st.sampled_from(["=", "+", "-", "@", "\t", "\r", " ="]), ANY_TEXT
)
TEXT = st.one_of(ANY_TEXT, FORMULA_LIKE)
# Writing and reading a workbook takes tens of milliseconds on a busy machine: no deadline, fewer examples.
FILE_ROUND_TRIP = settings(deadline=None, max_examples=50)
# Text openpyxl reads back unchanged: xlsxwriter escapes other control characters and «_xHHHH_» as the format says,
# and openpyxl does not undo that escaping.
XLSX_FAITHFUL_TEXT = TEXT.filter(lambda t: "_x" not in t and all(c in "\t\n" or ord(c) >= 32 for c in t))


@given(st.lists(TEXT, min_size=1, max_size=5))
@FILE_ROUND_TRIP
def test_any_text_round_trips_through_csv_as_text_and_never_starts_like_a_formula(texts):
    rows = read_rows(write_csv(["a"] * len(texts), [texts]), "a.csv")
    written = rows[1]
    assert [formula_prefix_remove(cell) for cell in written] == texts
    assert not any(is_formula_like(cell) for cell in written)


@given(TEXT)
def test_removing_the_prefix_undoes_exactly_what_the_csv_writer_added(text):
    assert formula_prefix_remove(csv_text(text)) == text


@given(st.lists(TEXT, min_size=1, max_size=5))
@FILE_ROUND_TRIP
def test_any_text_is_a_string_cell_in_xlsx_never_a_formula(texts):
    sheet = workbook_of(write_xlsx(Sheet("Ark", ["a"] * len(texts), [texts]))).active
    cells = list(next(sheet.iter_rows(min_row=2, max_row=2, max_col=len(texts))))
    for text, cell in zip(texts, cells):
        assert cell.data_type != "f"
        if text:
            assert cell.data_type == "s"
            assert cell.quotePrefix == is_formula_like(text)


@given(st.lists(XLSX_FAITHFUL_TEXT.filter(bool), min_size=1, max_size=5))
@FILE_ROUND_TRIP
def test_text_round_trips_through_xlsx_unchanged(texts):
    assert read_rows(write_xlsx(Sheet("Ark", ["a"] * len(texts), [texts])), "a.xlsx")[1] == texts


@given(st.integers(min_value=-(2**53), max_value=2**53))
@FILE_ROUND_TRIP
def test_a_negative_number_is_a_number_not_text(number):
    assert read_rows(write_xlsx(Sheet("Ark", ["a"], [[number]])), "a.xlsx")[1] == [number]
    assert read_rows(write_csv(["a"], [[number]]), "a.csv")[1] == [str(number)]
