"""The participant register's invariants and display of the identity number."""

import pytest
from django.db import IntegrityError, transaction

from integrering.guidance.models import Participant
from tests.guidance.factories import participant_make

pytestmark = pytest.mark.django_db


def test_a_reference_is_unique_within_a_county_only(county, other_county):
    p = participant_make(county, reference="R")
    participant_make(other_county, reference="R", municipality="4601")
    with pytest.raises(IntegrityError), transaction.atomic():
        Participant.objects.create(county=county, municipality=p.municipality, reference="R")


def test_the_national_id_is_masked_for_display(county):
    p = participant_make(county)
    assert p.masked_national_id == ""
    p.national_id = "15108695088"
    assert p.masked_national_id == "Registrert – skjult"
    assert not any(digit in p.masked_national_id for digit in "0123456789")
    assert str(p) == "R1"
    assert p.get_additional_data() == {"county": "50"}
