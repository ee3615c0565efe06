"""Loads the shipped reference data (counties, municipalities, names by year, population).

Idempotent: loading twice changes nothing. Sources and licences: ``data/SOURCES.md``.
"""

import csv
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from integrering.core.models import County
from integrering.municipalities.models import Municipality, MunicipalityName, Population, Succession

DATA_DIR = Path(__file__).resolve().parent / "data"
FIRST_YEAR = 2020
REFORM_YEAR = 2024
LAST_YEAR = 2026


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, created: bool) -> None:
        target = self.created if created else self.updated
        target[kind] = target.get(kind, 0) + 1

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


class _Upserter:
    """Creates or updates rows by natural key, reading each table once (no query per row when unchanged)."""

    def __init__(self, report: LoadReport):
        self.report = report
        self.cache: dict = {}

    def _existing(self, model, key_fields: tuple[str, ...]) -> dict:
        if model not in self.cache:
            self.cache[model] = {tuple(getattr(o, f) for f in key_fields): o for o in model.objects.all()}
        return self.cache[model]

    def __call__(self, model, lookup: dict, values: dict, kind: str):
        key_fields = tuple(f if not hasattr(v, "pk") else f + "_id" for f, v in lookup.items())
        key = tuple(v.pk if hasattr(v, "pk") else v for v in lookup.values())
        existing = self._existing(model, key_fields)
        obj = existing.get(key)
        if obj is None:
            obj = existing[key] = model.objects.create(**lookup, **values)
            self.report.count(kind, True)
            return obj
        dirty = [k for k, v in values.items() if getattr(obj, k) != v]
        if dirty:
            for k in dirty:
                setattr(obj, k, values[k])
            obj.save(update_fields=dirty)
            self.report.count(kind, False)
        return obj


def _load_counties(old_rows, new_rows, upsert) -> dict[str, County]:
    spans: dict[str, dict] = {}
    for row in old_rows:
        spans.setdefault(row["fylkesnummer"], {"name": row["fylkesnavn"], "from": FIRST_YEAR, "to": REFORM_YEAR - 1})
    for row in new_rows:
        number = row["fylkesnummer"]
        span = spans.setdefault(number, {"from": REFORM_YEAR})
        span.update(name=row["fylkesnavn_kartverket_2024"], to=None)
    return {
        number: upsert(
            County, {"number": number}, {"name": s["name"], "valid_from": s["from"], "valid_to": s["to"]}, "county"
        )
        for number, s in spans.items()
    }


def _municipality_specs(old_rows, new_rows) -> dict[str, dict]:
    specs: dict[str, dict] = {}
    for row in old_rows:
        specs[row["kommunenummer"]] = {
            "county": row["fylkesnummer"],
            "valid_from": FIRST_YEAR,
            "valid_to": REFORM_YEAR - 1,
            "norwegian_name": row["navn_norsk"],
            "other_names": row["andre_navn"],
            "sami_administrative_area": row["samisk_forvaltningsomrade_2023"] == "ja",
            "label_lon": float(row["punkt_lon"]),
            "label_lat": float(row["punkt_lat"]),
            "names": {
                2020: row["navn_ssb_2020_2021"],
                2021: row["navn_ssb_2020_2021"],
                2022: row["navn_ssb_2022"],
                2023: row["navn_ssb_2023"],
            },
        }
    for row in new_rows:
        number, old_number = row["kommunenummer"], row["kommunenummer_2020_2023"]
        names = {2024: row["navn_ssb_2024"], 2025: row["navn_ssb_2025"], 2026: row["navn_ssb_2026"]}
        if number == old_number:
            spec = specs[number]
            spec.update(county=row["fylkesnummer"], valid_to=None)
            spec["names"].update(names)
            continue
        old = specs.get(old_number, {})
        one_to_one = sum(1 for r in new_rows if r["kommunenummer_2020_2023"] == old_number) == 1
        specs[number] = {
            "county": row["fylkesnummer"],
            "valid_from": REFORM_YEAR,
            "valid_to": None,
            "norwegian_name": old.get("norwegian_name") if one_to_one else row["navn_ssb_2024"].split(" - ")[0],
            "other_names": old.get("other_names", "") if one_to_one else "",
            "sami_administrative_area": old.get("sami_administrative_area", False),
            "label_lon": old.get("label_lon") if one_to_one else None,
            "label_lat": old.get("label_lat") if one_to_one else None,
            "names": names,
        }
    return specs


@transaction.atomic
def reference_data_load() -> LoadReport:
    report = LoadReport()
    upsert = _Upserter(report)
    old_rows, new_rows = _rows("kommuner_2020-2023.csv"), _rows("kommuner_2024.csv")
    counties = _load_counties(old_rows, new_rows, upsert)
    municipalities: dict[str, Municipality] = {}
    for number, spec in _municipality_specs(old_rows, new_rows).items():
        names = spec.pop("names")
        spec["county"] = counties[spec["county"]]
        municipality = upsert(Municipality, {"number": number}, spec, "municipality")
        municipalities[number] = municipality
        for year, name in names.items():
            upsert(MunicipalityName, {"municipality": municipality, "year": year}, {"name": name}, "name")
    for row in _rows("kommunenummer_2020-2023_til_2024.csv"):
        old, new = row["kommunenummer_2020_2023"], row["kommunenummer_2024"]
        if old != new:
            upsert(
                Succession,
                {"old": municipalities[old], "new": municipalities[new]},
                {"population_share": Decimal(row["andel_befolkning_2024"]).quantize(Decimal("0.0001"))},
                "succession",
            )
    for row in _rows("befolkning_kommuner_2020-2026.csv"):
        values = {
            "total": int(row["folkemengde_1_jan"]),
            "women": int(row["kvinner"]) if row["kvinner"] else None,
            "men": int(row["menn"]) if row["menn"] else None,
        }
        upsert(
            Population,
            {"municipality": municipalities[row["kommunenummer"]], "year": int(row["aar"])},
            values,
            "population",
        )
    return report
