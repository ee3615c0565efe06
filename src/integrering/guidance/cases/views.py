"""Career guidance: the municipality refers a participant (or withdraws the referral); the counsellor's queue
and the guidance case: take, assign, book, record a session, complete.

Each action is a small form page that works without JavaScript (POST, then back to the participant's
page or the queue); on the participant's page the session form posts with htmx and only the sessions
part of the page is replaced.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from integrering.core.audit import personal_data_list_log
from integrering.core.error_handling import form_error_add
from integrering.core.exceptions import ApplicationError
from integrering.core.permissions import Perm, requires
from integrering.guidance.cases import selectors, services
from integrering.guidance.cases.forms import (
    AssignForm,
    BookForm,
    CompleteForm,
    CorrectCompletionForm,
    ReferralForm,
    SessionForm,
    WithdrawReferralForm,
    booking_initial,
)
from integrering.guidance.cases.models import CaseStatus
from integrering.guidance.form_page import form_page
from integrering.guidance.participants.selectors import participant_for_user
from integrering.guidance.participants.services import participant_read_log

QUEUE_LIMIT = 100


def _to_participant(participant):
    return redirect("guidance:participant", pk=participant.pk)


@requires(Perm.REFER_PARTICIPANTS)
def referral_create(request, pk: int):
    participant = participant_for_user(request.user, pk)
    form = ReferralForm(request.POST or None, initial={"mapping_date": participant.mapping_date})

    def save(data):
        services.referral_create(participant=participant, user=request.user, **data)
        return participant

    return form_page(
        request,
        form,
        "guidance/cases/referral_form.html",
        {"participant": participant},
        save=save,
        success=_("The participant was referred for career guidance."),
        done=_to_participant,
        read=(participant, _("Referral form")),
    )


@requires(Perm.REFER_PARTICIPANTS)
def referral_withdraw(request, pk: int):
    participant = participant_for_user(request.user, pk)
    form = WithdrawReferralForm(request.POST or None)

    def save(data):
        services.referral_withdraw(participant=participant, user=request.user, reason=data["reason"])
        return participant

    return form_page(
        request,
        form,
        "guidance/cases/referral_withdraw_form.html",
        {"participant": participant},
        save=save,
        success=_("The referral was withdrawn."),
        done=_to_participant,
        read=(participant, _("Form: withdraw the referral")),
    )


def _back(request, case):
    """Where to go after an action: a safe ``neste`` (e.g. the queue), else the participant's page."""
    target = request.POST.get("neste") or request.GET.get("neste")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("guidance:participant", pk=case.participant_id)


@requires(Perm.MANAGE_GUIDANCE)
def queue(request):
    mine = request.GET.get("mine") == "1"
    q = selectors.queue_for_counsellor(request.user, counsellor=request.user if mine else None)
    sections = []
    for key, title, qs in (
        ("referred", _("Referred, not booked"), q.referred),
        ("booked", _("Booked"), q.booked),
    ):
        rows = list(qs[:QUEUE_LIMIT])
        sections.append(
            {"key": key, "title": title, "rows": rows, "total": len(rows) if len(rows) < QUEUE_LIMIT else qs.count()}
        )
    completed = list(q.completed)
    shown = [case.participant_id for section in sections for case in section["rows"]]
    personal_data_list_log(
        user=request.user, record_ids=shown + [case.participant_id for case in completed], description=_("Work queue")
    )
    return render(
        request,
        "guidance/cases/queue.html",
        {
            "sections": sections,
            "completed": completed,
            "mine": mine,
            "today": timezone.localdate(),
            "limit": QUEUE_LIMIT,
        },
    )


@requires(Perm.MANAGE_GUIDANCE)
@require_POST
def case_take(request, pk: int):
    case = selectors.case_for_user(request.user, pk)
    posted = request.POST.get("version", "")
    try:
        # The version the button was shown with: taking a case someone else just took is refused, not overwritten.
        version = int(posted) if posted.isdigit() else None
        services.case_assign(case=case, counsellor=request.user, version=version)
    except ApplicationError as error:
        messages.error(request, error.user_message)
    else:
        messages.success(request, _("You took the case of %(reference)s.") % {"reference": case.participant.reference})
    return _back(request, case)


