"""Writes of the annual report: the introduction of a section for a year."""

from __future__ import annotations

from typing import Any

from integrering.core.versioning import expect_version
from integrering.plans.annual_report.models import SectionIntroduction


def introduction_set(
    *, county: Any, year: int, section: str, text: str, version: int | None = None
) -> SectionIntroduction:
    intro, created = SectionIntroduction.objects.get_or_create(
        county_id=getattr(county, "pk", county), year=year, section=section, defaults={"text": text}
    )
    if not created:
        expect_version(intro, version)
        intro.text = text
        intro.save()
    return intro
