"""The counsellor's case forms, as the participant page and the queue show them."""

from integrering.guidance.forms import AssignForm, BookForm, CompleteForm, SessionForm
from integrering.guidance.models import CaseStatus, GuidanceCase


def case_forms(case: GuidanceCase, user) -> dict:
    """The counsellor's unbound forms for a case, as the participant page and the queue show them."""
    if case.status in (CaseStatus.COMPLETED, CaseStatus.WITHDRAWN):
        return {}
    county = user.county
    return {
        "assign_form": AssignForm(county=county, initial={"counsellor": case.counsellor_id}),
        "book_form": BookForm(
            county=county,
            initial={
                "booked_for": case.booked_for,
                "counsellor": case.counsellor_id or user.pk,
            },
        ),
        "session_form": SessionForm(),
        "complete_form": CompleteForm(),
    }
