"""Screening (formell kontroll), impartiality and assessment.

screening_complete(*, application) -> Application          # sendt/til_kontroll → til_vurdering
screening_ask(*, application, message) -> Application     # → mangler_info, the organisation gets an e-mail
screening_reject(*, application, code) -> Application      # → avslatt, formally inadequate, with a coded reason
                                                          #   and the rejection letter
impartiality_declare(*, application, user, impartial, note="") -> ImpartialityDeclaration
assessment_save(*, application, user, scores, comment, proposed_amount) -> Assessment
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ApplicationError
from integrering.core.mail.services import mail_send
from integrering.grants.applications.models import Application
from integrering.grants.applications.services import application_move
from integrering.grants.applications.status import Status
from integrering.grants.assessment.models import Assessment, ImpartialityDeclaration
from integrering.grants.decisions.letters import letter_freeze, letter_send


def _into_screening(application: Application) -> Application:
    if application.status == Status.SUBMITTED:
        return application_move(application=application, target=Status.SCREENING)
    return application


@transaction.atomic
def screening_complete(*, application: Application) -> Application:
    return application_move(application=_into_screening(application), target=Status.ASSESSMENT)


@transaction.atomic
def screening_ask(*, application: Application, message: str) -> Application:
    if not (message or "").strip():
        raise ApplicationError(_("Say what is missing."), field="message")
    application = application_move(application=_into_screening(application), target=Status.MISSING_INFO)
    mail_send(
        to=application.organisation.email,
        template="grants_missing_info",
        context={"application": application, "message": message.strip()},
        county=application.county,
        related=application,
    )
    return application


@transaction.atomic
def screening_reject(*, application: Application, code: str) -> Application:
    codes = {reason["code"] for reason in application.call.scheme.rejection_reasons}
    if code not in codes:
        raise ApplicationError(_("Choose one of the scheme's rejection reasons."), field="code")
    application = application_move(application=_into_screening(application), target=Status.REJECTED)
    application.rejection_codes = [code]
    application.decided_on = timezone.localdate()
    application.save(update_fields=["rejection_codes", "decided_on"])
    # Rejected as formally inadequate is a decision too: the organisation gets its letter with the right of appeal.
    letter_send(letter=letter_freeze(application=application, today=application.decided_on))
    return application


def impartiality_declare(
    *, application: Application, user: Any, impartial: bool, note: str = ""
) -> ImpartialityDeclaration:
    """Once per caseworker and application (a declaration is not changed afterwards; it is part of the case)."""
    try:
        with transaction.atomic():
            return ImpartialityDeclaration.objects.create(
                application=application, user=user, impartial=impartial, note=note
            )
    except IntegrityError as error:
        raise ApplicationError(_("You have already declared your impartiality for this application.")) from error


def is_impartial(*, application: Application, user: Any) -> bool | None:
    """True/False once declared; None before."""
    declaration = application.declarations.filter(user=user).first()
    return None if declaration is None else declaration.impartial


@transaction.atomic
def assessment_save(
    *, application: Application, user: Any, scores: dict[str, int], comment: str, proposed_amount: int
) -> Assessment:
    if application.status != Status.ASSESSMENT:
        raise ApplicationError(_("Only an application in assessment can be assessed."))
    impartial = is_impartial(application=application, user=user)
    if impartial is None:
        raise ApplicationError(_("Declare your impartiality before you assess the application."))
    if not impartial:
        raise ApplicationError(_("You have declared yourself disqualified and cannot assess this application."))
    criteria = application.call.scheme.criteria
    if set(scores) != {c["code"] for c in criteria} or any(not 0 <= s <= 5 for s in scores.values()):
        raise ApplicationError(_("Give every criterion a score from 0 to 5."), field="scores")
    if not 0 <= proposed_amount <= (application.amount_applied or 0):
        raise ApplicationError(
            _("The proposed amount must be between 0 and the amount applied for."), field="proposed_amount"
        )
    weighted = Decimal(sum(scores[c["code"]] * c["weight"] for c in criteria)) / Decimal(100)
    assessment, _created = Assessment.objects.update_or_create(
        application=application,
        user=user,
        defaults={
            "scores": scores,
            "comment": comment,
            "weighted_score": weighted,
            "proposed_amount": proposed_amount,
        },
    )
    return assessment
