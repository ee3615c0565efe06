"""The one shape of every guidance form page, shared by the sub-domains' views.

form_page(request, form, template, context, *, save, success, done, read=None) -> HttpResponse

A service's :class:`~integrering.core.exceptions.ApplicationError` goes on the form through
:func:`~integrering.core.error_handling.form_error_add` (a ``ConcurrentEdit`` also shows what the other person
saved, ``core/_conflict.html``).
"""

from django.contrib import messages
from django.shortcuts import render

from integrering.core.error_handling import form_error_add
from integrering.core.exceptions import ApplicationError
from integrering.guidance.participants.services import participant_read_log


def form_page(request, form, template: str, context: dict, *, save, success: str, done, read=None):
    """The one shape of every form page: GET shows ``form``; a valid POST runs ``save(cleaned_data)`` (a service);
    an ``ApplicationError`` goes back on the form (400; 409 for a concurrent edit), success shows ``success`` and
    redirects to ``done(result)``.

    ``read``: ``(participant, description)`` when the page shows a participant's name or reference; each time the
    form is shown (not on the redirect after a save) it is logged as a read, like the participant's page."""
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            result = save(dict(form.cleaned_data))
        except ApplicationError as error:
            form_error_add(form, error)
            status = error.status
        else:
            messages.success(request, success)
            return done(result)
    if read is not None:
        participant, description = read
        participant_read_log(user=request.user, participant=participant, description=description)
    if form.errors and status == 200:
        status = 400
    return render(request, template, {"form": form, **context}, status=status)
