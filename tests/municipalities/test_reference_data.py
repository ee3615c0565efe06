from django.db.models import Q, Sum

from integrering.municipalities.models import Municipality, MunicipalityName, Population
from integrering.municipalities.reference_data import reference_data_load


def valid_in(year):
    return Municipality.objects.filter(valid_from__lte=year).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=year))


def test_trondelag_has_38_municipalities_in_2021_and_2024(db):
    assert valid_in(2021).filter(county__number="50").count() == 38
    assert valid_in(2024).filter(county__number="50").count() == 38


def test_norway_has_356_municipalities_2020_to_2023_and_357_from_2024(db):
    for year in (2020, 2021, 2022, 2023):
        assert valid_in(year).count() == 356
    for year in (2024, 2025, 2026):
        assert valid_in(year).count() == 357


def test_names_follow_the_year(db):
    trondheim = Municipality.objects.get(number="5001")
    assert trondheim.names.get(year=2022).name == "Trondheim"
    assert trondheim.names.get(year=2023).name == "Trondheim - Tråante"
    assert MunicipalityName.objects.get(municipality__number="5041", year=2021).name == "Snåase - Snåsa"
    assert MunicipalityName.objects.get(municipality__number="5043", year=2024).name == "Raarvihke - Røyrvik"


def test_population_of_trondelag_on_1_january_2020(db):
    total = Population.objects.filter(year=2020, municipality__county__number="50").aggregate(s=Sum("total"))["s"]
    assert total == 468_702


def test_the_2024_number_changes_are_linked(db):
    alesund = Municipality.objects.get(number="1507")
    assert alesund.valid_to == 2023
    assert sorted(m.number for m in alesund.successors.all()) == ["1508", "1580"]
    halden_new = Municipality.objects.get(number="3101")
    assert [m.number for m in halden_new.predecessors.all()] == ["3001"]
    assert halden_new.county.number == "31"


def test_loading_twice_changes_nothing(db):
    before = (Municipality.objects.count(), MunicipalityName.objects.count(), Population.objects.count())
    report = reference_data_load()
    assert not report.changed
    assert (Municipality.objects.count(), MunicipalityName.objects.count(), Population.objects.count()) == before


def test_the_command_reports_in_norwegian(db):
    import io

    from django.core.management import call_command

    from integrering.municipalities.models import Population

    Population.objects.filter(municipality__number="5001", year=2020).update(total=1)
    out = io.StringIO()
    call_command("load-reference-data", stdout=out)
    assert out.getvalue().strip() == "Oppdatert 1 folketall (per år)"
    out = io.StringIO()
    call_command("load-reference-data", stdout=out)
    assert "Ingen endringer" in out.getvalue()
