"""The batch decision of a call: the recommended applications, chosen and decided together (the budget guard)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from integrering.core.exceptions import ApplicationError
from integrering.core.languages import supported_languages
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
            language = request.POST.get("sprak")
            decided = services.decisions_make(
                call=call,
                application_ids=ids,
                today=timezone.localdate(),
                language=language if language in supported_languages() else None,
            )
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


RECOMMENDATION_COLUMNS = [
    "referanse",
    "soker",
    "orgnr",
    "prosjekt",
    "soknadsbelop",
    "poeng",
    "innstilling",
    "foreslatt_tilskudd",
    "avslagsgrunner",
]


@requires(Perm.VIEW_GRANTS)
def recommendation_xlsx(request, pk: int):
    """The recommendation list (innstilling) of a call for the decision-maker, as XLSX: ranked, with the sums."""
    from django.http import HttpResponse

    from integrering.grants.assessment.selectors import call_ranking
    from integrering.tabular import Sheet, write_xlsx

    call = call_for_user(request.user, pk)
    ranked = [a for a in call_ranking(call) if a.status == Status.RECOMMENDED]
    rows = [
        [
            a.reference,
            a.organisation.name,
            a.organisation.orgnr,
            a.project_title,
            a.amount_applied,
            float(a.mean_score) if a.mean_score is not None else None,  # type: ignore[attr-defined]  # annotated
            str(_("Grant")) if a.recommendation == "grant" else str(_("Reject")),
            a.proposed_amount,
            ",".join(a.rejection_codes),
        ]
        for a in ranked
    ]
    total = sum(a.proposed_amount or 0 for a in ranked if a.recommendation == "grant")
    rows.append(["Sum", "", "", "", sum(a.amount_applied or 0 for a in ranked), None, "", total, ""])
    body = write_xlsx(Sheet(_("Recommendation"), RECOMMENDATION_COLUMNS, rows))
    response = HttpResponse(body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="innstilling-{call.pk}.xlsx"'
    return response
