"""The caseworker's reclaims: register one on a paid grant (the organisation gets the letter by e-mail), and
register its repayment."""

import datetime

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from integrering.core.exceptions import ApplicationError
from integrering.core.form_page import form_page
from integrering.core.permissions import Perm, requires
from integrering.grants.applications.selectors import application_for_user
from integrering.grants.reclaims import selectors, services
from integrering.grants.reclaims.forms import ReclaimForm, RepaidForm

REPAY_DAYS = 30


@requires(Perm.MANAGE_GRANTS)
def reclaim_new(request, pk: int):
    application = application_for_user(request.user, pk)
    today = timezone.localdate()
    form = ReclaimForm(request.POST or None, initial={"due_on": today + datetime.timedelta(days=REPAY_DAYS)})

    def save(data):
        return services.reclaim_create(application=application, user=request.user, today=today, **data)

    return form_page(
        request,
        form,
        "grants/reclaims/reclaim_form.html",
        {"application": application, "paid": services.paid_total(application)},
        save=save,
        success=_("The reclaim is registered and the letter is sent to the organisation."),
        done=lambda reclaim: redirect("grants:case", pk=application.pk),
    )


@requires(Perm.MANAGE_GRANTS)
@require_POST
def reclaim_repaid(request, pk: int):
    reclaim = selectors.reclaim_for_user(request.user, pk)
    form = RepaidForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the day it was repaid."))
    else:
        try:
            services.reclaim_mark_repaid(reclaim=reclaim, on=form.cleaned_data["repaid_on"])
        except ApplicationError as error:
            messages.error(request, error.user_message)
        else:
            messages.success(request, _("The repayment is registered."))
    return redirect("grants:case", pk=reclaim.application_id)
