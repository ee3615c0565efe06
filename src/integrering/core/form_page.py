"""The one shape of every form page, shared by every app's views.

form_page(request, form, template, context, *, save, success, done, on_show=None) -> HttpResponse

GET shows ``form``; a valid POST runs ``save(cleaned_data)`` (a service); a service's
:class:`~integrering.core.exceptions.ApplicationError` goes back on the form through
:func:`~integrering.core.error_handling.form_error_add` (400; 409 for a concurrent edit, which also shows what
the other person saved, ``core/_conflict.html``); success shows ``success`` and redirects to ``done(result)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from integrering.core.error_handling import form_error_add
from integrering.core.exceptions import ApplicationError


def form_page(
    request: HttpRequest,
    form: Any,
    template: str,
    context: dict[str, Any],
    *,
    save: Callable[[dict[str, Any]], Any],
    success: str,
    done: Callable[[Any], HttpResponse],
    on_show: Callable[[], None] | None = None,
) -> HttpResponse:
    """``on_show`` runs each time the form is shown (not on the redirect after a save): e.g. to log the read of a
    participant whose name the page shows."""
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
    if on_show is not None:
        on_show()
    if form.errors and status == 200:
        status = 400
    return render(request, template, {"form": form, **context}, status=status)
