"""Grants demo data: three schemes with a call each for the current year, organisations and municipalities that
apply, 35 applications across every status (with impartiality declarations and assessments where they belong), and
the demo applicant ``soker`` with an organisation and a draft. Loaded once (a second load leaves it as it is).

Accepted and closed grants have their first instalment (requested, or attested and waiting for a second
caseworker's approval). The follow-up after the decision (:func:`_followup`), dated from the day the demo is loaded:
``soker``'s organisation has an accepted grant whose final report is due within 60 days, with a status report; another
grant's final report is overdue; a third has its final report waiting for the caseworker; the closed grants have
their approved final reports (one with the accountant's confirmation) and are paid in full; one has an open reclaim
and one a repaid reclaim.
"""

from __future__ import annotations

import datetime
import itertools
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from stdnum.no import kontonr, orgnr

from integrering.core.models import User
from integrering.grants.applicants.models import Membership, Organisation
from integrering.grants.applications.models import Application
from integrering.grants.applications.services import _reference_next
from integrering.grants.applications.status import Status
from integrering.grants.assessment.models import Assessment, ImpartialityDeclaration
from integrering.grants.calls.models import Call
from integrering.grants.decisions.letters import letter_freeze
from integrering.grants.payments.models import Payment, PaymentStatus
from integrering.grants.reclaims.models import Reclaim, ReclaimStatus
from integrering.grants.reports.models import Report
from integrering.grants.reports.status import ReportKind, ReportStatus
from integrering.grants.schemes.models import Scheme
from integrering.municipalities.models import Municipality

REASONS = [
    {"code": "F1", "text": "Søknaden er formelt mangelfull."},
    {"code": "P1", "text": "Prosjektet er lavere prioritert enn andre søknader."},
    {"code": "B1", "text": "Budsjettrammen er brukt opp."},
]
SCHEMES: list[dict[str, Any]] = [
    {
        "code": "mentor",
        "name": "Mentor- og traineeordning",
        "legal_basis": "Fylkeskommunens retningslinjer for mentor- og traineeordninger (tidligere IMDi)",
        "purpose": "Få flere innvandrere i arbeid gjennom mentor og traineeplass hos en arbeidsgiver.",
        "applicant_kinds": ["municipality"],
        "max_share_percent": 50,
        "criteria": [
            {"code": "deltakere", "name": "Minst 10 deltakere", "weight": 40},
            {"code": "samarbeid", "name": "Interkommunalt samarbeid", "weight": 30},
            {"code": "arbeidsgiver", "name": "Forpliktende arbeidsgiversamarbeid", "weight": 30},
        ],
        "conditions": "Søker finansierer minst 50 %. Endringer i prosjektet krever forhåndssamtykke.",
        "payment_plan": [75, 25],
        "budget": 3_000_000,
        "rolling": True,
    },
    {
        "code": "etablerer",
        "name": "Etablereropplæring for innvandrere",
        "legal_basis": "Integreringsforskriften § 65",
        "purpose": "Opplæring for innvandrere som vil starte egen virksomhet.",
        "applicant_kinds": ["municipality", "organisation", "business"],
        "max_share_percent": 50,
        "max_share_small_business_percent": 60,
        "criteria": [
            {"code": "kvalitet", "name": "Kvalitet i opplæringen", "weight": 60},
            {"code": "maalgruppe", "name": "Når målgruppen", "weight": 40},
        ],
        "conditions": "Tilskuddet gis etter reglene om bagatellmessig støtte.",
        "payment_plan": [75, 25],
        "budget": 2_000_000,
        "rolling": False,
    },
    {
        "code": "integrering",
        "name": "Fylkeskommunalt integreringstilskudd",
        "legal_basis": "Trøndelag fylkeskommunes retningslinjer for integreringstilskudd",
        "purpose": "Tiltak som styrker integrering og deltakelse i lokalsamfunnet.",
        "applicant_kinds": ["organisation", "municipality"],
        "max_share_percent": 60,
        "criteria": [
            {"code": "effekt", "name": "Forventet effekt", "weight": 50},
            {"code": "frivillighet", "name": "Frivillig innsats", "weight": 50},
        ],
        "conditions": "Rapport med regnskap innen fristen.",
        "payment_plan": [100],
        "budget": 1_500_000,
        "rolling": False,
    },
]
ORGANISATIONS = [
    ("Flyktningguiden Trøndelag", "organisation", "5001"),
    ("Røde Kors Trondheim", "organisation", "5001"),
    ("Kvinner i arbeid", "organisation", "5006"),
    ("Mentorhuset AS", "business", "5001"),
    ("Gründerverkstedet AS", "business", "5007"),
]
# status → how many, spread over the three calls
PLAN = [
    (Status.DRAFT, 3),
    (Status.SUBMITTED, 4),
    (Status.SCREENING, 3),
    (Status.MISSING_INFO, 3),
    (Status.ASSESSMENT, 4),
    (Status.RECOMMENDED, 4),
    (Status.GRANTED, 4),
    (Status.REJECTED, 3),
    (Status.ACCEPTED, 3),
    (Status.LAPSED, 1),
    (Status.CLOSED, 3),
]
ASSESSED = {
    Status.ASSESSMENT,
    Status.RECOMMENDED,
    Status.GRANTED,
    Status.ACCEPTED,
    Status.LAPSED,
    Status.CLOSED,
}


