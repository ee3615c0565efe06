"""``import-organisations``: the county's voluntary organisations from Enhetsregisteret, all or nothing.

Re-import updates by organisation number and never duplicates; an imported organisation missing from the new
file is marked «ikke lenger i Enhetsregisteret», never deleted; one that comes back is marked present again.
"""

from __future__ import annotations

import copy
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import F

from integrering.core.audit import bulk_changes_log
from integrering.municipalities.models import Municipality
from integrering.regional.organisations.enhetsregisteret import Entity, Scan, entities, open_text
from integrering.regional.organisations.models import Organisation

COMPARED = (
    "name",
    "form_code",
    "form_description",
    "municipality_id",
    "address",
    "postcode",
    "postal_place",
    "website",
    "in_voluntary_register",
    "active",
    "bankrupt_or_winding_up",
    "in_register",
)
BATCH = 500


@dataclass
class ImportSummary:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    marked: int = 0
    skipped: int = 0
    rows: int = 0
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _values(entity: Entity, municipality_ids: dict[str, int]) -> dict[str, Any]:
    return {
        "name": entity.name,
        "form_code": entity.form_code,
        "form_description": entity.form_description,
        "municipality_id": municipality_ids.get(entity.municipality_number),
        "address": entity.address,
        "postcode": entity.postcode,
        "postal_place": entity.postal_place,
        "website": entity.website,
        "in_voluntary_register": entity.in_voluntary_register,
        "active": not entity.bankrupt_or_winding_up,
        "bankrupt_or_winding_up": entity.bankrupt_or_winding_up,
        "in_register": True,
    }


def organisations_import(*, county: Any, path: Path, dry_run: bool = False) -> ImportSummary:
    # Every number the county's municipalities have had: an old address still names an old number.
    municipality_ids = dict(Municipality.objects.for_county(county).values_list("number", "pk"))
    existing = {o.orgnr: o for o in Organisation.objects.for_county(county).select_related("county")}
    summary, scan, seen = ImportSummary(), Scan(), set()
    new: list[Organisation] = []
    changed: list[tuple[Organisation, Organisation]] = []  # (before, after), for the audit log
    with open_text(path) as stream:
        for entity in entities(stream, frozenset(municipality_ids), scan):
            if entity.orgnr in seen:
                continue  # the register lists an entity once; a repeated row changes nothing
            seen.add(entity.orgnr)
            values = _values(entity, municipality_ids)
            current = existing.get(entity.orgnr)
            if current is None:
                new.append(Organisation(county=county, orgnr=entity.orgnr, from_register=True, **values))
            elif any(getattr(current, name) != value for name, value in values.items()):
                before = copy.copy(current)
                for name, value in values.items():
                    setattr(current, name, value)
                current.from_register = True
                changed.append((before, current))
            else:
                summary.unchanged += 1
    missing = [o for o in existing.values() if o.from_register and o.in_register and o.orgnr not in seen]
    summary.new, summary.updated, summary.marked = len(new), len(changed), len(missing)
    summary.skipped, summary.rows, summary.errors = scan.skipped, scan.rows, scan.errors
    if not dry_run:
        _write(new, changed, missing)
    return summary


def _write(
    new: list[Organisation], changed: list[tuple[Organisation, Organisation]], missing: list[Organisation]
) -> None:
    """Bulk writes (the national file is large) that still leave one audit entry per record they create or change,
    like the form path (``core.audit.bulk_changes_log``); all in the same transaction."""
    with transaction.atomic():
        Organisation.objects.bulk_create(new, batch_size=BATCH)
        for _before, organisation in changed:
            organisation.version += 1  # an open edit form of it is now stale
        Organisation.objects.bulk_update(
            [after for _before, after in changed], [*COMPARED, "from_register", "version"], batch_size=BATCH
        )
        Organisation.objects.filter(pk__in=[o.pk for o in missing]).update(in_register=False, version=F("version") + 1)
        marked = []
        for organisation in missing:
            after = copy.copy(organisation)
            after.in_register, after.version = False, organisation.version + 1
            marked.append((organisation, after))
        if not new or new[0].pk is not None:
            created = new
        else:  # a database that does not return the keys of a bulk insert: read them back
            created = list(Organisation.objects.filter(county_id=new[0].county_id, orgnr__in=[o.orgnr for o in new]))
        bulk_changes_log(created=created, updated=[*changed, *marked])
