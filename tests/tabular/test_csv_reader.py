"""Reading CSV: encodings, delimiters, line endings, and every limit (just under passes, just over fails)."""

import codecs
import csv
import io
import tracemalloc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from integrering.tabular import DEFAULT_LIMITS, LimitExceeded, Limits, UnreadableFile, read_rows, table_open
from integrering.tabular.limits import MB


def rows_of(content: bytes, limits: Limits = DEFAULT_LIMITS) -> list[list]:
    return read_rows(content, "tabell.csv", limits=limits)


# Encodings ---------------------------------------------------------------------------------------------------------


def test_utf8_without_a_byte_order_mark_is_read():
    opened = table_open("navn;sted\nÅse;Tromsø\n".encode(), "a.csv")
    assert list(opened.rows) == [["navn", "sted"], ["Åse", "Tromsø"]]
    assert opened.encoding == "utf-8"


def test_utf8_with_a_byte_order_mark_drops_the_mark():
    opened = table_open(codecs.BOM_UTF8 + "navn;sted\nÅse;Tromsø\n".encode(), "a.csv")
    assert list(opened.rows) == [["navn", "sted"], ["Åse", "Tromsø"]]
    assert opened.encoding == "utf-8-sig"


def test_windows_1252_keeps_norwegian_letters_and_its_own_signs():
    content = "navn;merknad\nSnåsa;€ 5 – «ok» “sitat”\n".encode("cp1252")
    opened = table_open(content, "a.csv")
    assert list(opened.rows)[1] == ["Snåsa", "€ 5 – «ok» “sitat”"]
    assert opened.encoding == "windows-1252"


def test_iso_8859_1_is_read_as_windows_1252_which_agrees_on_all_its_text():
    text = "navn;sted\nÆrlig Øyvind Åsen;Bø i Telemark ½ § ¤\n"
    assert rows_of(text.encode("iso-8859-1")) == [["navn", "sted"], ["Ærlig Øyvind Åsen", "Bø i Telemark ½ § ¤"]]


def test_valid_utf8_is_never_taken_for_windows_1252():
    # «å» in UTF-8 is C3 A5, which Windows-1252 would show as «Ã¥».
    assert rows_of("sted\nSnåsa\n".encode())[1] == ["Snåsa"]


def test_utf16_with_a_byte_order_mark_is_read_as_excel_unicode_text():
    opened = table_open("navn\tsted\nÅse\tTromsø\n".encode("utf-16"), "a.txt")
    assert list(opened.rows) == [["navn", "sted"], ["Åse", "Tromsø"]]
    assert (opened.encoding, opened.delimiter) == ("utf-16", "\t")


