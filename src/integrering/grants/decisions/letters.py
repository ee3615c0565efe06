"""The words of the decision letters, written once: the grant letter and the rejection letter.

    letter_freeze(*, application, today) -> DecisionLetter   # the letter as it is sent, stored with the application
    letter_send(*, letter) -> None                            # the same text by e-mail to the organisation
    letter_pdf(letter) -> bytes                               # the same text as a tagged PDF (PDF/UA-1)

The text is made in the county's language (``LANGUAGE_CODE``) from the application, its call and its scheme as they
are at the decision, and stored (:class:`DecisionLetter`); the e-mail (``mail/grants_grant_letter/``,
``mail/grants_rejection_letter/``) and the PDF (``grants/decisions/letter_pdf.html``) render the stored sections,
so the three never differ and a later edit of the scheme changes no letter that was sent.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from integrering.core.letterhead.selectors import Letterhead, letterhead_of, organisation_number_display
from integrering.core.mail.services import mail_send
from integrering.core.pdf import html_pdf
from integrering.core.templatetags.formatting import date_no, number
from integrering.grants.applications.models import Application
from integrering.grants.applications.status import Status
from integrering.grants.decisions.models import DecisionLetter, LetterKind
from integrering.legal.dates import add_months

# The statuses of a decided application (a grant, whatever became of it later, or a rejection).
DECIDED = frozenset({Status.GRANTED, Status.ACCEPTED, Status.LAPSED, Status.CLOSED, Status.REJECTED})
MAIL_TEMPLATES = {LetterKind.GRANT: "grants_grant_letter", LetterKind.REJECTION: "grants_rejection_letter"}


def _kr(amount: int | None) -> str:
    return f"{number(amount or 0)}\xa0kr"


def appeal_text() -> str:
    return _(
        "This is an individual decision. You may appeal within 3 weeks of receiving this letter (the Public "
        "Administration Act §§ 28–29). Send the appeal to the county; say which decision you appeal and why. You "
        "have the right to see the documents of the case (the Public Administration Act § 18)."
    )


def payment_plan_text(plan: list[int], amount: int) -> str:
    """«75 % (150 000 kr) when the grant is accepted; 25 % (50 000 kr) when the final report is approved.»"""
    parts, paid = [], 0
    for i, percent in enumerate(plan):
        # The last instalment takes what is left, so the instalments add up to the grant to the krone.
        share = amount - paid if i == len(plan) - 1 else amount * percent // 100
        paid += share
        if i == 0:
            when = _("when the grant is accepted")
        elif i == len(plan) - 1:
            when = _("when the final report is approved")
        else:
            when = _("when a status report is approved")
        parts.append(
            _("%(percent)s %% (%(amount)s) %(when)s") % {"percent": percent, "amount": _kr(share), "when": when}
        )
    return "; ".join(parts) + "." if parts else ""


def report_deadline(application: Application) -> datetime.date | None:
    """The final report is due the scheme's months after the project ends (the month's end if shorter)."""
    if application.ends_on is None:
        return None
    return add_months(application.ends_on, application.call.scheme.report_due_months)


def _grant_sections(application: Application) -> list[dict[str, str]]:
    scheme, amount = application.call.scheme, application.granted_amount or 0
    intro = _(
        "%(name)s is granted %(amount)s from %(scheme)s for the project «%(title)s» (reference %(reference)s). "
        "You applied for %(applied)s. The grant is given under %(basis)s."
    ) % {
        "name": application.organisation.name,
        "amount": _kr(amount),
        "scheme": scheme.name,
        "title": application.project_title,
        "reference": application.reference,
        "applied": _kr(application.amount_applied),
        "basis": scheme.legal_basis,
    }
    due = report_deadline(application)
    report = _("Send the final report with the accounts (costs planned and spent) by %(day)s.") % {"day": date_no(due)}
    if amount >= scheme.accountant_threshold:
        report += " " + _(
            "The grant is %(threshold)s or more: the accounts must be confirmed by a state-authorised or registered "
            "accountant."
        ) % {"threshold": _kr(scheme.accountant_threshold)}
    report += " " + _("You may send status reports at any time.")
    acceptance = _(
        "Accept the grant and its conditions on the application's page by %(day)s. A grant that is not accepted "
        "by then lapses, and the money goes back to the call's budget."
    ) % {"day": date_no(application.acceptance_deadline)}
    return [
        {"heading": "", "text": intro},
        {"heading": _("Conditions"), "text": scheme.conditions.strip() or _("The scheme's standard conditions.")},
        {"heading": _("Payment plan"), "text": payment_plan_text(list(scheme.payment_plan), amount)},
        {"heading": _("Report"), "text": report},
        {"heading": _("Acceptance"), "text": acceptance},
        {"heading": _("Right of appeal"), "text": appeal_text()},
    ]


def _rejection_sections(application: Application) -> list[dict[str, str]]:
    scheme = application.call.scheme
    intro = _(
        "The application from %(name)s to %(scheme)s for the project «%(title)s» (reference %(reference)s) is rejected."
    ) % {
        "name": application.organisation.name,
        "scheme": scheme.name,
        "title": application.project_title,
        "reference": application.reference,
    }
    reasons = "\n".join(f"{code}: {scheme.rejection_reason_text(code)}" for code in application.rejection_codes)
    return [
        {"heading": "", "text": intro},
        {"heading": _("Reasons"), "text": reasons or "–"},
        {"heading": _("Right of appeal"), "text": appeal_text()},
    ]


def letter_freeze(
    *,
    application: Application,
    today: datetime.date,
    head: Letterhead | None = None,
    new: bool = False,
    language: str | None = None,
) -> DecisionLetter:
    """Write the letter of a granted or rejected application as it is sent now (once: a second call keeps the
    first letter). ``new``: the caller has just decided the application, so it has no letter yet (one query less
    a letter in a batch; the one-to-one key would refuse a second letter anyway). ``language``: ``nb`` or ``nn``
    (default the site's); the letter keeps it, so its e-mail and PDF are in the same written form."""
    if application.status not in DECIDED:
        raise ValueError(f"No letter for an application in status {application.status}")
    existing = None if new else DecisionLetter.objects.filter(application=application).first()
    if existing is not None:
        return existing
    granted = application.status != Status.REJECTED
    head = head or letterhead_of(application.county)
    organisation = application.organisation
    language = language or settings.LANGUAGE_CODE
    with translation.override(language):
        letter = DecisionLetter(
            application=application,
            language=language,
            kind=LetterKind.GRANT if granted else LetterKind.REJECTION,
            dated=today,
            subject=_("Decision on your application %(reference)s") % {"reference": application.reference},
            title=(_("Grant from %(scheme)s") if granted else _("Rejection: %(scheme)s"))
            % {"scheme": application.call.scheme.name},
            sender={
                "name": head.name,
                "lines": [
                    *head.postal_address,
                    *(
                        [_("Org. no. %(number)s") % {"number": head.organisation_number}]
                        if head.organisation_number
                        else []
                    ),
                    *[value for value in (head.email, head.phone) if value],
                ],
            },
            recipient=[
                organisation.name,
                _("Org. no. %(number)s") % {"number": organisation_number_display(organisation.orgnr)},
            ],
            sections=_grant_sections(application) if granted else _rejection_sections(application),
        )
        letter.save()
    return letter


def letter_send(*, letter: DecisionLetter) -> None:
    application = letter.application
    mail_send(
        to=application.organisation.email,
        template=MAIL_TEMPLATES[LetterKind(letter.kind)],
        context={"letter": letter, "application": application},
        county=application.county,
        related=application,
        language=letter.language,
    )


def letter_html(letter: DecisionLetter) -> str:
    with translation.override(letter.language):
        return render_to_string(
            "grants/decisions/letter_pdf.html", {"letter": letter, "application": letter.application}
        )


def letter_pdf(letter: DecisionLetter) -> bytes:
    """The letter as a tagged, accessible PDF (PDF/UA-1: structure tree, the letter's language, title)."""
    return html_pdf(letter_html(letter))
