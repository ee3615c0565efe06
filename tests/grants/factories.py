"""Grant schemes and calls for tests, made through the services."""

import datetime

from integrering.grants.calls.services import call_create
from integrering.grants.schemes.services import scheme_create

CRITERIA = [
    {"code": "kvalitet", "name": "Quality", "weight": 60},
    {"code": "samarbeid", "name": "Cooperation", "weight": 40},
]
REASONS = [{"code": "F1", "text": "Formally inadequate"}, {"code": "P1", "text": "Low priority"}]


def scheme_make(*, county, code="mentor", name="Mentor scheme", **overrides):
    values = {
        "code": code,
        "name": name,
        "legal_basis": "Integration regulation § 65",
        "purpose": "Jobs for immigrants",
        "applicant_kinds": ["municipality", "organisation"],
        "max_share_percent": 50,
        "criteria": CRITERIA,
        "payment_plan": [75, 25],
        "rejection_reasons": REASONS,
    } | overrides
    return scheme_create(county=county, **values)


def call_make(*, county, scheme=None, year=2026, budget_frame=1_000_000, **overrides):
    scheme = scheme or scheme_make(county=county)
    values = {
        "year": year,
        "title": f"{scheme.name} {year}",
        "budget_frame": budget_frame,
        "opens_on": datetime.date(year, 1, 1),
        "closes_on": datetime.date(year, 12, 31),
        "published": True,
    } | overrides
    return call_create(scheme=scheme, **values)


def organisation_make(*, user, orgnr="974760673", kind="organisation", municipality="5001", **overrides):
    from integrering.grants.applicants.services import organisation_create
    from integrering.municipalities.models import Municipality

    values = {
        "name": "Frivilligsentralen",
        "orgnr": orgnr,
        "kind": kind,
        "municipality": Municipality.objects.get(number=municipality),
        "bank_account": "86011117947",
        "email": "post@example.org",
    } | overrides
    return organisation_create(user=user, **values)


COMPLETE = {
    "project_title": "Mentor i jobb",
    "project_summary": "Mentorer for nyankomne",
    "starts_on": datetime.date(2026, 3, 1),
    "ends_on": datetime.date(2026, 12, 31),
    "activities": "Mars: oppstart",
    "target_group": "Nyankomne flyktninger",
    "participant_count": 12,
    "costs": [{"item": "Lønn", "amount": 300_000}, {"item": "Kurs", "amount": 100_000}],
    "financing": [{"source": "Egenandel", "amount": 200_000}],
    "amount_applied": 200_000,
}


def application_make(*, call, organisation, user, submit=False, **overrides):
    """A complete draft (or, with ``submit``, a submitted application) through the services."""
    from django.utils import timezone

    from integrering.grants.applications.services import application_start, application_submit, application_update
    from integrering.municipalities.models import Municipality

    application = application_start(call=call, organisation=organisation, user=user, today=call.opens_on)
    values = COMPLETE | {"municipalities": [Municipality.objects.get(number="5001")]} | overrides
    application = application_update(application=application, version=application.version, **values)
    if submit:
        application = application_submit(application=application, user=user, now=timezone.now())
    return application


def grant_accepted_make(*, call, organisation, user, amount=100_000, decided=None, **overrides):
    """An accepted grant of ``amount`` kr through the services: submitted, screened, recommended, decided, accepted."""
    from integrering.grants.assessment.services import screening_complete
    from integrering.grants.decisions.services import decisions_make, recommendation_set
    from integrering.grants.reminders.services import application_accept

    decided = decided or datetime.date(call.year, 6, 1)
    application = application_make(call=call, organisation=organisation, user=user, submit=True, **overrides)
    application = recommendation_set(
        application=screening_complete(application=application), recommendation="grant", amount=amount
    )
    decisions_make(call=call, application_ids=[application.pk], today=decided)
    application.refresh_from_db()
    return application_accept(application=application, today=decided)
