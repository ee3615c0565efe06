"""The applicant's pages: start an application from a call, the steps (each saves the draft), the summary and
submission. Every page looks the application up among the user's own organisations' only."""

from typing import Any

from django.contrib import messages
from django.forms.models import model_to_dict
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from integrering.core.exceptions import ApplicationError
from integrering.core.form_page import form_page
from integrering.core.permissions import Perm, requires
from integrering.grants.applicants.selectors import organisations_for_applicant
from integrering.grants.applications import selectors, services
from integrering.grants.applications.checks import application_complete_check
from integrering.grants.applications.forms import STEPS, ReopenForm, StartForm, TargetForm
from integrering.grants.calls.selectors import call_published
from integrering.grants.decisions.models import DecisionLetter
from integrering.municipalities.models import Municipality


@requires(Perm.APPLY_GRANTS)
def application_start(request, pk: int):
    call = call_published(pk)
    organisations = organisations_for_applicant(request.user).filter(kind__in=call.scheme.applicant_kinds)
    form = StartForm(request.POST or None, organisations=organisations)

    def save(data):
        return services.application_start(
            call=call, organisation=data["organisation"], user=request.user, today=timezone.localdate()
        )

    return form_page(
        request,
        form,
        "grants/applications/start.html",
        {"call": call, "organisations": organisations},
        save=save,
        success=_("The draft was created. It is saved at every step."),
        done=lambda application: redirect("grants:application_step", pk=application.pk, step=1),
    )


@requires(Perm.APPLY_GRANTS)
def application_step(request, pk: int, step: int):
    application = selectors.application_for_applicant(request.user, pk)
    if step not in STEPS:
        raise Http404
    if application.status not in services.EDITABLE:
        return redirect("grants:application", pk=application.pk)
    title, form_class = STEPS[step]
    initial = model_to_dict(application, fields=list(form_class.base_fields)) | {"version": application.version}
    kwargs: dict[str, Any] = {}
    if form_class is TargetForm:
        kwargs["municipalities"] = Municipality.objects.for_county(application.county_id).valid_in(
            timezone.localdate().year
        )
    form = form_class(request.POST or None, initial=initial, **kwargs)

    def save(data):
        return services.application_update(application=application, version=data.pop("version", None), **data)

    def done(saved):
        return (
            redirect("grants:application_step", pk=saved.pk, step=step + 1)
            if step + 1 in STEPS
            else (redirect("grants:application", pk=saved.pk))
        )

    return form_page(
        request,
        form,
        "grants/applications/step.html",
        {"application": application, "step": step, "title": title, "steps": STEPS},
        save=save,
        success=_("The draft was saved."),
        done=done,
    )


@requires(Perm.APPLY_GRANTS)
def application_accept(request, pk: int):
    """The applicant accepts the grant and its conditions (POST only; within the deadline)."""
    from integrering.grants.reminders.services import application_accept as accept

    application = selectors.application_for_applicant(request.user, pk)
    if request.method != "POST":
        return redirect("grants:application", pk=application.pk)
    accept(application=application, today=timezone.localdate())
    messages.success(request, _("The grant is accepted."))
    return redirect("grants:application", pk=application.pk)


@requires(Perm.APPLY_GRANTS)
def application_summary(request, pk: int):
    """Everything the application says, what is still missing, and (for a draft) the button that submits it."""
    application = selectors.application_for_applicant(request.user, pk)
    problem = None
    status = 200
    if request.method == "POST":
        try:
            application = services.application_submit(application=application, user=request.user, now=timezone.now())
        except ApplicationError as error:
            problem, status = error.user_message, error.status
        else:
            messages.success(
                request,
                _("The application was submitted with reference %(reference)s. A receipt is on its way by e-mail.")
                % {"reference": application.reference},
            )
            return redirect("grants:application", pk=application.pk)
    elif application.status in services.EDITABLE:
        try:
            application_complete_check(application)
        except ApplicationError as error:
            problem = error.user_message
    return render(
        request,
        "grants/applications/summary.html",
        {
            "application": application,
            "problem": problem,
            "editable": application.status in services.EDITABLE,
            "steps": STEPS,
            "letter": DecisionLetter.objects.filter(application=application).only("pk", "kind", "dated").first(),
        },
        status=status,
    )


@requires(Perm.APPLY_GRANTS)
def application_letter(request, pk: int):
    """The decision letter of the organisation's application, as it was sent (tagged PDF)."""
    from integrering.grants.decisions.views import letter_response

    return letter_response(selectors.application_for_applicant(request.user, pk))


@requires(Perm.MANAGE_GRANTS)
def draft_reopen(request, pk: int):
    """The caseworker lets a draft be submitted after the deadline: a new last day and the reason."""
    draft = selectors.draft_for_caseworker(request.user, pk)
    form = ReopenForm(request.POST or None, initial={"until": draft.late_until, "reason": draft.reopen_reason})

    def save(data):
        return services.application_reopen(
            application=draft, until=data["until"], reason=data["reason"], today=timezone.localdate()
        )

    return form_page(
        request,
        form,
        "grants/applications/reopen.html",
        {"draft": draft},
        save=save,
        success=_("The draft is reopened. The organisation is told by e-mail."),
        done=lambda saved: redirect("grants:call", pk=saved.call_id),
    )
