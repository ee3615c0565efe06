"""Display helpers for the guidance pages: findings with label and severity, masked identity numbers."""

from django import template
from django.utils.translation import gettext_lazy as _

from integrering.legal import SEVERITIES, SEVERITY_LABELS, finding_catalogue

register = template.Library()

#: Short labels for lists and tables; the full Norwegian message and section come from the rules.
FINDING_LABELS = {
    "BEFORE_FIRST_RULESET": _("Before the Act applied"),
    "COUNTY_NORWEGIAN_TRAINING": _("County's Norwegian training (§ 30)"),
    "DECISION_BEFORE_GUIDANCE": _("Decision before guidance"),
    "DECISION_BEFORE_MAPPING": _("Decision before mapping"),
    "DECISION_OVERDUE": _("Decision overdue"),
    "DURATION_ABOVE_MAXIMUM": _("Duration above maximum"),
    "DURATION_BELOW_MINIMUM": _("Duration below minimum"),
    "EXTENSION_ABOVE_MAXIMUM": _("Extension above maximum"),
    "GUIDANCE_BEFORE_MAPPING": _("Guidance before mapping"),
    "GUIDANCE_MISSING": _("Guidance missing"),
    "MAPPING_MISSING": _("Mapping missing"),
    "NOT_SETTLED_BY_AGREEMENT": _("Not settled by agreement"),
    "OUTSIDE_TARGET_GROUP_AGE": _("Outside the target group (age)"),
    "OUTSIDE_TARGET_GROUP_PERMIT": _("Outside the target group (permit)"),
    "START_OVERDUE": _("Programme start overdue"),
    "TWO_YEAR_LIMIT_PASSED": _("Two-year limit passed"),
    "UNDER_25_END_GOAL_NOT_UPPER_SECONDARY": _("Under 25: end goal not upper secondary"),
}
# Designsystemet colours; the severity is always written out too, never shown by colour alone.
SEVERITY_COLOURS = {"error": "danger", "warning": "warning", "info": "info"}


def finding_label(code: str) -> str:
    return str(FINDING_LABELS.get(code, code))


def describe(code: str) -> dict:
    """A finding code as the pages show it: label, severity (code, Norwegian label, colour), section, message."""
    entry = finding_catalogue().get(code)
    severity = entry.severity if entry else "info"
    return {
        "code": code,
        "label": finding_label(code),
        "severity": severity,
        "severity_label": SEVERITY_LABELS.get(severity, severity),
        "colour": SEVERITY_COLOURS.get(severity, "neutral"),
        "section": entry.section if entry else "",
        "message": entry.message if entry else "",
    }


def describe_all(codes) -> list[dict]:
    """Codes as described findings, most serious first, then by code."""
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted((describe(c) for c in codes or ()), key=lambda f: (rank.get(f["severity"], 9), f["code"]))


@register.filter
def findings(codes):
    return describe_all(codes)


@register.filter
def yes_no(value) -> str:
    """True → «Ja», False → «Nei», None → «–» (unknown)."""
    if value is None:
        return "–"
    return str(_("Yes") if value else _("No"))


@register.filter
def masked_id(number: str | None) -> str:
    """A fødselsnummer or D-nummer with only the first six digits shown: «150386 *****»."""
    if not number:
        return "–"
    return f"{number[:6]} *****"


@register.filter
def days_until(deadline, today):
    """Whole days from ``today`` to ``deadline`` (negative when overdue), or None without a deadline."""
    if not deadline or not today:
        return None
    return (deadline - today).days


@register.inclusion_tag("guidance/_deadline.html")
def deadline(deadline, today, done=False):
    """The decision deadline with the days left, overdue in words (not by colour alone)."""
    days = None if done else days_until(deadline, today)
    return {"deadline": deadline, "days": days, "overdue": days is not None and days < 0,
            "soon": days is not None and 0 <= days <= 14, "late": -days if days is not None and days < 0 else None}
