"""The caseworker's application page and its actions: screening, impartiality, assessment, recommendation.

The page shows the assessments only to a caseworker who has declared themselves impartial (fvl. § 6)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from integrering.core.exceptions import ApplicationError
from integrering.core.permissions import Perm, has_perm, requires
from integrering.grants.applications.selectors import application_for_user
from integrering.grants.applications.status import Status
from integrering.grants.assessment import services
from integrering.grants.assessment.forms import AssessmentForm, DeclarationForm, RecommendationForm, ScreeningForm
from integrering.grants.decisions.models import DecisionLetter


def _page(request, application, forms=None, status=200):
    scheme = application.call.scheme
    impartial = services.is_impartial(application=application, user=request.user)
    forms = forms or {}
    context = {
        "application": application,
        "scheme": scheme,
        "can_manage": has_perm(request.user, Perm.MANAGE_GRANTS),
        "impartial": impartial,
        "assessments": application.assessments.select_related("user") if impartial else None,
        "declarations": application.declarations.select_related("user"),
        "screening_form": forms.get("screening") or ScreeningForm(scheme=scheme),
        "declaration_form": forms.get("declaration") or DeclarationForm(),
        "assessment_form": forms.get("assessment") or AssessmentForm(scheme=scheme),
        "recommendation_form": forms.get("recommendation") or RecommendationForm(scheme=scheme),
        "reasons": [scheme.rejection_reason_text(code) for code in application.rejection_codes],
        "Status": Status,
        "payments": application.payments.select_related("attested_by", "approved_by"),
        "letter": DecisionLetter.objects.filter(application=application).only("pk", "kind", "dated").first(),
    }
    return render(request, "grants/assessment/application.html", context, status=status)


@requires(Perm.VIEW_GRANTS)
def application_detail(request, pk: int):
    return _page(request, application_for_user(request.user, pk))


def _act(request, application, key, form, action):
    if form.is_valid():
        try:
            action(form)
        except ApplicationError as error:
            form.add_error(error.field if error.field in form.fields else None, error.user_message)
        else:
            messages.success(request, _("Saved."))
            return redirect("grants:case", pk=application.pk)
    return _page(request, application, {key: form}, status=400)


@requires(Perm.MANAGE_GRANTS)
@require_POST
def screening(request, pk: int):
    application = application_for_user(request.user, pk)
    form = ScreeningForm(request.POST, scheme=application.call.scheme)

    def act(form):
        data = form.cleaned_data
        if data["action"] == "complete":
            services.screening_complete(application=application)
        elif data["action"] == "ask":
            services.screening_ask(application=application, message=data["message"])
        else:
            services.screening_reject(application=application, code=data["code"])

    return _act(request, application, "screening", form, act)


@requires(Perm.MANAGE_GRANTS)
@require_POST
def declaration(request, pk: int):
    application = application_for_user(request.user, pk)
    form = DeclarationForm(request.POST)

    def act(form):
        services.impartiality_declare(
            application=application,
            user=request.user,
            impartial=form.cleaned_data["impartial"],
            note=form.cleaned_data["note"],
        )

    return _act(request, application, "declaration", form, act)


@requires(Perm.MANAGE_GRANTS)
@require_POST
def assessment(request, pk: int):
    application = application_for_user(request.user, pk)
    form = AssessmentForm(request.POST, scheme=application.call.scheme)

    def act(form):
        services.assessment_save(
            application=application,
            user=request.user,
            scores=form.scores(),
            comment=form.cleaned_data["comment"],
            proposed_amount=form.cleaned_data["proposed_amount"],
        )

    return _act(request, application, "assessment", form, act)


@requires(Perm.MANAGE_GRANTS)
@require_POST
def recommendation(request, pk: int):
    from integrering.grants.decisions.services import recommendation_set

    application = application_for_user(request.user, pk)
    form = RecommendationForm(request.POST, scheme=application.call.scheme)

    def act(form):
        data = form.cleaned_data
        recommendation_set(
            application=application, recommendation=data["recommendation"], amount=data["amount"], codes=data["codes"]
        )

    return _act(request, application, "recommendation", form, act)
