"""The caseworker's payment actions on a grant, and the export of approved payments for the finance system."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from integrering.core.exceptions import ApplicationError
from integrering.core.permissions import Perm, requires
from integrering.core.templatetags.formatting import number
from integrering.grants.applications.selectors import application_for_user
from integrering.grants.payments import services
from integrering.grants.payments.models import Payment, PaymentStatus
from integrering.tabular import write_csv

EXPORT_COLUMNS = ["orgnr", "kontonr", "belop", "referanse"]


@requires(Perm.MANAGE_GRANTS)
@require_POST
def payment_action(request, pk: int):
    """One action on the application's payments: new instalment, attest, approve, paid (``handling``)."""
    application = application_for_user(request.user, pk)
    action = request.POST.get("handling", "")
    payment = Payment.objects.filter(application=application, pk=request.POST.get("betaling") or 0).first()
    try:
        if action == "ny":
            services.payment_create(application=application)
        elif payment is not None and action == "attester":
            services.payment_attest(payment=payment, user=request.user)
        elif payment is not None and action == "godkjenn":
            services.payment_approve(payment=payment, user=request.user)
        elif payment is not None and action == "betalt":
            services.payment_mark_paid(payment=payment, on=timezone.localdate())
        else:
            raise ApplicationError(_("Unknown action."))
    except ApplicationError as error:
        messages.error(request, error.user_message)
    else:
        messages.success(request, _("Saved."))
    return redirect("grants:case", pk=application.pk)


@requires(Perm.MANAGE_GRANTS)
def payments_export(request):
    """The county's approved payments (not yet paid) for the finance system: orgnr;kontonr;belop;referanse."""
    payments = (
        Payment.objects.filter(application__county_id=request.user.county_id, status=PaymentStatus.APPROVED)
        .select_related("application__organisation")
        .order_by("pk")
    )
    rows = [
        [p.application.organisation.orgnr, p.application.organisation.bank_account, p.amount, p.application.reference]
        for p in payments
    ]
    response = HttpResponse(write_csv(EXPORT_COLUMNS, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="utbetalinger-{timezone.localdate():%Y-%m-%d}.csv"'
    return response


@requires(Perm.APPLY_GRANTS)
def payment_request(request, pk: int):
    """The applicant asks for the next instalment of the payment plan (POST; a GET shows the grant's page)."""
    from integrering.grants.applications.selectors import application_for_applicant

    application = application_for_applicant(request.user, pk)
    if request.method == "POST":
        try:
            payment = services.payment_request(application=application, user=request.user)
        except ApplicationError as error:
            messages.error(request, error.user_message)
        else:
            messages.success(
                request,
                _("The payment of %(amount)s kr is requested. The county attests, approves and pays it.")
                % {"amount": number(payment.amount)},
            )
    return redirect("grants:application", pk=application.pk)
