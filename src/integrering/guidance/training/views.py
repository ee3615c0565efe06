"""§ 30 second paragraph: the county's Norwegian training in full-time upper secondary, and the export to the
municipality of completed guidance and absence (logged: who, when, which participants)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.forms.models import model_to_dict
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from integrering.core.audit import personal_data_list_log, personal_data_read_log
from integrering.core.permissions import Perm, has_perm, requires
from integrering.guidance.form_page import form_page
from integrering.guidance.participants.selectors import participant_for_user, participant_municipalities
from integrering.guidance.training import selectors, services
from integrering.guidance.training.exports import CONTENT_TYPES, export_csv, export_rows, export_xlsx
from integrering.guidance.training.forms import EnrolmentForm, EnrolmentUpdateForm, MunicipalityChoiceForm

PAGE_SIZE = 50


@requires(Perm.MANAGE_TRAINING)
def training_list(request):
    """Those in full-time upper secondary not yet enrolled, and those enrolled; each list paged, one municipality
    or all."""
    municipalities = participant_municipalities(request.user)
    form = MunicipalityChoiceForm(request.GET or None, municipalities=municipalities, auto_id="filter_%s")
    municipality = form.cleaned_data.get("kommune") if form.is_valid() else None
    enrolments = selectors.enrolments_for_user(request.user).order_by(
        "participant__municipality__number", "participant__reference", "-start", "pk"
    )
    waiting = selectors.participants_waiting_for_training(request.user)
    if municipality is not None:
        enrolments = enrolments.filter(participant__municipality=municipality)
        waiting = waiting.filter(municipality=municipality)
    enrolled_page = Paginator(enrolments, PAGE_SIZE).get_page(request.GET.get("side"))
    waiting_page = Paginator(waiting, PAGE_SIZE).get_page(request.GET.get("venter"))
    personal_data_list_log(
        user=request.user,
        description=_("§ 30 list"),
        record_ids=[*(p.pk for p in waiting_page), *(e.participant_id for e in enrolled_page)],
    )
    return render(
        request,
        "guidance/training/training_list.html",
        {
            "form": form,
            "enrolled_page": enrolled_page,
            "waiting_page": waiting_page,
            "enrolled_query": _query_without(request, "side"),
            "waiting_query": _query_without(request, "venter"),
            "export_form": MunicipalityChoiceForm(municipalities=municipalities, initial={"kommune": municipality}),
            "can_export": has_perm(request.user, Perm.EXPORT_PARTICIPANTS),
        },
    )


def _query_without(request, name: str) -> str:
    query = request.GET.copy()
    query.pop(name, None)
    return query.urlencode()


def _to_training(_result):
    return redirect("guidance:training")


@requires(Perm.MANAGE_TRAINING)
def training_enrol(request, pk: int):
    participant = participant_for_user(request.user, pk)
    if participant.full_time_upper_secondary is not True:
        # The county's § 30 training is only for those in full-time upper secondary: say why, enrol nobody.
        messages.error(request, services.NOT_FULL_TIME_UPPER_SECONDARY)
        return redirect("guidance:participant", pk=participant.pk)
    form = EnrolmentForm(request.POST or None, initial={"start": timezone.localdate()})

    def save(data):
        return services.training_enrol(participant=participant, **data)

    return form_page(
        request,
        form,
        "guidance/training/training_form.html",
        {"participant": participant, "enrolment": None},
        save=save,
        success=_("The participant was enrolled in Norwegian training."),
        done=_to_training,
        read=(participant, _("Form: enrol in Norwegian training")),
    )


@requires(Perm.MANAGE_TRAINING)
def training_edit(request, pk: int):
    enrolment = selectors.enrolment_for_user(request.user, pk)
    initial = model_to_dict(enrolment, fields=EnrolmentUpdateForm.Meta.fields) | {"version": enrolment.version}
    form = EnrolmentUpdateForm(request.POST or None, initial=initial)

    def save(data):
        return services.training_update(enrolment=enrolment, **data)

    return form_page(
        request,
        form,
        "guidance/training/training_form.html",
        {"participant": enrolment.participant, "enrolment": enrolment},
        save=save,
        success=_("The training was saved."),
        done=_to_training,
        read=(enrolment.participant, _("Form: Norwegian training")),
    )


@requires(Perm.EXPORT_PARTICIPANTS)
def export_to_municipality(request, fmt: str):
    """Completed guidance and § 30 absence for the municipality (a municipal user: their own only)."""
    if fmt not in CONTENT_TYPES:
        raise Http404
    form = MunicipalityChoiceForm(request.GET or None, municipalities=participant_municipalities(request.user))
    if request.GET and not form.is_valid():
        return HttpResponse(_("Unknown municipality."), status=400, content_type="text/plain; charset=utf-8")
    municipality = form.cleaned_data.get("kommune") if form.is_bound else None
    rows, ids = export_rows(request.user, municipality)
    where = municipality.number if municipality else request.user.county.number
    personal_data_read_log(
        user=request.user,
        action="export",
        record_type="participant",
        record_ids=ids,
        description=_("Guidance and absence (%(format)s), %(where)s, %(count)s participants")
        % {"format": fmt, "where": where, "count": len(ids)},
    )
    body = export_csv(rows) if fmt == "csv" else export_xlsx(rows)
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="veiledning-og-fravaer-{where}-{stamp}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response
