"""The one shape of every plans form page: GET shows the form; a valid POST runs a service; an
``ApplicationError`` goes back on the form (400; 409 for a concurrent edit); success redirects."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.shortcuts import render

from integrering.core.error_handling import form_error_add
from integrering.core.exceptions import ApplicationError

FORM_TEMPLATE = "plans/form.html"


def form_page(
    request: Any,
    form: Any,
    context: dict[str, Any],
    *,
    save: Callable[[dict[str, Any]], Any],
    success: str,
    done: Callable[[Any], Any],
    template: str = FORM_TEMPLATE,
) -> Any:
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
