"""The county's letterhead as a letter uses it: saved values, or the defaults where a value is empty."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from integrering.core.letterhead.models import CountyLetterSettings

# The placeholders the body text of the letter with the recommendation may use, filled in by the letter
# (settlement.letters) in this order: county's name, year, sum, number of municipalities, criteria, exceptions.
PLACEHOLDERS = ("fylkeskommune", "år", "antall", "kommuner", "kriterier", "unntak")  # i18n: not user text
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class Letterhead:
    name: str
    postal_address: list[str]
    visiting_address: str
    organisation_number: str  # formatted «817 920 632», or ""
    email: str
    phone: str
    signer_title: str
    case_officer_title: str
    addressee: list[str]
    body: str
    attachments: list[str]


def default_letter_name(county) -> str:
    """«Trøndelag fylkeskommune» from the county «Trøndelag - Trööndelage»: the Norwegian name (before any
    « - » with the Sami name) and the word for county municipality."""
    norwegian = county.name.split(" - ")[0].split("/")[0].strip()
    return _("%(name)s County Municipality") % {"name": norwegian}


def default_addressee() -> str:
    return _("The Directorate of Integration and Diversity (IMDi)\nPostboks 8059 Dep\n0031 Oslo")


def default_recommendation_body() -> str:
    return _(
        "{fylkeskommune} recommends that {antall} refugees be settled in the municipalities of the county in {år}. "
        "The table shows the recommended number for each of the {kommuner} municipalities, with the number "
        "requested and settled last year for comparison.\n\n{kriterier}\n\n{unntak}\n\n"
        "The county municipality asks IMDi to base its requests to the municipalities on this recommendation."
    )


def default_attachments() -> str:
    return _("Recommended number per municipality (spreadsheet)")


def letter_settings_get(county) -> CountyLetterSettings:
    """The county's saved settings, or a new unsaved row (all empty: every value its default)."""
    found = CountyLetterSettings.objects.filter(county=county).first()
    return found if found is not None else CountyLetterSettings(county=county)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def organisation_number_display(number: str) -> str:
    return f"{number[:3]} {number[3:6]} {number[6:]}" if len(number) == 9 else number


def letterhead_of(county) -> Letterhead:
    s = letter_settings_get(county)
    return Letterhead(
        name=s.letter_name.strip() or default_letter_name(county),
        postal_address=_lines(s.postal_address),
        visiting_address=s.visiting_address.strip(),
        organisation_number=organisation_number_display(s.organisation_number),
        email=s.email,
        phone=s.phone.strip(),
        signer_title=s.signer_title.strip(),
        case_officer_title=s.case_officer_title.strip(),
        addressee=_lines(s.addressee or default_addressee()),
        body=s.recommendation_body.strip() or default_recommendation_body(),
        attachments=_lines(s.attachments or default_attachments()),
    )


def unknown_placeholders(text: str) -> list[str]:
    return [name for name in _PLACEHOLDER.findall(text) if name not in PLACEHOLDERS]


def placeholders_fill(text: str, values: dict[str, str]) -> str:
    """``text`` with each known ``{name}`` replaced by its value (no format machinery: no attribute access)."""
    return _PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), text)
