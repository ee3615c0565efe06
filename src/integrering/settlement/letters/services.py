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


LETTER_FIELDS = ("case_officer", "signer", "our_reference", "their_reference")


@transaction.atomic
def recommendation_letter_complete(*, recommendation: Recommendation, **values) -> Recommendation:
    """Fill in what the letter of a frozen version still lacks (e.g. the case number, which often comes after
    the version was made). Only empty details are filled: a detail already set never changes (the letter is
    frozen with the version; a change is a new version). Locks the row, so two people completing at once
    cannot overwrite each other: the second gets an error naming the detail."""
    locked = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    county_id = locked.settlement_year.county_id
    changed = []
    for field in LETTER_FIELDS:
        value = values.get(field)
        if isinstance(value, str):
            value = value.strip()
        if not value:
            continue
        current = getattr(locked, field)
        if current:
            if current != value:
                raise ApplicationError(
                    _("This detail of the letter is already set and cannot be changed; make a new version."),
                    field=field,
                )
            continue
        if field in ("case_officer", "signer") and getattr(value, "county_id", None) != county_id:  # a User
            raise ApplicationError(_("The person chosen does not work in the county."), field=field)
        setattr(locked, field, value)
        changed.append(field)
    if changed:
        locked.save(update_fields=changed)
    return locked