def _valid(base: str, check) -> str:
    """The first valid number from ``base`` (a number with the check digit appended; mod 11 can leave none)."""
    for bump in range(100):
        stem = str(int(base) + bump).zfill(len(base))
        for digit in "0123456789":
            if check(stem + digit):
                return stem + digit
    raise ValueError(base)


def _schemes_and_calls(county, year: int) -> list[Call]:
    calls = []
    for spec in SCHEMES:
        values = {k: v for k, v in spec.items() if k not in ("budget", "rolling")}
        scheme = Scheme.objects.create(county=county, rejection_reasons=REASONS, **values)
        calls.append(
            Call.objects.create(
                county=county,
                scheme=scheme,
                year=year,
                title=f"{scheme.name} {year}",
                budget_frame=spec["budget"],
                opens_on=datetime.date(year, 1, 1),
                closes_on=None if spec["rolling"] else datetime.date(year, 12, 31),
                rolling=spec["rolling"],
                review_dates=[f"{year}-04-01", f"{year}-10-01"] if spec["rolling"] else [],
                information="Prosjektbeskrivelse, målgruppe, budsjett og finansieringsplan.",
                published=True,
            )
        )
    return calls


def _organisations(county) -> list[Organisation]:
    organisations = []
    for i, (name, kind, number) in enumerate(ORGANISATIONS):
        organisations.append(
            Organisation.objects.create(
                county=county,
                name=name,
                orgnr=_valid(f"9{i + 10:02d}55512", orgnr.is_valid),
                kind=kind,
                municipality=Municipality.objects.get(number=number),
                bank_account=_valid(f"1503{i + 10:02d}1234", kontonr.is_valid),
                email=f"post{i}@example.org",
                small_business=kind == "business",
            )
        )
    for i, municipality in enumerate(Municipality.objects.for_county(county).order_by("number")[:8]):
        organisations.append(
            Organisation.objects.create(
                county=county,
                name=municipality.norwegian_name,
                orgnr=_valid(f"8{i + 10:02d}44412", orgnr.is_valid),
                kind="municipality",
                municipality=municipality,
                bank_account=_valid(f"4200{i + 10:02d}5678", kontonr.is_valid),
                email=f"postmottak{municipality.number}@example.org",
            )
        )
    return organisations


