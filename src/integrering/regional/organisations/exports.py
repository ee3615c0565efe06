"""``export-organisations``: the county's register as CSV (``;``, UTF-8 with BOM, formula-safe) or JSON."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from integrering.regional.organisations.models import Organisation
from integrering.tabular.cells import NO, YES
from integrering.tabular.csv_writer import write_csv

COLUMNS = ("orgnr", "navn", "organisasjonsform", "kommunenummer", "frivillighetsregisteret", "aktiv")


def _rows(county: Any) -> Iterator[tuple[str, str, str, str, bool, bool]]:
    qs = (
        Organisation.objects.for_county(county)
        .select_related("municipality")
        .order_by("orgnr")
        .only("orgnr", "name", "form_code", "municipality__number", "in_voluntary_register", "active", "in_register")
    )
    for o in qs.iterator(chunk_size=2000):
        number = o.municipality.number if o.municipality else ""
        yield (o.orgnr, o.name, o.form_code, number, o.in_voluntary_register, o.is_active)


def organisations_export(*, county: Any, fmt: str) -> tuple[bytes, int]:
    """(the file's bytes, the number of organisations)."""
    rows = list(_rows(county))
    if fmt == "json":
        records = [
            dict(zip(COLUMNS, [*row[:4], YES if row[4] else NO, YES if row[5] else NO], strict=True)) for row in rows
        ]
        return json.dumps(records, ensure_ascii=False, indent=1).encode("utf-8"), len(rows)
    return write_csv(COLUMNS, rows), len(rows)
