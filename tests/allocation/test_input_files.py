"""The engine reads its input through the file package: a file over a limit or a broken workbook is invalid input
(exit status 2) with a message in bokmål, read from the project's catalogue without Django."""

import pytest

from integrering.allocation.errors import InvalidInput
from integrering.allocation.io import read_table


def test_a_broken_workbook_is_invalid_input_in_bokmal(tmp_path):
    path = tmp_path / "kriterier.xlsx"
    path.write_bytes(b"PK\x03\x04 not a workbook")
    with pytest.raises(InvalidInput) as refused:
        read_table(path)
    assert str(refused.value) == f"fil «{path}»: kan ikke leses: Filen kunne ikke leses som et Excel-ark (XLSX)."


def test_a_row_over_the_length_limit_names_the_row_and_the_limit_with_norwegian_digits(tmp_path):
    path = tmp_path / "kriterier.csv"
    path.write_bytes(b"kommunenummer;folketall\n5001;" + b"1" * 1_000_001 + b"\n")
    with pytest.raises(InvalidInput) as refused:
        read_table(path)
    assert str(refused.value) == (
        f"fil «{path}»: kan ikke leses: Rad 2: Raden er lengre enn grensen på 1\u00a0000\u00a0000 tegn."
    )
