"""Shared fixtures of the regional tests."""

import datetime

import pytest

from integrering.regional.activities.services import activity_create
from integrering.regional.areas import Area

# A synthetic fødselsnummer with valid check digits (python-stdnum's documentation example).
NATIONAL_ID = "15076500565"


@pytest.fixture
def activity(county, adviser):
    from integrering.municipalities.models import Municipality

    return activity_create(
        county=county,
        user=adviser,
        areas=[Area.GUIDANCE],
        title="Nettverkssamling for flyktningtjenesten",
        activity_type="network_meeting",
        start_date=datetime.date(2025, 3, 4),
        municipalities=list(Municipality.objects.filter(number__in=["5001", "5006"])),
        advisers=[adviser],
        participants_municipal_staff=12,
        participants_nav=3,
    )
