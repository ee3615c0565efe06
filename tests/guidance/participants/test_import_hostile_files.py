"""The participant import refuses hostile files with a Norwegian message naming the limit (memory bounded)."""

import tracemalloc

import pytest

from integrering.guidance.participants.imports import import_plan

pytestmark = pytest.mark.django_db
MB = 1024 * 1024


def test_a_csv_row_of_millions_of_empty_fields_is_refused_naming_the_row_and_the_limit(county):
    content = b"referanse;kommunenummer\n" + b";" * (15 * MB)
    tracemalloc.start()
    try:
        plan = import_plan(county=county, content=content, filename="deltakere.csv")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert plan.errors == ["Rad 2: Raden er lengre enn grensen på 1\xa0000\xa0000 tegn."]
    assert peak < 50 * MB


def test_a_file_in_an_unknown_encoding_is_refused_with_advice(county):
    plan = import_plan(county=county, content=b"referanse;kommunenummer\nR\x81;5001\n", filename="deltakere.csv")
    assert plan.errors == [
        "Filen er ikke tekst i UTF-8, Windows-1252 eller ISO-8859-1; lagre den som «CSV UTF-8» og prøv igjen."
    ]
