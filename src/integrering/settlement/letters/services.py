"""Freezing a recommendation together with its letter: case officer, signer and both references are stored on
the version when it is made (one transaction), and the letter of that version never changes afterwards."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ApplicationError
from integrering.settlement.recommendation.models import Recommendation
from integrering.settlement.recommendation.services import recommendation_make


@transaction.atomic
def recommendation_freeze(
    *,
    case_officer=None,
    signer=None,
    our_reference: str = "",
    their_reference: str = "",
    **make_arguments,
) -> Recommendation:
    """``recommendation_make(**make_arguments)`` and the letter's details on the new version (all or nothing)."""
    recommendation = recommendation_make(**make_arguments)
    county_id = recommendation.settlement_year.county_id
    for person, field in ((case_officer, "case_officer"), (signer, "signer")):
        if person is not None and person.county_id != county_id:
            raise ApplicationError(_("The person chosen does not work in the county."), field=field)
    recommendation.case_officer = case_officer
    recommendation.signer = signer
    recommendation.our_reference = (our_reference or "").strip()
    recommendation.their_reference = (their_reference or "").strip()
    recommendation.save(update_fields=["case_officer", "signer", "our_reference", "their_reference"])
    return recommendation
