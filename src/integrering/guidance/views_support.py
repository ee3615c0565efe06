"""Small helpers the guidance views share: scoped choices, the case forms, the one shape of a form page."""

from django.contrib import messages
from django.db.models import QuerySet
from django.shortcuts import render
from django.utils import timezone

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
        "book_form": BookForm(county=county, initial={
            "booked_for": case.booked_for, "counsellor": case.counsellor_id or user.pk,
        }),
        "session_form": SessionForm(),
        "complete_form": CompleteForm(),
    }


def form_page(request, form, template: str, context: dict, *, save, success: str, done):
    """The one shape of every form page: GET shows ``form``; a valid POST runs ``save(cleaned_data)`` (a service);
    a ``GuidanceError`` goes back on the form (400), success shows ``success`` and redirects to ``done(result)``."""
    if request.method == "POST" and form.is_valid():
        try:
            result = save(dict(form.cleaned_data))
        except GuidanceError as error:
            error_to_form(form, error)
        else:
            messages.success(request, success)
            return done(result)
    return render(request, template, {"form": form, **context}, status=400 if form.errors else 200)
