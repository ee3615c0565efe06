"""Small helpers the guidance views share: scoped choices, the case forms, the one shape of a form page."""

from django.contrib import messages
from django.db.models import QuerySet
from django.shortcuts import render
from django.utils import timezone

from integrering.core.audit import personal_data_read_log
from integrering.guidance.forms import AssignForm, BookForm, CompleteForm, SessionForm, error_to_form
from integrering.guidance.models import CaseStatus, GuidanceCase
from integrering.guidance.validation import GuidanceError
from integrering.municipalities.models import Municipality
from integrering.municipalities.selectors import municipalities_for_user


def participant_municipalities(user) -> QuerySet[Municipality]:
    """The municipalities a user may pick for a participant: this year's, and for a municipal user only their own."""
    return municipalities_for_user(user, year=timezone.localdate().year).order_by("number")


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


def participant_read_log(request, participant, description: str, *, action: str = "view") -> None:
    """Log that ``request.user`` saw ``participant``'s personal data (a page or form with name and reference)."""
    personal_data_read_log(
        user=request.user,
        action=action,
        record_type="participant",
        record_ids=[participant.pk],
        description=description,
    )


def form_page(request, form, template: str, context: dict, *, save, success: str, done, read=None):
    """The one shape of every form page: GET shows ``form``; a valid POST runs ``save(cleaned_data)`` (a service);
    a ``GuidanceError`` goes back on the form (400), success shows ``success`` and redirects to ``done(result)``.

    ``read``: ``(participant, description)`` when the page shows a participant's name or reference; each time the
    form is shown (not on the redirect after a save) it is logged as a read, like the participant's page."""
    if request.method == "POST" and form.is_valid():
        try:
            result = save(dict(form.cleaned_data))
        except GuidanceError as error:
            error_to_form(form, error)
        else:
            messages.success(request, success)
            return done(result)
    if read is not None:
        participant_read_log(request, *read)
    return render(request, template, {"form": form, **context}, status=400 if form.errors else 200)
