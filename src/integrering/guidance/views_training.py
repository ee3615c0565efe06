"""§ 30 second paragraph: the county's Norwegian training in full-time upper secondary, and the export to the
municipality of completed guidance and absence (logged: who, when, which participants)."""

import csv
import io

import xlsxwriter
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.forms.models import model_to_dict
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from integrering.core.audit import personal_data_list_log, personal_data_read_log
from integrering.core.permissions import Perm, has_perm, requires
from integrering.guidance import selectors, services
from integrering.guidance.form_page import form_page
from integrering.guidance.forms import EnrolmentForm, EnrolmentUpdateForm, MunicipalityChoiceForm
from integrering.guidance.models import CaseStatus, TrainingEnrolment
from integrering.guidance.participants.selectors import participant_municipalities

EXPORT_HEADER = [
    "kommunenummer",
    "referanse",
    "navn",
    "fodselsdato",
    "veiledning_fullfort_dato",
    "anbefaling",
    "skole",
    "maalniva",
    "timer_planlagt",
    "timer_deltatt",
    "fravaer_timer",
    "opplaering_start",
    "opplaering_slutt",
    "opplaering_fullfort",
]
PAGE_SIZE = 50
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


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
    waiting = (
        selectors.participants_for_user(request.user)
        .filter(full_time_upper_secondary=True, training_enrolments__isnull=True)
        .order_by("municipality__number", "reference")
    )
    if municipality is not None:
        enrolments = enrolments.filter(participant__municipality=municipality)
        waiting = waiting.filter(municipality=municipality)
    enrolled_page = Paginator(enrolments, PAGE_SIZE).get_page(request.GET.get("side"))
    waiting_page = Paginator(waiting, PAGE_SIZE).get_page(request.GET.get("venter"))
    personal_data_list_log(
        user=request.user,
        description="§ 30-liste",
        record_ids=[*(p.pk for p in waiting_page), *(e.participant_id for e in enrolled_page)],
    )
    return render(
        request,
        "guidance/training_list.html",
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
    participant = selectors.participant_for_user(request.user, pk)
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
        "guidance/training_form.html",
        {"participant": participant, "enrolment": None},
        save=save,
        success=_("The participant was enrolled in Norwegian training."),
        done=_to_training,
        read=(participant, "Skjema: meld opp til norskopplæring"),
    )


@requires(Perm.MANAGE_TRAINING)
def training_edit(request, pk: int):
    enrolment = selectors.enrolments_for_user(request.user).filter(pk=pk).first()
    if enrolment is None:
        raise Http404
    initial = model_to_dict(enrolment, fields=EnrolmentUpdateForm.Meta.fields) | {"version": enrolment.version}
    form = EnrolmentUpdateForm(request.POST or None, initial=initial)

    def save(data):
        return services.training_update(enrolment=enrolment, **data)

    return form_page(
        request,
        form,
        "guidance/training_form.html",
        {"participant": enrolment.participant, "enrolment": enrolment},
        save=save,
        success=_("The training was saved."),
        done=_to_training,
        read=(enrolment.participant, "Skjema: norskopplæring"),
    )


def export_rows(user, municipality=None) -> tuple[list[list], list[int]]:
    """One row per enrolment (or one per participant with completed guidance and no enrolment)."""
    qs = (
        selectors.participants_for_user(user)
        .filter(Q(guidance_case__status=CaseStatus.COMPLETED) | Q(training_enrolments__isnull=False))
        .distinct()
        .prefetch_related(Prefetch("training_enrolments", queryset=TrainingEnrolment.objects.order_by("start", "pk")))
    )
    if municipality is not None:
        qs = qs.filter(municipality=municipality)
    rows, ids = [], []
    for p in qs:
        ids.append(p.pk)
        case = getattr(p, "guidance_case", None)
        done = case is not None and case.status == CaseStatus.COMPLETED
        person = [
            p.municipality.number,
            p.reference,
            p.name,
            p.birth_date,
            case.completed_on if done else None,
            case.get_recommendation_display() if done else "",
        ]
        for e in p.training_enrolments.all() or [None]:
            training = (
                ["", "", None, None, None, None, None, ""]
                if e is None
                else [
                    e.school,
                    e.target_level,
                    e.hours_planned,
                    e.hours_attended,
                    e.absence_hours,
                    e.start,
                    e.end,
                    "ja" if e.completed else "nei",
                ]
            )
            rows.append(person + training)
    return rows, ids


def _csv(rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(EXPORT_HEADER)
    for row in rows:
        writer.writerow(["" if v is None else v.isoformat() if hasattr(v, "isoformat") else v for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _xlsx(rows) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet("Veiledning og fravær")
    bold, dates = book.add_format({"bold": True}), book.add_format({"num_format": "dd.mm.yyyy"})
    sheet.write_row(0, 0, EXPORT_HEADER, bold)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if value is None or value == "":
                continue
            if hasattr(value, "isoformat"):
                sheet.write_datetime(r, c, value, dates)
            else:
                sheet.write(r, c, value)
    sheet.freeze_panes(1, 0)
    book.close()
    return out.getvalue()


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
        description=f"Veiledning og fravær ({fmt}), {where}, {len(ids)} deltakere",
    )
    body = _csv(rows) if fmt == "csv" else _xlsx(rows)
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="veiledning-og-fravaer-{where}-{stamp}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response
