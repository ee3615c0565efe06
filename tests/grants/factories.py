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
