"""Importing a plan from a spreadsheet (XLSX or CSV) with the columns ``nivå;id;tittel;beskrivelse;ansvarlig;start;
slutt``. Levels ``fokusområde``, ``mål`` and ``tiltak``: a goal belongs to the focus area above it, a measure to the
goal above it. Everything is checked first (every error with its row and column, in Norwegian); then everything is
written in one transaction, or nothing. Importing the same file again changes nothing new (natural keys: the
identifiers at each level)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from integrering.core.exceptions import ApplicationError
from integrering.core.file_errors import table_error_messages
from integrering.core.models import User
from integrering.plans.measures.models import Measure
from integrering.plans.plans.models import FocusArea, Goal, Plan
from integrering.tabular import Column, TableError, choice, date, iter_rows, read_table, text

LEVELS = {"fokusområde": "focus_area", "fokusomrade": "focus_area", "mål": "goal", "mal": "goal", "tiltak": "measure"}
COLUMNS = [
    Column("level", "nivå", parse=choice(LEVELS), aliases=("niva",), required=True, blank=False),
    Column("identifier", "id", parse=text(max_length=16), required=True, blank=False),
    Column("title", "tittel", parse=text(max_length=255), required=True, blank=False),
    Column("description", "beskrivelse", parse=text(max_length=5000)),
    Column("responsible", "ansvarlig", parse=text(max_length=255)),
    Column("start", "start", parse=date()),
    Column("end", "slutt", parse=date()),
]


@dataclass
class Node:
    level: str
    identifier: str
    title: str
    description: str
    responsible: str = ""
    start: Any = None
    end: Any = None
    children: list[Node] = field(default_factory=list)


def _at(row: int, column: str, message: str) -> str:
    return _("Row %(row)s, column «%(column)s»: %(message)s") % {"row": row, "column": column, "message": message}


def plan_file_read(content: bytes, filename: str) -> list[Node]:
    """The file as a tree of focus areas; ``ApplicationError`` with every problem (row and column) otherwise."""
    try:
        table = read_table(iter_rows(content, filename), COLUMNS)
    except TableError as error:
        raise ApplicationError("\n".join(table_error_messages(error))) from error
    areas: list[Node] = []
    errors: list[str] = []
    seen: set[tuple] = set()
    for row in table.rows:
        node = Node(
            row["level"],
            row["identifier"],
            row["title"],
            row.get("description") or "",
            row.get("responsible") or "",
            row.get("start"),
            row.get("end"),
        )
        parent = _parent(areas, node.level)
        if node.level != "focus_area" and parent is None:
            above = _("a focus area") if node.level == "goal" else _("a goal")
            errors.append(
                _at(row.number, table.headers["level"], _("The row must come below %(above)s.") % {"above": above})
            )
            continue
        key = (node.level, id(parent), node.identifier)
        if key in seen:
            errors.append(
                _at(
                    row.number,
                    table.headers["identifier"],
                    _("«%(id)s» is already used at this level.") % {"id": node.identifier},
                )
            )
        seen.add(key)
        if node.start and node.end and node.end < node.start:
            errors.append(_at(row.number, table.headers.get("end", "slutt"), _("The end is before the start.")))
        (areas if parent is None else parent.children).append(node)
    if errors:
        raise ApplicationError("\n".join(errors))
    return areas


def _parent(areas: list[Node], level: str) -> Node | None:
    if level == "focus_area" or not areas:
        return None
    if level == "goal":
        return areas[-1]
    return areas[-1].children[-1] if areas[-1].children else None


def _person(county: Any, responsible: str) -> User | None:
    if not responsible:
        return None
    return User.objects.filter(Q(username=responsible) | Q(email__iexact=responsible), county=county).first()


@transaction.atomic
def plan_import(*, plan: Plan, areas: list[Node]) -> dict[str, int]:
    """Write the tree into ``plan``: new records created, existing ones (same identifier) brought up to date."""
    counts = {"focus_area": 0, "goal": 0, "measure": 0}
    for area in areas:
        focus, _created = FocusArea.objects.update_or_create(
            plan=plan, identifier=area.identifier, defaults={"title": area.title, "description": area.description}
        )
        counts["focus_area"] += 1
        for goal_node in area.children:
            goal, _created = Goal.objects.update_or_create(
                focus_area=focus,
                identifier=goal_node.identifier,
                defaults={"title": goal_node.title, "description": goal_node.description},
            )
            counts["goal"] += 1
            for m in goal_node.children:
                person = _person(plan.county_id, m.responsible)
                Measure.objects.update_or_create(
                    goal=goal,
                    identifier=m.identifier,
                    defaults={
                        "title": m.title,
                        "description": m.description,
                        "start": m.start,
                        "end": m.end,
                        "responsible_unit": "" if person else m.responsible,
                        "primary_person": person,
                    },
                )
                counts["measure"] += 1
    return counts