def _application(call: Call, organisation: Organisation, status: Status, n: int, caseworker: User | None) -> None:
    applied = 100_000 + (n % 7) * 40_000
    total = applied * 100 // call.scheme.max_share_percent + 10_000
    application = Application.objects.create(
        county_id=call.county_id,
        call=call,
        organisation=organisation,
        project_title=f"{call.scheme.name.split()[0]}: prosjekt {n + 1}",
        project_summary="Et prosjekt for å få flere i arbeid og aktivitet.",
        starts_on=datetime.date(call.year, 3, 1),
        ends_on=datetime.date(call.year, 11, 30),
        activities="Mars: oppstart\nJuni: samlinger\nNovember: avslutning",
        target_group="Nyankomne flyktninger",
        participant_count=8 + n % 9,
        costs=[{"item": "Lønn", "amount": total - 50_000}, {"item": "Kurs og materiell", "amount": 50_000}],
        financing=[{"source": "Egenandel", "amount": total - applied}],
        amount_applied=applied,
    )
    application.municipalities.set([organisation.municipality])
    if status == Status.DRAFT:
        return
    application.reference = _reference_next(county_id=call.county_id, year=call.year)
    application.submitted_at = timezone.now() - datetime.timedelta(days=90 - n)
    application.status = status
    if status in ASSESSED and caseworker is not None:
        ImpartialityDeclaration.objects.create(application=application, user=caseworker, impartial=True)
        scores = {c["code"]: 1 + (n + i) % 5 for i, c in enumerate(call.scheme.criteria)}
        weighted = Decimal(sum(scores[c["code"]] * c["weight"] for c in call.scheme.criteria)) / 100
        Assessment.objects.create(
            application=application, user=caseworker, scores=scores, weighted_score=weighted, proposed_amount=applied
        )
    if status == Status.RECOMMENDED:
        application.recommendation, application.proposed_amount = "grant", applied
    if status in (Status.GRANTED, Status.ACCEPTED, Status.LAPSED, Status.CLOSED):
        application.recommendation = "grant"
        application.proposed_amount = application.granted_amount = applied
        application.decided_on = timezone.localdate() - datetime.timedelta(days=30 if status != Status.GRANTED else 3)
        application.acceptance_deadline = application.decided_on + datetime.timedelta(days=call.acceptance_days)
    if status == Status.REJECTED:
        application.recommendation, application.rejection_codes = "reject", ["P1"]
        application.decided_on = timezone.localdate() - datetime.timedelta(days=20)
    application.save()
    if application.decided_on is not None:
        # The letter as it went out on the day of the decision (the PDF on the application's page).
        letter_freeze(application=application, today=application.decided_on)
    if status in (Status.ACCEPTED, Status.CLOSED):
        # The first instalment of the plan: requested (accepted), attested by the caseworker (closed).
        first = applied * call.scheme.payment_plan[0] // 100
        attested = status == Status.CLOSED and caseworker is not None
        Payment.objects.create(
            application=application,
            amount=first,
            status=PaymentStatus.ATTESTED if attested else PaymentStatus.REQUESTED,
            attested_by=caseworker if attested else None,
        )


def load(*, county, stdout) -> None:
    if Scheme.objects.filter(county=county, code="mentor").exists():
        stdout.write(_("Grants: the demo data is already loaded."))
        return
    year = timezone.localdate().year
    calls = _schemes_and_calls(county, year)
    organisations = _organisations(county)
    caseworker = User.objects.filter(username="tilskudd").first()
    soker = User.objects.filter(username="soker").first()
    if soker is not None:
        Membership.objects.create(organisation=organisations[0], user=soker)
    counter = itertools.count()
    for status, how_many in PLAN:
        for _i in range(how_many):
            n = next(counter)
            call = calls[n % len(calls)]
            eligible = [o for o in organisations if o.kind in call.scheme.applicant_kinds]
            _application(call, eligible[n % len(eligible)], status, n, caseworker)
    # soker's own draft (to the county integration grant, which voluntary organisations may apply for)
    _application(calls[2], organisations[0], Status.DRAFT, 99, caseworker)
    _followup(county, organisations[0], caseworker)
    stdout.write(
        _("Grants: %(calls)s calls, %(applications)s applications.")
        % {"calls": len(calls), "applications": next(counter)}
    )


def _dates(application: Application, due: datetime.date) -> None:
    """Move the project so that its final report is due ``due`` (the project's end + the scheme's months)."""
    from integrering.grants.reports.services import months_add

    application.ends_on = months_add(due, -application.call.scheme.report_due_months)
    application.starts_on = months_add(application.ends_on, -8)
    application.save(update_fields=["ends_on", "starts_on"])


