"""Fixtures the plans tests share: a small plan (one focus area, one goal, two measures) and the people."""

import datetime

import pytest

from integrering.core.roles import Role
from integrering.plans.measures.services import measure_create
from integrering.plans.plans.services import focus_area_create, goal_create, plan_create


@pytest.fixture
def leader(make_user):
    return make_user(Role.LEADER, username="leder")


@pytest.fixture
def plan(county):
    return plan_create(
        county=county,
        title="Integreringsplan",
        slug="integreringsplan",
        first_year=2024,
        last_year=2027,
        status="adopted",
        adopted_on=datetime.date(2024, 3, 1),
        adopted_by="Fylkestinget",
        public=True,
    )


@pytest.fixture
def goal(plan):
    area = focus_area_create(plan=plan, identifier="1", title="Bosetting", area="settlement")
    return goal_create(focus_area=area, identifier="1.1", title="Rask bosetting")


@pytest.fixture
def measure(goal, adviser):
    return measure_create(
        goal=goal,
        identifier="1.1.1",
        title="Dialog med kommunene",
        primary_person=adviser,
        responsible_unit="Seksjon integrering",
        partners="IMDi",
    )


@pytest.fixture
def other_measure(goal):
    return measure_create(goal=goal, identifier="1.1.2", title="Boligsosialt samarbeid")