def _case_action(request, case, form_class, *, title, save, success, form_kwargs=None, initial=None):
    """GET: the action's form page. POST: ``save(case, cleaned_data)``; errors go back on the form.

    The page shows the participant's name: showing it is logged as a read."""
    # Every action form carries the case's version: a save over someone else's change is a conflict.
    values = {"version": case.version, **(initial(case) if initial else {})}
    form = form_class(request.POST or None, initial=values, **(form_kwargs or {}))
    context = {
        "case": case,
        "participant": case.participant,
        "title": title,
        "neste": request.POST.get("neste") or request.GET.get("neste", ""),
    }
    return form_page(
        request,
        form,
        "guidance/cases/case_form.html",
        context,
        save=lambda data: save(case, data),
        success=success,
        done=lambda _result: _back(request, case),
        read=(case.participant, _("Guidance case: %(action)s") % {"action": title}),
    )


@requires(Perm.MANAGE_GUIDANCE)
def case_assign(request, pk: int):
    def save(case, data):
        return services.case_assign(case=case, counsellor=data["counsellor"], version=data["version"])

    return _case_action(
        request,
        selectors.case_for_user(request.user, pk),
        AssignForm,
        title=_("Assign counsellor"),
        save=save,
        success=_("The counsellor was changed."),
        form_kwargs={"county": request.user.county},
        initial=lambda case: {"counsellor": case.counsellor_id},
    )


@requires(Perm.MANAGE_GUIDANCE)
def case_book(request, pk: int):
    def save(case, data):
        return services.case_book(case=case, **data)

    return _case_action(
        request,
        selectors.case_for_user(request.user, pk),
        BookForm,
        title=_("Book an appointment"),
        save=save,
        success=_("The appointment was booked."),
        form_kwargs={"county": request.user.county},
        initial=lambda case: {**booking_initial(case), "counsellor": case.counsellor_id or request.user.pk},
    )


@requires(Perm.MANAGE_GUIDANCE)
def case_session(request, pk: int):
    case = selectors.case_for_user(request.user, pk)
    form = SessionForm(request.POST or None)
    saved = False
    if request.method == "POST" and form.is_valid():
        try:
            services.case_session_add(case=case, **form.cleaned_data)
        except ApplicationError as error:
            form_error_add(form, error)
        else:
            saved = True
            if not request.htmx:
                messages.success(request, _("The session was recorded."))
                return _back(request, case)
            form = SessionForm()
    context = {
        "form": form,
        "case": case,
        "participant": case.participant,
        "title": _("Record a session"),
        "neste": request.GET.get("neste", ""),
    }
    # The page and the htmx fragment both show the participant's sessions: each answer is a logged read.
    participant_read_log(
        user=request.user,
        participant=case.participant,
        description=_("Guidance case: %(action)s") % {"action": context["title"]}
        + (" (fragment)" if request.htmx else ""),
    )
    if request.htmx:
        context.update(session_form=form, sessions=list(case.sessions.all()), saved=saved)
        # htmx swaps only 2xx answers: the errors are shown in the returned fragment (no name in it).
        return render(request, "guidance/cases/_sessions.html", context)
    return render(request, "guidance/cases/case_form.html", context, status=400 if form.errors else 200)


@requires(Perm.MANAGE_GUIDANCE)
def case_complete(request, pk: int):
    """Complete the guidance; on a completed case, the explicit correction of its date and recommendation."""
    case = selectors.case_for_user(request.user, pk)
    if case.status == CaseStatus.COMPLETED:
        return _case_correct(request, case)

    def save(case, data):
        return services.case_complete(
            case=case,
            completed_on=data["completed_on"],
            recommendation=data["recommendation"],
            note=data["recommendation_note"],
            version=data["version"],
        )

    return _case_action(
        request,
        case,
        CompleteForm,
        title=_("Complete the guidance"),
        save=save,
        success=_("The career guidance was completed; the findings were updated."),
    )


def _case_correct(request, case):
    def save(case, data):
        return services.case_correct(
            case=case,
            version=data["version"],
            completed_on=data["completed_on"],
            recommendation=data["recommendation"],
            note=data["recommendation_note"],
        )

    return _case_action(
        request,
        case,
        CorrectCompletionForm,
        title=_("Correct the completed guidance"),
        save=save,
        success=_("The correction was saved. The previous values are kept in the change log."),
        initial=lambda case: {
            "completed_on": case.completed_on,
            "recommendation": case.recommendation,
            "recommendation_note": case.recommendation_note,
            "version": case.version,
        },
    )