def _pay(
    application: Application, caseworker: User | None, approver: User | None, on: datetime.date, *, all_of_it=False
):
    """The payments made so far paid (attested by the caseworker, approved by another user); ``all_of_it``: the
    rest of the grant too."""
    granted = application.granted_amount or 0
    payments = list(application.payments.all())
    paid = sum(payment.amount for payment in payments)
    if all_of_it and paid < granted:
        payments.append(Payment(application=application, amount=granted - paid))
    for payment in payments:
        payment.status, payment.paid_on = PaymentStatus.PAID, on
        payment.attested_by = caseworker
        payment.approved_by = approver if approver != caseworker else None
        payment.save()


def _final(application: Application, submitted: datetime.datetime, status: str, caseworker: User | None) -> Report:
    from integrering.grants.reports.services import accountant_required

    accounts = [{"item": c["item"], "planned": c["amount"], "actual": c["amount"] - 5_000} for c in application.costs]
    accountant = {}
    if accountant_required(application):
        accountant = {
            "accountant_name": "Revisjon Midt-Norge AS",
            "accountant_orgnr": _valid("91655512", orgnr.is_valid),
            "accountant_confirmed": True,
            "accountant_date": submitted.date() - datetime.timedelta(days=3),
        }
    return Report.objects.create(
        application=application,
        kind=ReportKind.FINAL,
        status=status,
        text="Prosjektet er gjennomført som planlagt. 12 deltakere fullførte, 7 er i arbeid.",
        accounts=accounts,
        submitted_at=submitted,
        handled_by=caseworker if status == ReportStatus.APPROVED else None,
        handled_at=submitted + datetime.timedelta(days=5) if status == ReportStatus.APPROVED else None,
        **accountant,
    )


def _followup(county, soker_organisation: Organisation, caseworker: User | None) -> None:
    """Payments, reports and reclaims of the accepted and closed grants, dated from today."""
    today = timezone.localdate()
    now = timezone.now()
    approver = User.objects.filter(username="leder").first()
    accepted = list(Application.objects.filter(county=county, status=Status.ACCEPTED).order_by("pk"))
    closed = list(Application.objects.filter(county=county, status=Status.CLOSED).order_by("pk"))
    if len(accepted) < 3 or len(closed) < 2:
        return
    due_soon, overdue, waiting = accepted[:3]
    # soker's organisation: the report is due in 40 days; a status report sent a month ago was approved.
    if soker_organisation.kind in due_soon.call.scheme.applicant_kinds:
        due_soon.organisation = soker_organisation
        due_soon.save(update_fields=["organisation"])
    _dates(due_soon, today + datetime.timedelta(days=40))
    _pay(due_soon, caseworker, approver, today - datetime.timedelta(days=25))
    Report.objects.create(
        application=due_soon,
        kind=ReportKind.STATUS,
        status=ReportStatus.APPROVED,
        text="Oppstart i mars, 10 deltakere er i gang. Samlingene i juni ble flyttet til august.",
        submitted_at=now - datetime.timedelta(days=30),
        handled_by=caseworker,
        handled_at=now - datetime.timedelta(days=28),
    )
    # The final report is 20 days overdue.
    _dates(overdue, today - datetime.timedelta(days=20))
    # The final report is sent and waits for the caseworker; the first instalment is paid.
    _dates(waiting, today + datetime.timedelta(days=10))
    _final(waiting, now - datetime.timedelta(days=2), ReportStatus.SUBMITTED, caseworker)
    _pay(waiting, caseworker, approver, today - datetime.timedelta(days=90))
    # Closed grants: the final report approved and everything paid; one reclaim open, one repaid.
    for application in closed:
        _dates(application, today - datetime.timedelta(days=60))
        _final(application, now - datetime.timedelta(days=50), ReportStatus.APPROVED, caseworker)
        _pay(application, caseworker, approver, today - datetime.timedelta(days=40), all_of_it=True)
    Reclaim.objects.create(
        application=closed[0],
        amount=20_000,
        reason="Kursutgiftene ble 20 000 kr lavere enn planlagt; ubrukte midler kreves tilbake.",
        due_on=today + datetime.timedelta(days=20),
        created_by=caseworker,
    )
    Reclaim.objects.create(
        application=closed[1],
        amount=10_000,
        reason="En samling ble avlyst; tilskuddet til den kreves tilbake.",
        due_on=today - datetime.timedelta(days=10),
        created_by=caseworker,
        status=ReclaimStatus.REPAID,
        repaid_on=today - datetime.timedelta(days=12),
    )
