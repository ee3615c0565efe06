"""The guidance section of the municipality page: aggregate figures only, never names."""

from integrering.core.permissions import Perm, has_perm
from integrering.municipalities.services import PageSection


def municipality_section(request, municipality) -> PageSection | None:
    if not has_perm(request.user, Perm.VIEW_COMPLIANCE):
        return None
    from integrering.guidance.compliance.selectors import municipality_summary

    summary = municipality_summary(municipality)
    if not summary["participants"]:
        return None
    return PageSection("guidance/compliance/_municipality_section.html", summary)
