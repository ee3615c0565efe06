"""A scenario's constraints per municipality as a typed structure, not free JSON.

``Scenario.constraints`` is stored as ``{kommunenummer: {"excluded": bool, "fixed": int|None, "minimum":
int|None, "cap": int|None, "reason": str}}``. :meth:`Constraints.from_json` is the only way in: it checks the
shape and the rules (a four-digit municipality number, whole numbers from 0 to a million, an exclusion or a
fixed number always with a reason, no unknown keys) and raises :class:`ScenarioInvalid` (an
``ApplicationError``) naming every problem; :meth:`Constraints.to_json` is what is stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from integrering.settlement.errors import ScenarioInvalid
from integrering.settlement.limits import MAX_PERSONS, MAX_PERSONS_TEXT

NUMBERS = ("fixed", "minimum", "cap")
KEYS = frozenset({"excluded", "reason", *NUMBERS})
MAX_REASON = 500


@dataclass(frozen=True)
class Constraint:
    excluded: bool = False
    fixed: int | None = None
    minimum: int | None = None
    cap: int | None = None
    reason: str = ""

    @property
    def empty(self) -> bool:
        return not self.excluded and self.fixed is None and self.minimum is None and self.cap is None

    def to_json(self) -> dict[str, Any]:
        return {
            "excluded": self.excluded,
            "fixed": self.fixed,
            "minimum": self.minimum,
            "cap": self.cap,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Constraints:
    by_number: dict[str, Constraint] = field(default_factory=dict)

    def get(self, number: str) -> Constraint:
        return self.by_number.get(number, Constraint())

    def to_json(self) -> dict[str, dict[str, Any]]:
        return {number: c.to_json() for number, c in sorted(self.by_number.items())}

    @classmethod
    def from_json(cls, data: Any) -> Constraints:
        if data in (None, ""):
            return cls()
        if not isinstance(data, dict):
            raise ScenarioInvalid([_("The constraints must be a table per municipality number.")])
        errors: list[str] = []
        found: dict[str, Constraint] = {}
        for number, raw in sorted(data.items(), key=lambda item: str(item[0])):
            constraint = _constraint(str(number), raw, errors)
            if constraint is not None:
                found[str(number)] = constraint
        if errors:
            raise ScenarioInvalid(errors)
        return cls(found)


def _label(key: str) -> str:
    return {"fixed": _("fixed number"), "minimum": _("minimum for the municipality"), "cap": _("maximum")}[key]


def _constraint(number: str, raw: Any, errors: list[str]) -> Constraint | None:
    prefix = _("Municipality %(number)s") % {"number": number}
    if not re.fullmatch(r"\d{4}", number):
        errors.append(_("«%(number)s» is not a municipality number (four digits).") % {"number": number})
        return None
    if not isinstance(raw, dict):
        errors.append(_("%(prefix)s: the constraint must be a table of values.") % {"prefix": prefix})
        return None
    unknown = sorted(set(raw) - KEYS)
    if unknown:
        errors.append(_("%(prefix)s: unknown keys %(keys)s.") % {"prefix": prefix, "keys": ", ".join(unknown)})
    numbers: dict[str, int | None] = {}
    for key in NUMBERS:
        value = raw.get(key)
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_PERSONS
        ):
            errors.append(
                _("%(prefix)s: %(label)s must be a whole number from 0 to %(limit)s.")
                % {"prefix": prefix, "label": _label(key), "limit": MAX_PERSONS_TEXT}
            )
            value = None
        numbers[key] = value
    excluded = raw.get("excluded", False)
    if not isinstance(excluded, bool):
        errors.append(_("%(prefix)s: «excluded» must be yes or no.") % {"prefix": prefix})
        excluded = False
    reason = raw.get("reason", "")
    if not isinstance(reason, str) or len(reason) > MAX_REASON:
        errors.append(
            _("%(prefix)s: the reason must be a text of at most %(n)s characters.")
            % {"prefix": prefix, "n": MAX_REASON}
        )
        reason = ""
    if (excluded or raw.get("fixed") is not None) and not reason.strip():
        errors.append(
            _("Municipality %(number)s: an exclusion or a fixed number must have a reason.") % {"number": number}
        )
    return Constraint(excluded=excluded, reason=reason, **numbers)
