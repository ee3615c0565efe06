"""The one shape of every regional form page (GET shows the form; a valid POST calls a service)."""

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
) -> HttpResponse:
    """A valid POST runs ``save(cleaned_data)``; an ``ApplicationError`` goes back on the form (400, or 409 for a
    concurrent edit with the other person's values); success shows ``success`` and redirects to ``done(result)``."""
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
    if form.errors and status == 200:
        status = 400
    return render(request, template, {"form": form, **context}, status=status)
