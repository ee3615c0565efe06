"""Reading Enhetsregisteret's open bulk download (CSV, plain or gzip) as a stream of the rows this county keeps.

The file is the national one (over a million rows): it is read row by row, never into memory. A row is kept when
its business address (or, when that has no municipality, its postal address) lies in one of the county's
municipalities **and** it is registered in Frivillighetsregisteret or has the form ``FLI`` or ``STI``.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from django.utils.translation import gettext as _
from stdnum.no import orgnr as orgnr_check

from integrering.core.exceptions import ApplicationError
from integrering.regional.validation import contains_national_id

REQUIRED = (
    "organisasjonsnummer",
    "navn",
    "organisasjonsform.kode",
    "forretningsadresse.kommunenummer",
    "postadresse.kommunenummer",
    "registrertIFrivillighetsregisteret",
    "konkurs",
    "underAvvikling",
)
OPTIONAL = (
    "organisasjonsform.beskrivelse",
    "forretningsadresse.adresse",
    "forretningsadresse.postnummer",
    "forretningsadresse.poststed",
    "hjemmeside",
    "postadresse.adresse",
    "postadresse.postnummer",
    "postadresse.poststed",
)
VOLUNTARY_FORMS = frozenset({"FLI", "STI"})
# Limits: a row of Enhetsregisteret is well under 4,000 characters; a field over this is not that file.
MAX_FIELD = 10_000
MAX_ROWS = 5_000_000
MAX_ERRORS_SHOWN = 20


@dataclass(frozen=True)
class Entity:
    orgnr: str
    name: str
    form_code: str
    form_description: str
    municipality_number: str
    address: str
    postcode: str
    postal_place: str
    website: str
    in_voluntary_register: bool
    bankrupt_or_winding_up: bool


@dataclass
class Scan:
    """What a pass over the file found besides the entities: rows read, rows left out, rows refused."""

    rows: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)

    def refuse(self, row: int, reason: str) -> None:
        self.skipped += 1
        if len(self.errors) < MAX_ERRORS_SHOWN:
            self.errors.append(_("Row %(row)s: %(reason)s") % {"row": row, "reason": reason})


def open_text(path: Path) -> IO[str]:
    """The file as text: gzip when it starts with gzip's magic bytes (whatever its name), else plain UTF-8."""
    try:
        with open(path, "rb") as probe:
            magic = probe.read(2)
        if magic == b"\x1f\x8b":
            return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig", newline="")
        return open(path, encoding="utf-8-sig", newline="")
    except OSError as error:
        raise ApplicationError(
            _("Could not read %(file)s: %(reason)s.") % {"file": path, "reason": error.strerror or error}
        ) from error


def _truth(value: str) -> bool:
    return value.strip().lower() == "true"


def _header(row: list[str]) -> dict[str, int]:
    index = {name.strip(): i for i, name in enumerate(row)}
    missing = [name for name in REQUIRED if name not in index]
    if missing:
        raise ApplicationError(
            _("This is not Enhetsregisteret's CSV file: the columns %(columns)s are missing.")
            % {"columns": ", ".join(missing)}
        )
    return index


def entities(stream: IO[str], municipalities: frozenset[str], scan: Scan) -> Iterator[Entity]:
    """The entities the county keeps, one at a time; ``scan`` counts the rest."""
    csv.field_size_limit(MAX_FIELD)
    reader = csv.reader(stream, delimiter=",", quotechar='"')
    try:
        index = _header(next(reader))
    except StopIteration:
        raise ApplicationError(_("The file is empty.")) from None
    except (csv.Error, UnicodeDecodeError, EOFError, OSError) as error:
        raise ApplicationError(_("The file cannot be read as CSV: %(reason)s") % {"reason": error}) from error
    width = len(index)
    try:
        for number, row in enumerate(reader, start=2):
            scan.rows += 1
            if scan.rows > MAX_ROWS:
                raise ApplicationError(_("The file has more than %(max)s rows.") % {"max": MAX_ROWS})
            entity = _entity(row, index, width, municipalities, number, scan)
            if entity is not None:
                yield entity
    except (csv.Error, UnicodeDecodeError, EOFError, OSError) as error:
        raise ApplicationError(
            _("Row %(row)s cannot be read: %(reason)s") % {"row": scan.rows + 1, "reason": error}
        ) from error


def _entity(
    row: list[str], index: dict[str, int], width: int, municipalities: frozenset[str], number: int, scan: Scan
) -> Entity | None:
    if len(row) < width:
        if not any(cell.strip() for cell in row):
            scan.skipped += 1
            return None
        scan.refuse(number, _("too few columns"))
        return None

    def get(name: str) -> str:
        i = index.get(name)
        return row[i].strip() if i is not None else ""

    where = get("forretningsadresse.kommunenummer") or get("postadresse.kommunenummer")
    voluntary = _truth(get("registrertIFrivillighetsregisteret")) or get("organisasjonsform.kode") in VOLUNTARY_FORMS
    if where not in municipalities or not voluntary:
        scan.skipped += 1
        return None
    orgnr = get("organisasjonsnummer")
    if not orgnr_check.is_valid(orgnr):
        scan.refuse(number, _("«%(orgnr)s» is not a valid organisation number") % {"orgnr": orgnr})
        return None
    texts = [get(name) for name in ("navn", "forretningsadresse.adresse", "postadresse.adresse", "hjemmeside")]
    if any(contains_national_id(text) for text in texts):
        scan.refuse(number, _("contains what looks like a national identity number"))
        return None
    prefix = "forretningsadresse" if get("forretningsadresse.kommunenummer") else "postadresse"
    return Entity(
        orgnr=orgnr,
        name=get("navn")[:300],
        form_code=get("organisasjonsform.kode")[:10],
        form_description=get("organisasjonsform.beskrivelse")[:200],
        municipality_number=where,
        address=get(f"{prefix}.adresse")[:300],
        postcode=get(f"{prefix}.postnummer")[:4],
        postal_place=get(f"{prefix}.poststed")[:100],
        website=get("hjemmeside")[:300],
        in_voluntary_register=_truth(get("registrertIFrivillighetsregisteret")),
        bankrupt_or_winding_up=_truth(get("konkurs")) or _truth(get("underAvvikling")),
    )
