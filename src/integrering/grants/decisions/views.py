"""The batch decision of a call: the recommended applications, chosen and decided together (the budget guard)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from integrering.core.exceptions import ApplicationError
from integrering.core.permissions import Perm, requires
from integrering.grants.applications.models import Application
from integrering.grants.applications.status import Status
from integrering.grants.calls.selectors import call_for_user
from integrering.grants.decisions import services


@requires(Perm.MANAGE_GRANTS)
def decide(request, pk: int):
    call = call_for_user(request.user, pk)
    recommended = list(
        Application.objects.filter(call=call, status=Status.RECOMMENDED)
        .select_related("organisation")
        .order_by("reference")
    )
    problem, status = None, 200
    if request.method == "POST":
        ids = [int(value) for value in request.POST.getlist("soknad") if value.isdigit()]
        try:
            decided = services.decisions_make(call=call, application_ids=ids, today=timezone.localdate())
        except ApplicationError as error:
            problem, status = error.user_message, error.status
        else:
            messages.success(
                request, _("%(count)s applications were decided; the letters are sent.") % {"count": len(decided)}
            )
            return redirect("grants:call", pk=call.pk)
    return render(
        request,
        "grants/decisions/decide.html",
        {
            "call": call,
            "recommended": recommended,
            "granted": services.call_granted_sum(call),
            "problem": problem,
            "reasons": {r["code"]: r["text"] for r in call.scheme.rejection_reasons},
        },
        status=status,
    )
