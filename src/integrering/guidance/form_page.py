"""The one shape of every guidance form page, shared by the sub-domains' views.

form_page(request, form, template, context, *, save, success, done, read=None) -> HttpResponse
error_to_form(form, error)     # a service's GuidanceError on its field, or above the form
"""

from django import forms
from django.contrib import messages
from django.shortcuts import render

from integrering.guidance.errors import GuidanceError
from integrering.guidance.participants.services import participant_read_log


def error_to_form(form: forms.BaseForm, error) -> None:
    """Show a service's ``GuidanceError`` on its field if the form has it, else above the form."""
    field = getattr(error, "field", None)
    form.add_error(field if field in form.fields else None, error.message)


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
        participant, description = read
        participant_read_log(user=request.user, participant=participant, description=description)
    return render(request, template, {"form": form, **context}, status=400 if form.errors else 200)