@pytest.mark.parametrize("byte", [b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"])
def test_a_byte_that_is_neither_utf8_nor_windows_1252_is_refused(byte):
    with pytest.raises(UnreadableFile) as refused:
        rows_of(b"navn\nSn" + byte + b"sa\n")
    assert refused.value.code == "encoding_unknown"


# Delimiters and line endings ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "delimiter"),
    [
        (b"a;b;c\n1;2,5;3\n", ";"),
        (b"a,b,c\n1,2;5,3\n", ","),
        (b"a\tb\tc\n1\t2,5\t3\n", "\t"),
        (b"a;b,c\n1;2,3\n", ";"),  # a tie goes to ;
        (b'"a,b";c;d\n1;2;3\n', ";"),  # a delimiter inside quotes does not count
        (b"navn\nOslo, sentrum\n", ";"),  # one column: nothing splits the commas in the data
    ],
)
def test_the_delimiter_is_the_most_frequent_one_outside_quotes_in_the_first_line(content, delimiter):
    assert table_open(content, "a.csv").delimiter == delimiter


def test_a_file_with_only_carriage_returns_as_line_endings_is_read_correctly():
    assert rows_of(b"a;b\r1;2\r3;4\r") == [["a", "b"], ["1", "2"], ["3", "4"]]


def test_mixed_line_endings_and_line_breaks_inside_quotes_are_read():
    content = b'a;b\r\n1;"to\r\nlinjer"\n3;"en\rlinje"\r5;6'
    assert rows_of(content) == [["a", "b"], ["1", "to\r\nlinjer"], ["3", "en\rlinje"], ["5", "6"]]


def test_blank_lines_keep_the_row_numbers_of_the_rows_after_them():
    assert rows_of(b"a;b\n\n1;2\n") == [["a", "b"], [], ["1", "2"]]


def test_an_empty_file_has_no_rows():
    assert rows_of(b"") == []


# Broken text -------------------------------------------------------------------------------------------------------


def test_a_nul_character_is_refused_naming_its_row():
    with pytest.raises(UnreadableFile) as refused:
        rows_of(b"a;b\n1;2\n3\x00;4\n")
    assert (refused.value.code, refused.value.row) == ("nul_character", 3)
    assert str(refused.value).startswith("Row 3: ")


def test_a_field_over_the_csv_modules_own_limit_is_a_cell_error_naming_the_row():
    content = b"a;b\n1;2\n3;" + b"x" * 131_073 + b"\n"
    with pytest.raises(LimitExceeded) as refused:
        rows_of(content)
    error = refused.value
    assert (error.code, error.row, error.limit, error.limit_value) == ("cell_too_long", 3, "max_cell_chars", 32_767)


def test_an_unterminated_quote_cannot_swallow_the_rest_of_the_file_into_one_row():
    content = b'a;b\n1;"never closed\n' + b"2;3\n" * 100
    with pytest.raises(LimitExceeded) as refused:
        rows_of(content, Limits(max_row_chars=200))
    assert (refused.value.code, refused.value.row) == ("row_too_long", 2)


# Limits: just under passes, just over fails, and the error names the limit -----------------------------------------


def test_the_file_size_limit():
    limits = Limits(max_bytes=100)
    content = b"a\n" + b"x" * 97 + b"\n"
    assert len(rows_of(content, limits)) == 2
    with pytest.raises(LimitExceeded) as refused:
        rows_of(content + b"y", limits)
    assert (refused.value.limit, refused.value.limit_value) == ("max_bytes", 100)


def test_a_file_object_is_read_no_further_than_one_byte_past_the_size_limit():
    stream = io.BytesIO(b"a\n" + b"x" * 10 * MB)
    with pytest.raises(LimitExceeded):
        read_rows(stream, "a.csv", limits=Limits(max_bytes=1000))
    assert stream.tell() == 1001


def test_the_default_file_size_limit_is_20_mb_and_named_in_megabytes():
    with pytest.raises(LimitExceeded) as refused:
        rows_of(b"a\n" + b"x" * (20 * MB))
    assert refused.value.params["limit_mb"] == 20
    assert str(refused.value) == "The file is larger than the limit of 20 MB."


def test_the_row_limit_counts_rows_below_the_header():
    limits = Limits(max_rows=3)
    content = b"a\n1\n2\n3\n"
    assert len(rows_of(content, limits)) == 4
    with pytest.raises(LimitExceeded) as refused:
        rows_of(content + b"4\n", limits)
    assert (refused.value.code, refused.value.row, refused.value.limit) == ("too_many_rows", 5, "max_rows")


def test_blank_rows_beyond_the_row_limit_are_skipped():
    assert len(rows_of(b"a\n1\n2\n3\n\n;\n \n", Limits(max_rows=3))) == 4


def test_the_column_limit():
    limits = Limits(max_columns=3)
    assert rows_of(b"a;b;c\n1;2;3\n", limits)[1] == ["1", "2", "3"]
    with pytest.raises(LimitExceeded) as refused:
        rows_of(b"a;b;c\n1;2;3;4\n", limits)
    assert (refused.value.code, refused.value.row, refused.value.column) == ("too_many_columns", 2, "D")
    assert refused.value.limit_value == 3


def test_the_cell_length_limit():
    limits = Limits(max_cell_chars=10)
    assert rows_of(b"a;b\n1;" + b"x" * 10 + b"\n", limits)[1][1] == "x" * 10
    with pytest.raises(LimitExceeded) as refused:
        rows_of(b"a;b\n1;" + b"x" * 11 + b"\n", limits)
    assert (refused.value.code, refused.value.row, refused.value.column) == ("cell_too_long", 2, "B")


def test_the_row_length_limit_counts_characters_of_the_row_with_its_line_break():
    limits = Limits(max_row_chars=10)
    assert rows_of(b"a\n12345678\n", limits)[1] == ["12345678"]  # 8 + \n = 9
    with pytest.raises(LimitExceeded) as refused:
        rows_of(b"a\n1234567890\n", limits)  # 10 + \n = 11
    assert (refused.value.code, refused.value.row) == ("row_too_long", 2)


def test_a_row_of_millions_of_empty_fields_is_refused_with_memory_bounded():
    content = b"a\n" + b";" * (20 * MB - 10)
    tracemalloc.start()
    try:
        with pytest.raises(LimitExceeded) as refused:
            rows_of(content)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert refused.value.code == "row_too_long"
    assert peak < 50 * MB


def test_limits_refuse_values_that_make_no_sense():
    with pytest.raises(ValueError):
        Limits(max_rows=0)
    with pytest.raises(ValueError):
        Limits(max_cell_chars=200_000)  # over what the csv module can hand over


# Properties --------------------------------------------------------------------------------------------------------

ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20)
NORWEGIAN_1252 = st.text(
    st.sampled_from("abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789.,;\t\"'\r\n-=+@æøåÆØÅéü"), max_size=12
)
ENCODINGS = {"utf-8": "utf-8", "utf-8-sig": "utf-8-sig", "utf-16": "utf-16", "cp1252": "windows-1252"}


def _encoded(rows: list[list[str]], delimiter: str, encoding: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(["a", "b", "c"])
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


@settings(deadline=None)
@given(
    rows=st.lists(st.lists(NORWEGIAN_1252, min_size=3, max_size=3), max_size=8),
    delimiter=st.sampled_from([";", ",", "\t"]),
    encoding=st.sampled_from(list(ENCODINGS)),
)
def test_any_table_reads_back_in_every_encoding_and_with_every_delimiter(rows, delimiter, encoding):
    opened = table_open(_encoded(rows, delimiter, encoding), "a.csv")
    assert list(opened.rows) == [["a", "b", "c"], *rows]
    assert opened.delimiter == delimiter
    ascii_only = all(cell.isascii() for row in rows for cell in row)
    expected = "utf-8" if encoding == "cp1252" and ascii_only else ENCODINGS[encoding]
    assert opened.encoding == expected


@settings(deadline=None)
@given(rows=st.lists(st.lists(ANY_TEXT, min_size=3, max_size=3), max_size=8), delimiter=st.sampled_from([";", ","]))
def test_any_unicode_text_reads_back_from_utf8(rows, delimiter):
    assert rows_of(_encoded(rows, delimiter, "utf-8")) == [["a", "b", "c"], *rows]
