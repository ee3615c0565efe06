"""The batch decision of a call: the recommended applications, chosen and decided together (the budget guard)."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from integrering.core.exceptions import ApplicationError
from integrering.core.languages import supported_languages
from integrering.core.pdf import html_pdf
from integrering.core.permissions import Perm, requires
from integrering.grants.applications.models import Application
from integrering.grants.applications.selectors import application_for_user
from integrering.grants.applications.status import Status
from integrering.grants.calls.selectors import call_for_user
from integrering.grants.decisions import selectors, services
from integrering.grants.decisions.letters import letter_pdf
from integrering.tabular import Sheet, write_xlsx


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
    call = call_for_user(request.user, pk)
    listed = selectors.recommendation_of(call)
    rows = [
        [
            a.reference,
            a.organisation.name,
            a.organisation.orgnr,
            a.project_title,
            a.amount_applied,
            float(a.mean_score) if a.mean_score is not None else None,
            str(_("Grant")) if a.recommendation == "grant" else str(_("Reject")),
            a.proposed_amount,
            ",".join(a.rejection_codes),
        ]
        for a in listed.rows
    ]
    rows.append(["Sum", "", "", "", listed.applied, None, "", listed.proposed, ""])
    body = write_xlsx(Sheet(_("Recommendation"), RECOMMENDATION_COLUMNS, rows))
    response = HttpResponse(body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="innstilling-{call.pk}.xlsx"'
    return response


@requires(Perm.VIEW_GRANTS)
def recommendation_pdf(request, pk: int):
    """The same recommendation list as a tagged PDF (PDF/UA-1) for the committee or leader who decides."""
    call = call_for_user(request.user, pk)
    html = render_to_string(
        "grants/decisions/recommendation_pdf.html",
        {"call": call, "listed": selectors.recommendation_of(call), "today": timezone.localdate()},
    )
    return _pdf(html_pdf(html), f"innstilling-{call.pk}.pdf")


@requires(Perm.VIEW_GRANTS)
def case_letter_pdf(request, pk: int):
    """The decision letter as it was sent (the caseworker's copy)."""
    return letter_response(application_for_user(request.user, pk))


def letter_response(application) -> HttpResponse:
    """The application's frozen letter as a tagged PDF; 404 when it has none (not decided yet)."""
    letter = selectors.letter_of(application)
    return _pdf(letter_pdf(letter), f"vedtaksbrev-{application.reference}.pdf")


def _pdf(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
