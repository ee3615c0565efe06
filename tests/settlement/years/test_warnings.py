"""The year's warnings: requests against IMDi's frame, decisions below the request, no decision after the
deadline — as data from the selector and on the year page."""

import datetime

from integrering.settlement.models import SettlementFigure
from integrering.settlement.years.status import year_warnings
from tests.settlement.scenario_fixtures import year_2021  # noqa: F401

TODAY = datetime.date(2021, 6, 1)


def _set(year, number, **values):
    SettlementFigure.objects.filter(settlement_year=year, municipality__number=number).update(**values)


def test_requests_that_add_up_to_the_frame_give_no_warning(year_2021):
    assert year_warnings(year_2021, TODAY) == []


def test_requests_above_or_below_the_frame_say_the_difference(year_2021):
    year_2021.total = 600
    warnings = year_warnings(year_2021, TODAY)
    assert [(w.kind, w.difference) for w in warnings] == [("frame", 19)]
    assert "619" in warnings[0].message and "19 flere enn IMDis ramme på 600" in warnings[0].message
    year_2021.total = 1_000
    (warning,) = year_warnings(year_2021, TODAY)
    assert warning.difference == -381 and "381 færre" in warning.message and "1\xa0000" in warning.message


def test_unknown_requests_are_counted_in_the_frame_warning(year_2021):
    _set(year_2021, "5001", requested=None)
    (warning,) = year_warnings(year_2021, TODAY)
    assert warning.difference == -140 and "1 kommune har ingen anmodning" in warning.message


def test_the_minors_frame_is_checked_too(year_2021):
    year_2021.total_minors = 10
    _set(year_2021, "5001", requested_ema=4)
    kinds = [(w.kind, w.difference) for w in year_warnings(year_2021, TODAY)]
    assert ("minors_frame", -6) in kinds


def test_a_decision_below_the_request_is_named_with_the_difference(year_2021):
    _set(year_2021, "5001", decided=100)
    _set(year_2021, "5006", decided=200)  # above the request: no warning
    (warning,) = year_warnings(year_2021, TODAY)
    assert (warning.kind, warning.number, warning.difference) == ("below_request", "5001", -40)
    assert "Trondheim" in warning.message and "40 under anmodningen på 140" in warning.message


def test_no_decision_is_a_warning_only_after_imdis_deadline(year_2021):
    SettlementFigure.objects.filter(settlement_year=year_2021).update(decided=0)
    SettlementFigure.objects.filter(settlement_year=year_2021, requested__gt=0).update(decided=None)
    SettlementFigure.objects.filter(settlement_year=year_2021).exclude(municipality__number="5001").update(decided=999)
    assert year_warnings(year_2021, TODAY) == []  # no deadline
    year_2021.decision_deadline = datetime.date(2021, 6, 1)
    assert year_warnings(year_2021, TODAY) == []  # the deadline is today
    (warning,) = year_warnings(year_2021, TODAY + datetime.timedelta(days=1))
    assert (warning.kind, warning.number) == ("no_decision", "5001")
    assert "01.06.2021" in warning.message


def test_the_year_page_lists_the_warnings_with_links_to_the_rows(year_2021, adviser, client_for):
    year_2021.total = 600
    year_2021.save()
    _set(year_2021, "5001", decided=100)
    page = client_for(adviser).get("/bosetting/2021/").content.decode()
    assert "2 ting å sjekke" in page
    assert 'href="#rad-5001"' in page and "19 flere enn IMDis ramme" in page


def test_a_municipal_user_gets_no_county_warnings(year_2021, make_user, client_for):
    from integrering.core.roles import Role

    year_2021.total = 600
    year_2021.save()
    user = make_user(Role.MUNICIPAL_USER, username="kommune", municipality="5001")
    page = client_for(user).get("/bosetting/2021/").content.decode()
    assert "IMDis ramme" not in page
