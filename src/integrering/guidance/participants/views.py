"""Participants: the scoped list, the participant's page (every view logged), register, edit, the § 12 decision."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.forms.models import model_to_dict
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from integrering.core.audit import personal_data_list_log, personal_data_read_log
from integrering.core.permissions import Perm, has_perm, is_municipal_only, requires
from integrering.guidance.cases.forms import case_forms
from integrering.guidance.cases.models import CaseStatus
from integrering.guidance.form_page import form_page
from integrering.guidance.participants import imports, selectors, services
from integrering.guidance.participants.exports import CONTENT_TYPES, participants_export
from integrering.guidance.participants.forms import (
    DECISION_FIELDS,
    PARTICIPANT_FIELDS,
    DecisionForm,
    ParticipantFilterForm,
    ParticipantForm,
    ParticipantImportForm,
)
from integrering.guidance.training.forms import MunicipalityChoiceForm
from integrering.municipalities.models import Municipality

PAGE_SIZE = 50


@requires(Perm.VIEW_PARTICIPANTS)
def participant_list(request):
    municipalities = selectors.participant_municipalities(request.user)
    form = ParticipantFilterForm(request.GET or None, municipalities=municipalities)
    qs = selectors.participants_for_user(request.user)
    filters = form.cleaned_data if form.is_valid() else {}
    municipality = None
    if filters.get("kommune"):
        municipality = Municipality.objects.filter(number=filters["kommune"], county_id=request.user.county_id).first()
    qs = selectors.participants_filter(
        qs,
        municipality=municipality,
        finding=filters.get("funn") or None,
        figure=filters.get("figur") or None,
    )
    if filters.get("alvorlighet"):
        qs = qs.filter(open_findings__severity=filters["alvorlighet"]).distinct()
    if filters.get("q"):
        qs = qs.filter(Q(name__icontains=filters["q"]) | Q(reference__icontains=filters["q"]))
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("side"))
    personal_data_list_log(user=request.user, record_ids=[p.pk for p in page], description=_("Participant list"))
    query = request.GET.copy()
    query.pop("side", None)
    return render(
        request,
        "guidance/participants/participant_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "today": timezone.localdate(),
            "can_create": has_perm(request.user, Perm.EDIT_PARTICIPANTS),
            "can_export": has_perm(request.user, Perm.EXPORT_PARTICIPANTS),
            "can_train": has_perm(request.user, Perm.MANAGE_TRAINING),
            "export_form": MunicipalityChoiceForm(municipalities=municipalities),
            "register_export_form": MunicipalityChoiceForm(municipalities=municipalities, auto_id="register_%s"),
            "municipal_only": is_municipal_only(request.user),
        },
    )


@requires(Perm.VIEW_PARTICIPANTS)
def participant_detail(request, pk: int):
    participant = selectors.participant_for_user(request.user, pk)
    # The identity number is masked unless the user asks to see it; that request is logged on its own.
    show_national_id = request.GET.get("vis") == "fodselsnummer" and bool(participant.national_id)
    personal_data_read_log(
        user=request.user,
        action="view_national_id" if show_national_id else "view",
        record_type="participant",
        record_ids=[participant.pk],
    )
    case = getattr(participant, "guidance_case", None)
    user = request.user
    context = {
        "participant": participant,
        "show_national_id": show_national_id,
        "case": case,
        "sessions": list(case.sessions.all()) if case else [],
        "referrals": list(participant.referrals.select_related("referred_by", "withdrawn_by")),
        "enrolments": list(participant.training_enrolments.all()),
        "open_referral": case is not None and case.status in (CaseStatus.REFERRED, CaseStatus.BOOKED),
        "today": timezone.localdate(),
        "can_edit": has_perm(user, Perm.EDIT_PARTICIPANTS),
        "can_refer": has_perm(user, Perm.REFER_PARTICIPANTS),
        "can_decide": has_perm(user, Perm.REGISTER_PROGRAMME_DECISION),
        "can_guide": has_perm(user, Perm.MANAGE_GUIDANCE),
        "can_train": has_perm(user, Perm.MANAGE_TRAINING),
    }
    if case and context["can_guide"]:
        context.update(case_forms(case, user))
    return render(request, "guidance/participants/participant_detail.html", context)


def _participant_form(request, data=None, **kwargs) -> ParticipantForm:
    fixed = request.user.municipality if is_municipal_only(request.user) else None
    return ParticipantForm(
        data, municipalities=selectors.participant_municipalities(request.user), fixed_municipality=fixed, **kwargs
    )


def _to_participant(participant):
    return redirect("guidance:participant", pk=participant.pk)


@requires(Perm.EDIT_PARTICIPANTS)
def participant_create(request):
    form = _participant_form(request, request.POST or None)

    def save(data):
        return services.participant_create(
            county=request.user.county, municipality=data["municipality"], reference=data["reference"], **form.facts()
        )

    return form_page(
        request,
        form,
        "guidance/participants/participant_form.html",
        {"participant": None},
        save=save,
        success=_("The participant was registered."),
        done=_to_participant,
    )


@requires(Perm.EDIT_PARTICIPANTS)
def participant_edit(request, pk: int):
    participant = selectors.participant_for_user(request.user, pk)
    initial = model_to_dict(participant, fields=PARTICIPANT_FIELDS) | {"version": participant.version}
    form = _participant_form(
        request, request.POST or None, initial=initial, has_national_id=bool(participant.national_id)
    )
    form.fields["reference"].disabled = True
    form.fields["version"].required = True  # without it a save could silently overwrite someone else's change

    def save(data):
        moved = data["municipality"] if data["municipality"] != participant.municipality else None
        return services.participant_update(
            participant=participant, version=data["version"], municipality=moved, **form.facts()
        )

    # The form shows the participant's data (the identity number masked): a read.
    return form_page(
        request,
        form,
        "guidance/participants/participant_form.html",
        {"participant": participant},
        save=save,
        success=_("The participant was saved."),
        done=_to_participant,
        read=(participant, _("Edit form")),
    )


@requires(Perm.REGISTER_PROGRAMME_DECISION)
def decision_edit(request, pk: int):
    participant = selectors.participant_for_user(request.user, pk)
    initial = model_to_dict(participant, fields=DECISION_FIELDS) | {"version": participant.version}
    form = DecisionForm(request.POST or None, initial=initial)
    form.fields["version"].required = True

    def save(data):
        return services.decision_register(participant=participant, **data)

    return form_page(
        request,
        form,
        "guidance/participants/decision_form.html",
        {"participant": participant},
        save=save,
        success=_("The decision was registered."),
        done=_to_participant,
        read=(participant, _("Decision form")),
    )


@requires(Perm.EXPORT_PARTICIPANTS)
def participant_export(request, fmt: str):
    """The participant register in the user's scope (one municipality or all) as CSV or XLSX; logged as an export."""
    if fmt not in CONTENT_TYPES:
        raise Http404
    form = MunicipalityChoiceForm(
        request.GET or None, municipalities=selectors.participant_municipalities(request.user)
    )
    if request.GET and not form.is_valid():
        return HttpResponse(_("Unknown municipality."), status=400, content_type="text/plain; charset=utf-8")
    municipality = form.cleaned_data.get("kommune") if form.is_bound else None
    participants = selectors.participants_for_user(request.user)
    if municipality is not None:
        participants = participants.filter(municipality=municipality)
    where = municipality.number if municipality else request.user.county.number
    body, _count = participants_export(
        participants=participants,
        fmt=fmt,
        user=request.user,
        description=_("Participant register, %(where)s") % {"where": where},
    )
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="deltakere-{where}-{stamp}.{fmt}"'
    response["Cache-Control"] = "no-store, private"
    return response


@requires(Perm.EDIT_PARTICIPANTS)
def participant_import(request):
    """Upload a participant list: every row is checked first (the file held to the tabular limits); any error goes
    on the form and nothing is written; a clean file is imported at once, or only checked (``dry_run``)."""
    form = ParticipantImportForm(request.POST or None, request.FILES or None)
    checked = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        own = request.user.municipality if is_municipal_only(request.user) else None
        plan = imports.import_plan(
            county=request.user.county, content=upload, filename=upload.name, only_municipality=own
        )
        if not plan.ok:
            for error in plan.errors:
                form.add_error("file", error)
        elif form.cleaned_data["dry_run"]:
            checked = {
                "new": plan.new_count,
                "updated": len(plan.rows) - plan.new_count,
                "ignored": plan.ignored_columns,
            }
        else:
            result = imports.import_apply(plan)
            messages.success(
                request,
                _("Imported %(total)s participants: %(created)s new, %(updated)s updated.")
                % {"total": len(plan.rows), "created": result.created, "updated": result.updated},
            )
            return redirect("guidance:participants")
    return render(
        request,
        "guidance/participants/participant_import.html",
        {"form": form, "checked": checked},
        status=400 if form.errors else 200,
    )
