"""Errors are structured data with an English default message: a code, the limit and its value, row and column."""

import re

import pytest

from integrering.tabular import MESSAGES, PLACES, CellError, InvalidTable, LimitExceeded, TableError

PLACEHOLDER = re.compile(r"%\((\w+)\)s")


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_message_is_a_valid_template_for_its_placeholders(code):
    template = MESSAGES[code]
    names = PLACEHOLDER.findall(template)
    assert template % dict.fromkeys(names, "x")
    assert "%" not in PLACEHOLDER.sub("", template).replace("%%", "")


def test_an_unknown_code_is_a_programming_error():
    with pytest.raises(KeyError):
        TableError("no_such_code")


def test_a_limit_error_carries_the_limit_its_value_and_its_place():
    error = LimitExceeded("too_many_columns", limit="max_columns", limit_value=200, row=5, column="GS")
    assert (error.code, error.limit, error.limit_value, error.row, error.column) == (
        "too_many_columns",
        "max_columns",
        200,
        5,
        "GS",
    )
    assert error.params == {"limit": 200}
    assert str(error) == "Row 5, column «GS»: The row has more than the limit of 200 columns."
    assert error.template == MESSAGES["too_many_columns"]
    assert error.place_template == PLACES["row_column"]


def test_a_cell_error_gets_its_place_once_and_keeps_it():
    error = CellError("not_a_number", params={"value": "x"})
    assert str(error) == "«x» is not a number."
    error.located(row=3, column="antall").located(row=9, column="annet")
    assert str(error) == "Row 3, column «antall»: «x» is not a number."


def test_an_invalid_table_counts_its_errors_including_those_not_listed():
    error = InvalidTable([CellError("required").located(row=2, column="navn")], more=4)
    assert (error.code, len(error.errors), error.more, error.params) == ("invalid_table", 1, 4, {"count": 5})
    assert isinstance(error, TableError) and isinstance(error, ValueError)
