"""One municipality lookup for every import: by number (``301`` = ``0301``, or a number followed by a name) or by
any of its names, among the municipalities valid in the file's year (:meth:`MunicipalityQuerySet.valid_in`).

The settlement figures, the criteria and the participant imports all find municipalities through
:class:`MunicipalityIndex`; a cell it cannot place is a :class:`CellReason` (an English gettext template and its
parameters, translated by :func:`integrering.core.file_errors.table_error_message`).
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_noop

from integrering.municipalities.models import Municipality
from integrering.tabular import CellError, cell_text, fold


class CellReason(CellError):
    """A cell's problem in an import's own words: an English gettext template and its parameters
    (translated by :func:`integrering.core.file_errors.table_error_message` like the framework's own)."""

    def __init__(self, template: str, **params) -> None:
        super().__init__("unknown_value", params={"value": ""})
        self.template = template
        self.params = dict(params)
        self.args = (str(self),)


class MunicipalityIndex:
    """Find a municipality valid in a year by number or any of its names, in this county or another."""

    def __init__(self, year: int):
        valid = Municipality.objects.valid_in(year)
        self.by_number: dict[str, Municipality] = {}
        self.by_name: dict[str, set[Municipality]] = {}
        self.other_years = {m.number: m for m in Municipality.objects.exclude(pk__in=valid.values("pk"))}
        for m in valid.prefetch_related("names"):
            self.by_number[m.number] = m
            names = {m.norwegian_name, *[n.name for n in m.names.all()]}
            names |= {re.sub(r"\s*\(\w+\)\s*$", "", part) for part in m.other_names.split(",") if part.strip()}
            for name in list(names):
                names |= {part.strip() for part in name.split(" - ")}
            for name in names:
                if name:
                    self.by_name.setdefault(fold(name), set()).add(m)

    def find(self, value, county_id: int | None = None) -> Municipality:
        """The municipality a cell names (a number, a number and a name, or a name) or :class:`CellReason`."""
        written = cell_text(value)
        match = re.fullmatch(r"(\d{3,4})(?:\s+(.*))?", written)
        if match:
            number = match.group(1).zfill(4)
            found = self.by_number.get(number)
            if found is None:
                if number in self.other_years:
                    raise CellReason(
                        gettext_noop("municipality number %(number)s was not in use that year."), number=number
                    )
                raise CellReason(gettext_noop("unknown municipality «%(value)s»."), value=written)
        else:
            candidates = self.by_name.get(fold(written), set())
            if not candidates:
                raise CellReason(gettext_noop("unknown municipality «%(value)s»."), value=written)
            in_county = [m for m in candidates if county_id is None or m.county_id == county_id]
            if len(in_county) > 1:
                raise CellReason(
                    gettext_noop("«%(value)s» matches several municipalities; use the number."), value=written
                )
            found = in_county[0] if in_county else sorted(candidates, key=lambda m: m.number)[0]
        if county_id is not None and found.county_id != county_id:
            raise CellReason(
                gettext_noop("%(number)s %(name)s is in another county."),
                number=found.number,
                name=found.norwegian_name,
            )
        return found
