"""Turning an :class:`~integrering.core.exceptions.ApplicationError` into what the user sees.

- :func:`form_error_add`: on the form (at its field, or at the top), for views with a form;
- :func:`application_error_response`: a page with the reason (status 400, 404, 409 or 503), or for an htmx
  request a fragment that htmx shows in the page's alert region (``HX-Retarget``), never a bare error.
"""

from __future__ import annotations

from django import forms
from django.db.utils import OperationalError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from integrering.core.exceptions import ApplicationError, Busy, ConcurrentEdit
from integrering.core.versioning import changed_values


def form_error_add(form: forms.BaseForm, error: ApplicationError) -> None:
    """Show ``error`` on ``form``: at its field when the form has that field, else as a form-wide error.

    For a :class:`ConcurrentEdit` the form also gets what the other person saved (``form.conflict``, shown by
    ``core/_conflict.html``) and the current version, so that saving again is a deliberate choice.
    """
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.user_message)
    if isinstance(error, ConcurrentEdit):
        form.conflict = changed_values(form, error.current)  # type: ignore[attr-defined]
        if error.current is not None and "version" in form.fields:
            data = form.data.copy()  # type: ignore[attr-defined]  # a QueryDict or dict; the stubs say Mapping
            data["version"] = str(error.current.version)
            form.data = data


def busy_error(exception: BaseException) -> Busy | None:
    """A «database is locked» from SQLite, after the busy timeout, as a :class:`Busy`; None for anything else."""
    if isinstance(exception, OperationalError) and "database is locked" in str(exception):
        from django.utils.translation import gettext_lazy as _

        return Busy(_("The system is busy with other changes just now. Nothing was saved; please try again."))
    return None


def application_error_response(request: HttpRequest, error: ApplicationError) -> HttpResponse:
    context = {"error": error, "message": error.user_message}
    if request.headers.get("HX-Request") == "true":
        response = render(request, "errors/_application_error.html", context, status=200)
        # htmx does not swap error statuses by default: show the reason in the page's alert region instead.
        response["HX-Retarget"] = "#app-alerts"
        response["HX-Reswap"] = "innerHTML"
        response["X-Application-Error"] = str(error.status)
        return response
    return render(request, "errors/application_error.html", context, status=error.status)
