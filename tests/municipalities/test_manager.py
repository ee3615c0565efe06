"""``Municipality.objects.valid_in(year)`` and ``.with_name_and_population(year)``: the one rule for which
municipalities exist in a year and the one population fallback (the latest figure of the year or earlier)."""

import pytest

from integrering.municipalities.models import Municipality, MunicipalityName, Population

pytestmark = pytest.mark.django_db


def _numbers(qs) -> set[str]:
    return set(qs.values_list("number", flat=True))


def test_valid_in_follows_the_2024_number_change():
    before = _numbers(Municipality.objects.valid_in(2023))
    after = _numbers(Municipality.objects.valid_in(2024))
    assert before - after and after - before  # numbers ended with 2023 and new ones began in 2024
    for m in Municipality.objects.all():
        assert (m.number in before) == m.is_valid_in(2023)
        assert (m.number in after) == m.is_valid_in(2024)


def test_valid_in_includes_both_ends_and_an_open_end(county):
    m = Municipality.objects.create(number="9901", county=county, valid_from=2021, valid_to=2022, norwegian_name="X")
    assert not Municipality.objects.valid_in(2020).filter(pk=m.pk).exists()
    assert Municipality.objects.valid_in(2021).filter(pk=m.pk).exists()
    assert Municipality.objects.valid_in(2022).filter(pk=m.pk).exists()
    assert not Municipality.objects.valid_in(2023).filter(pk=m.pk).exists()
    m.valid_to = None
    m.save()
    assert Municipality.objects.valid_in(2100).filter(pk=m.pk).exists()


def test_population_is_that_of_the_year_else_the_latest_earlier_year(county):
    m = Municipality.objects.create(number="9902", county=county, valid_from=2020, norwegian_name="Ny")
    Population.objects.create(municipality=m, year=2021, total=100)
    Population.objects.create(municipality=m, year=2023, total=300)

    def figures(year):
        found = Municipality.objects.filter(pk=m.pk).with_name_and_population(year).get()
        return found.population_in_year, found.population_year

    assert figures(2020) == (None, None)  # nothing of the year or earlier: unknown, never a later figure
    assert figures(2021) == (100, 2021)
    assert figures(2022) == (100, 2021)
    assert figures(2023) == (300, 2023)
    assert figures(2040) == (300, 2023)


def test_the_name_is_that_in_force_in_the_year_else_the_norwegian_name(county):
    m = Municipality.objects.create(number="9903", county=county, valid_from=2020, norwegian_name="Grunnavn")
    assert Municipality.objects.filter(pk=m.pk).with_name_and_population(2022).get().name_in_year == "Grunnavn"
    MunicipalityName.objects.create(municipality=m, year=2021, name="Første")
    MunicipalityName.objects.create(municipality=m, year=2023, name="Andre")
    names = {
        y: Municipality.objects.filter(pk=m.pk).with_name_and_population(y).get().name_in_year
        for y in (2020, 2022, 2030)
    }
    assert names == {2020: "Grunnavn", 2022: "Første", 2030: "Andre"}


def test_one_query_for_all_municipalities_with_name_and_population(county, django_assert_num_queries):
    with django_assert_num_queries(1):
        rows = list(Municipality.objects.for_county(county).valid_in(2024).with_name_and_population(2024))
    assert len(rows) > 30 and all(r.population_year == 2024 for r in rows if r.population_in_year is not None)


def test_scoped_for_gives_a_municipal_user_only_their_own(municipal_user, adviser):
    own = Municipality.objects.scoped_for(municipal_user)
    assert list(own.values_list("pk", flat=True)) == [municipal_user.municipality_id]
    assert Municipality.objects.scoped_for(adviser).count() > 1


def test_no_duplicate_valid_in_year_or_population_computation_in_src():
    """The rules live in the manager; other code calls it (a regression guard for the five copies)."""
    import pathlib
    import re

    root = pathlib.Path(__file__).resolve().parents[2] / "src" / "integrering"
    offenders = []
    for path in root.rglob("*.py"):
        if "migrations" in path.parts or path.name == "reference_data.py":
            continue
        text = path.read_text()
        if path.as_posix().endswith("municipalities/models.py"):
            continue
        if re.search(r"valid_to__(gte|lt)\b|valid_from__lte", text) or re.search(
            r"Population\.objects\.filter\([^)]*year", text
        ):
            offenders.append(str(path.relative_to(root)))
    assert offenders == []
