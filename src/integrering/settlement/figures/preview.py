"""The import preview in short: how many municipalities are new, changed and unchanged («12 nye, 3 endret,
23 uendret»), the new and changed ones first with their changes, the unchanged ones by name only."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import ngettext

from integrering.municipalities.models import Municipality
from integrering.settlement.figures.imports import Change, ImportPlan


@dataclass
class PreviewRow:
    municipality: Municipality
    new: bool  # no figure of the municipality was stored before
    changes: list[Change] = field(default_factory=list)


@dataclass
class Preview:
    changed: list[PreviewRow]  # new and changed municipalities, new first, each in file order
    unchanged: list[Municipality]

    @property
    def new_count(self) -> int:
        return sum(1 for r in self.changed if r.new)

    @property
    def changed_count(self) -> int:
        return sum(1 for r in self.changed if not r.new)

    @property
    def summary(self) -> str:
        """«12 nye, 3 endret, 23 uendret» (each part with its plural)."""
        parts = [
            ngettext("%(n)s new", "%(n)s new", self.new_count) % {"n": self.new_count},
            ngettext("%(n)s changed", "%(n)s changed", self.changed_count) % {"n": self.changed_count},
            ngettext("%(n)s unchanged", "%(n)s unchanged", len(self.unchanged)) % {"n": len(self.unchanged)},
        ]
        return ", ".join(parts)


def import_preview(plan: ImportPlan) -> Preview:
    """The plan's municipalities grouped: new and changed (with their changes) first, then the unchanged."""
    by_municipality: dict[int, list[Change]] = {}
    for change in plan.changes:
        by_municipality.setdefault(change.municipality.pk, []).append(change)
    changed, unchanged = [], []
    for municipality, _values in plan.rows:
        changes = by_municipality.get(municipality.pk)
        if changes:
            changed.append(PreviewRow(municipality, municipality.pk not in plan.known_before, changes))
        else:
            unchanged.append(municipality)
    changed.sort(key=lambda row: not row.new)  # stable: new first, then changed, each in file order
    return Preview(changed, unchanged)
