"""The referral's invariant: one open referral per participant."""

import pytest
from django.db import IntegrityError, transaction

from integrering.guidance.models import Referral
from tests.guidance.factories import participant_make

pytestmark = pytest.mark.django_db


def test_only_one_open_referral_per_participant(county):
    p = participant_make(county)
    Referral.objects.create(participant=p)
    with pytest.raises(IntegrityError), transaction.atomic():
        Referral.objects.create(participant=p)
    Referral.objects.create(participant=p, status="cancelled")
