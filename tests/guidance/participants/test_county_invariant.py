"""A participant's county is their municipality's county: the service and ``save()`` refuse another with a
Norwegian error, and the database refuses it too (a trigger), so not even a raw write can break it."""

import pytest
from django.db import IntegrityError, connection, transaction

from integrering.core.exceptions import ApplicationError
from integrering.guidance.models import Participant
from integrering.guidance.participants.services import participant_create
from integrering.municipalities.models import Municipality
from tests.guidance.factories import participant_make

pytestmark = pytest.mark.django_db


def test_the_service_refuses_a_municipality_of_another_county(county):
    with pytest.raises(ApplicationError) as error:
        participant_create(county=county, municipality=Municipality.objects.get(number="4601"), reference="X")
    assert error.value.user_message == "Kommune 4601 hører ikke til fylke 50."
    assert not Participant.objects.exists()


def test_save_refuses_a_municipality_of_another_county(county):
    participant = participant_make(county)
    participant.municipality = Municipality.objects.get(number="4601")
    with pytest.raises(ApplicationError) as error:
        participant.save()
    assert error.value.user_message == "Kommune 4601 Bergen ligger ikke i deltakerens fylke."
    assert Participant.objects.get(pk=participant.pk).municipality.number == "5001"


def test_the_database_refuses_it_even_for_a_raw_write(county, other_county):
    participant = participant_make(county)
    bergen = Municipality.objects.get(number="4601")
    with pytest.raises(IntegrityError), transaction.atomic():
        Participant.objects.filter(pk=participant.pk).update(municipality=bergen)
    with pytest.raises(IntegrityError), transaction.atomic():
        Participant.objects.filter(pk=participant.pk).update(county=other_county)
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO guidance_participant (county_id, municipality_id, reference, name, national_id, "
            "duf_number, permit_category, education_level, language, end_goal, created_at, last_activity_at, "
            "version, ruleset_version, findings) VALUES (%s, %s, 'RAW', '', '', '', '', '', '', '', "
            "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1, '', '[]')",
            [county.pk, bergen.pk],
        )
    both = Participant.objects.filter(pk=participant.pk).update(county=other_county, municipality=bergen)
    assert both == 1  # moving county and municipality together keeps the invariant
