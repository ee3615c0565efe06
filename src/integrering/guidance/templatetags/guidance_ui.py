"""Display helpers for the guidance pages: findings with label and severity, masked identity numbers."""

from django import template
from django.utils.translation import gettext_lazy as _

from integrering.guidance.compliance import describe
from integrering.guidance.participants.models import mask_national_id

register = template.Library()


@register.filter
def findings(codes, version_id=None):
    """``{{ p.findings|findings:p.ruleset_version }}``: described with the version that reported them."""
    return describe.describe_all(codes, version_id)


@register.filter
def section_ref(section) -> str:
    """«§ 8 first paragraph, cf. § 9» with the section sign bound to its number («§\u00a08»): a line never ends
    on a bare «§». The text is escaped by the template as usual (a no-break space needs no marking safe)."""
    return str(section or "").replace("§§ ", "§§\u00a0").replace("§ ", "§\u00a0")


@register.filter
def ruleset_title(version_id: str | None) -> str:
    """The rule-set version's title («Integreringsloven, i kraft 1. januar 2021»), else the id as stored."""
    return describe.ruleset_title(version_id) or (version_id or "")


@register.filter
def yes_no(value) -> str:
    """True → «Ja», False → «Nei», None → «–» (unknown)."""
    if value is None:
        return "–"
    return str(_("Yes") if value else _("No"))


@register.filter
def masked_id(number: str | None) -> str:
    """A fødselsnummer or D-nummer as every page shows it: «Registrert – skjult», or «–» when there is none."""
    return mask_national_id(number) or "–"


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
    return {
        "deadline": deadline,
        "days": days,
        "overdue": days is not None and days < 0,
        "soon": days is not None and 0 <= days <= 14,
        "late": -days if days is not None and days < 0 else None,
    }
