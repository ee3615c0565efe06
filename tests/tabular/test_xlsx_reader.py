"""Reading XLSX: typed cells, a declared dimension never trusted, zip bombs and every limit refused with memory bounded.

Memory is measured with tracemalloc as a bound («under 50 MB»), never time.
"""

import datetime
import io
import random
import string
import tracemalloc
from collections.abc import Callable, Iterator

import pytest
from openpyxl import Workbook

from integrering.tabular import DEFAULT_LIMITS, LimitExceeded, Limits, TableError, UnreadableFile, read_rows
from integrering.tabular.limits import MB

from .workbooks import SHEET_PATH, declared_size_set, sheet_xml, text_row, workbook, zip_bomb


def rows_of(content: bytes, limits: Limits = DEFAULT_LIMITS, **options) -> list[list]:
    return read_rows(content, "tabell.xlsx", limits=limits, **options)


def peak_memory(action: Callable[[], object]) -> tuple[object, int]:
    """(what ``action`` returned or raised, tracemalloc's peak in bytes while it ran)."""
    tracemalloc.start()
    try:
        try:
            outcome: object = action()
        except TableError as error:
            outcome = error
        return outcome, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def saved(build: Callable[[Workbook], None]) -> bytes:
    book = Workbook()
    build(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# Ordinary workbooks ------------------------------------------------------------------------------------------------


def test_cells_keep_their_types_and_trailing_empty_cells_are_trimmed():
    def build(book: Workbook) -> None:
        sheet = book.active
        sheet.append(["kommunenummer", "antall", "dato", "andel", "ja"])
        sheet.append(["0301", 140, datetime.date(2021, 3, 15), 0.5, True])
        sheet["H2"].number_format = "0.00"  # formatted but empty, far to the right
        sheet.cell(row=2, column=8).value = None

    assert rows_of(saved(build)) == [
        ["kommunenummer", "antall", "dato", "andel", "ja"],
        ["0301", 140, datetime.datetime(2021, 3, 15), 0.5, True],
    ]


def test_gaps_between_rows_are_empty_rows_so_numbers_match_the_spreadsheet():
    def build(book: Workbook) -> None:
        book.active["A1"] = "a"
        book.active["A4"] = "d"

    assert rows_of(saved(build)) == [["a"], [], [], ["d"]]


def test_a_sheet_is_chosen_by_name_or_position_and_a_missing_one_is_an_error():
    def build(book: Workbook) -> None:
        book.active["A1"] = "første"
        book.create_sheet("Kilder")["A1"] = "andre"

    content = saved(build)
    assert rows_of(content, sheet="Kilder") == [["andre"]]
    assert rows_of(content, sheet=1) == [["andre"]]
    with pytest.raises(UnreadableFile) as refused:
        rows_of(content, sheet="Finnes ikke")
    assert (refused.value.code, refused.value.params["sheet"]) == ("xlsx_sheet_not_found", "Finnes ikke")


def test_a_formula_gives_its_saved_value_never_the_formula():
    rows = sheet_xml('<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f>SUM(A1)</f></c></row>')
    assert rows_of(workbook(rows)) == [[2]]


def test_the_old_binary_excel_format_is_refused_with_its_own_message():
    with pytest.raises(UnreadableFile) as refused:
        rows_of(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    assert refused.value.code == "xls_unsupported"


def test_text_saved_under_an_xls_name_is_read_as_the_csv_it_is():
    assert read_rows("navn\tantall\nBodø\t5\n".encode(), "eksport.xls") == [["navn", "antall"], ["Bodø", "5"]]


def test_a_file_named_xlsx_that_is_no_zip_is_a_broken_workbook():
    with pytest.raises(UnreadableFile) as refused:
        rows_of(b"a;b\n1;2\n")
    assert refused.value.code == "xlsx_broken"


def test_a_shared_string_that_does_not_exist_names_the_row():
    rows = sheet_xml(text_row(1, "a") + '<row r="2"><c r="A2" t="s"><v>99</v></c></row>')
    with pytest.raises(UnreadableFile) as refused:
        rows_of(workbook(rows))
    assert (refused.value.code, refused.value.row) == ("xlsx_row_broken", 2)


def test_an_xml_entity_expansion_is_refused_as_a_broken_workbook():
    entities = '<!ENTITY l0 "hahahahahahahahahaha">' + "".join(
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    head = f"<!DOCTYPE worksheet [{entities}]>"  # «billion laughs»: 10⁹ × «ha»
    rows = sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>&l9;</t></is></c></row>', head=head)
    outcome, peak = peak_memory(lambda: rows_of(workbook(rows)))
    assert isinstance(outcome, UnreadableFile)
    assert peak < 50 * MB


# A declared dimension is never trusted -----------------------------------------------------------------------------


def test_a_sheet_declaring_a_huge_dimension_is_read_as_what_it_holds_with_memory_bounded():
    rows = "".join(
        f'<row r="{n}"><c r="A{n}"><v>{n}</v></c><c r="B{n}"><v>{2 * n}</v></c></row>' for n in range(1, 5_002)
    )
    content = workbook(sheet_xml(rows, dimension="A1:XFD20001"))  # openpyxl would pad each row to 16,384 cells
    outcome, peak = peak_memory(lambda: rows_of(content))
    assert isinstance(outcome, list)
    assert len(outcome) == 5_001
    assert outcome[-1] == [5_001, 10_002]
    assert {len(row) for row in outcome} == {2}
    assert peak < 50 * MB


def test_cells_far_to_the_right_in_many_rows_are_refused_by_the_cell_budget_with_memory_bounded():
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>1</v></c><c r="XFD{n}" s="0"/></row>' for n in range(1, 3_000))
    outcome, peak = peak_memory(lambda: rows_of(workbook(sheet_xml(rows)), Limits(max_rows=100, max_columns=200)))
    assert isinstance(outcome, LimitExceeded)
    assert (outcome.code, outcome.limit, outcome.limit_value) == ("too_many_cells", "max_cells", 101 * 200)
    assert peak < 50 * MB


def test_a_row_number_beyond_excels_last_row_is_refused_without_yielding_a_billion_rows():
    rows = text_row(1, "a") + '<row r="999999999999"><c r="A999999999999"><v>1</v></c></row>'
    with pytest.raises(LimitExceeded) as refused:
        rows_of(workbook(sheet_xml(rows)), Limits(max_rows=10))
    assert refused.value.code == "too_many_rows"


def test_a_row_of_more_cells_than_excel_has_columns_is_refused_before_openpyxl_builds_it():
    cells = "<c/>" * 20_000
    outcome, peak = peak_memory(lambda: rows_of(workbook(sheet_xml(f"<row>{cells}</row>"))))
    assert isinstance(outcome, UnreadableFile)
    assert outcome.code == "xlsx_broken"
    assert peak < 50 * MB


def test_the_cell_count_is_not_fooled_by_a_namespace_prefix():
    body = f'<x:row xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{"<x:c/>" * 20_000}</x:row>'
    with pytest.raises(UnreadableFile):
        rows_of(workbook(sheet_xml(body)))


def test_one_cell_of_megabytes_of_text_is_refused_before_it_is_parsed():
    letters = random.Random(1).choices(string.ascii_lowercase, k=MB)

    def chunks() -> Iterator[bytes]:
        yield b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        yield b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
        for shift in range(5):  # 5 MB of text that does not pack well (so only the cell check can refuse it)
            yield "".join(letters[shift:] + letters[:shift]).encode()
        yield b"</t></is></c></row></sheetData></worksheet>"

    outcome, peak = peak_memory(lambda: rows_of(workbook(chunks())))
    assert isinstance(outcome, LimitExceeded)
    assert (outcome.code, outcome.limit) == ("cell_too_long", "max_cell_chars")
    assert peak < 50 * MB


# Zip bombs ---------------------------------------------------------------------------------------------------------


def test_a_zip_bomb_over_the_unpacked_size_limit_is_refused_from_the_directory_with_memory_bounded():
    content = zip_bomb(300)  # 300 MB unpacked, under 1 MB packed
    assert len(content) < MB
    outcome, peak = peak_memory(lambda: rows_of(content))
    assert isinstance(outcome, LimitExceeded)
    assert (outcome.code, outcome.limit, outcome.limit_value) == (
        "xlsx_part_too_large",
        "max_xlsx_part_bytes",
        256 * MB,
    )
    assert outcome.params["part"] == SHEET_PATH
    assert peak < 50 * MB


def test_a_part_that_packs_absurdly_well_is_refused_even_under_the_size_limits():
    outcome, peak = peak_memory(lambda: rows_of(zip_bomb(20)))
    assert isinstance(outcome, LimitExceeded)
    assert (outcome.code, outcome.limit, outcome.limit_value) == ("xlsx_compression_ratio", "max_xlsx_ratio", 100)
    assert outcome.params["ratio"] > 100
    assert peak < 50 * MB


def test_the_unpacked_size_limits_of_a_part_and_of_the_whole_archive():
    content = workbook(sheet_xml(text_row(1, "a" * 1000)))
    sheet_size = len(sheet_xml(text_row(1, "a" * 1000)).encode())
    assert rows_of(content, Limits(max_xlsx_part_bytes=sheet_size)) == [["a" * 1000]]
    with pytest.raises(LimitExceeded) as refused:
        rows_of(content, Limits(max_xlsx_part_bytes=sheet_size - 1))
    assert refused.value.code == "xlsx_part_too_large"
    with pytest.raises(LimitExceeded) as refused:
        rows_of(content, Limits(max_xlsx_bytes=sheet_size))
    assert refused.value.code == "xlsx_too_large"


def test_a_directory_that_understates_a_parts_size_does_not_let_more_be_unpacked():
    rows = "".join(text_row(number, "x" * 100) for number in range(1, 2_000))
    content = declared_size_set(workbook(sheet_xml(rows)), SHEET_PATH, 1_000)
    with pytest.raises(UnreadableFile) as refused:
        rows_of(content)
    assert refused.value.code == "xlsx_broken"


def test_the_number_of_parts_is_read_from_the_end_of_the_file_and_limited():
    content = workbook(sheet_xml(text_row(1, "a")), extra={f"xl/extra{i}.xml": b"<x/>" for i in range(20)})
    assert rows_of(content, Limits(max_xlsx_parts=25)) == [["a"]]
    with pytest.raises(LimitExceeded) as refused:
        rows_of(content, Limits(max_xlsx_parts=24))
    assert (refused.value.code, refused.value.params["count"]) == ("xlsx_too_many_parts", 25)


# Limits: just under passes, just over fails ------------------------------------------------------------------------


def test_the_row_limit():
    content = workbook(sheet_xml("".join(text_row(n, str(n)) for n in range(1, 5))))
    assert len(rows_of(content, Limits(max_rows=3))) == 4
    with pytest.raises(LimitExceeded) as refused:
        rows_of(content, Limits(max_rows=2))
    assert (refused.value.code, refused.value.row, refused.value.limit) == ("too_many_rows", 4, "max_rows")


def test_blank_formatted_rows_beyond_the_row_limit_are_skipped():
    rows = text_row(1, "a") + text_row(2, "b") + '<row r="500000" s="1" customFormat="1"><c r="A500000" s="1"/></row>'
    assert rows_of(workbook(sheet_xml(rows)), Limits(max_rows=5)) == [["a"], ["b"], [], [], [], []]


def test_the_column_limit_counts_cells_after_trailing_empty_ones_are_trimmed():
    content = workbook(
        sheet_xml(text_row(1, "a", "b", "c") + '<row r="2"><c r="A2"><v>1</v></c><c r="J2" s="1"/></row>')
    )
    assert rows_of(content, Limits(max_columns=3)) == [["a", "b", "c"], [1]]
    with pytest.raises(LimitExceeded) as refused:
        rows_of(content, Limits(max_columns=2))
    assert (refused.value.code, refused.value.row, refused.value.column) == ("too_many_columns", 1, "C")


def test_the_cell_length_limit():
    content = workbook(sheet_xml(text_row(1, "navn") + text_row(2, "x" * 10)))
    assert rows_of(content, Limits(max_cell_chars=10))[1] == ["x" * 10]
    with pytest.raises(LimitExceeded) as refused:
        rows_of(content, Limits(max_cell_chars=9))
    assert (refused.value.code, refused.value.row, refused.value.column) == ("cell_too_long", 2, "A")


def test_the_file_size_limit_applies_to_workbooks_too():
    content = workbook(sheet_xml(text_row(1, "a")))
    assert rows_of(content, Limits(max_bytes=len(content))) == [["a"]]
    with pytest.raises(LimitExceeded) as refused:
        rows_of(content, Limits(max_bytes=len(content) - 1))
    assert refused.value.code == "file_too_large"
