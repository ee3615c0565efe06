"""Findings as the pages show them: a short Norwegian label, severity, section and message.

A stored evaluation is described with the catalogue of the rule-set version that produced it
(``Participant.ruleset_version``), never with a later version's: a later version may cite another section
or word the message differently for the same code, and a 2021 case must keep showing the 2021 section.

    describe(code, version_id=None) -> dict           # one participant's finding
    describe_all(codes, version_id=None) -> [dict]    # most serious first, then by code
    describe_versions(code, version_ids) -> dict      # aggregate pages: one code counted under several versions
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

from integrering.guidance.compliance import rules
from integrering.legal import SEVERITIES, SEVERITY_LABELS

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
_RANK = {s: i for i, s in enumerate(SEVERITIES)}


def finding_label(code: str) -> str:
    return str(FINDING_LABELS.get(code, code))


def ruleset_title(version_id: str | None) -> str:
    """The title of a rule-set version («Integreringsloven, i kraft 1. januar 2021»); ``""`` if none or unknown."""
    try:
        return str(_(rules.REGISTRY.version(version_id).title)) if version_id else ""
    except KeyError:
        return ""


def describe(code: str, version_id: str | None = None) -> dict:
    """A finding code as the pages show it: label, severity (code, label, colour), section, message.

    ``version_id`` is the rule-set version that reported it; without one (or unknown) all versions' catalogue.
    """
    entry = rules.catalogue(version_id).get(code)
    severity = entry.severity if entry else "info"
    return {
        "code": code,
        "label": finding_label(code),
        "severity": severity,
        "severity_label": _(SEVERITY_LABELS[severity]) if severity in SEVERITY_LABELS else severity,
        "colour": SEVERITY_COLOURS.get(severity, "neutral"),
        "section": entry.section if entry else "",
        "message": entry.message if entry else "",
        "version_title": ruleset_title(version_id),
        "variants": [],
    }


def describe_all(codes: Iterable[str] | None, version_id: str | None = None) -> list[dict]:
    """Codes as described findings, most serious first, then by code."""
    described = (describe(c, version_id) for c in codes or ())
    return sorted(described, key=lambda f: (_RANK.get(f["severity"], 9), f["code"]))


def describe_versions(code: str, version_ids: Iterable[str | None]) -> dict:
    """A code counted under one or more versions: each version's own section and message.

    With one version (the usual case) this is ``describe(code, version)``. With several whose section or
    message differ, ``section`` joins the sections («§ 12 / § 13») and ``variants`` lists each wording with
    its version's title; the severity is the most serious of them.
    """
    versions = sorted({v or "" for v in version_ids}) or [""]
    each = [describe(code, v) for v in versions]
    first = min(each, key=lambda f: _RANK.get(f["severity"], 9))
    distinct: dict[tuple[str, str], dict] = {}
    for d in each:
        distinct.setdefault((d["section"], d["message"]), d)
    if len(distinct) == 1:
        return first | {"version_title": ""}
    return first | {
        "section": " / ".join(dict.fromkeys(d["section"] for d in distinct.values())),
        "variants": [
            {"section": d["section"], "message": d["message"], "version_title": d["version_title"]}
            for d in distinct.values()
        ],
    }
