"""Fixtures for the allocation engine's tests (pure: no database)."""

import csv
from pathlib import Path

import pytest

from integrering.allocation import Municipality

REPO = Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    shipped = REPO / "src" / "integrering" / "municipalities" / "data"
    return shipped if (shipped / "trondelag_kommuner.csv").exists() else REPO.parent / "shared" / "data"


def read_csv(name: str) -> list[dict[str, str]]:
    with open(data_dir() / name, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="session")
def seed_requests() -> dict[str, int]:
    """The seed's 2021 requests for Trøndelag: municipality number → request."""
    return {r["kommunenummer"]: int(r["anmodning"]) for r in read_csv("anmodningstall_trondelag_2021.csv")}


@pytest.fixture(scope="session")
def trondelag() -> list[Municipality]:
    """Trøndelag's 38 municipalities with population 1 January 2020 as the only criterion."""
    return [
        Municipality(r["kommunenummer"], r["navn"], {"folkemengde": int(r["folkemengde_2020"])})
        for r in read_csv("trondelag_kommuner.csv")
    ]


@pytest.fixture
def seed_csv(tmp_path, trondelag, seed_requests) -> Path:
    """kommunenummer,navn,folkemengde_2020,anmodning for the seed's table."""
    path = tmp_path / "trondelag_2021.csv"
    lines = ["kommunenummer,navn,folkemengde_2020,anmodning"]
    lines += [f"{m.number},{m.name},{int(m.criteria['folkemengde'])},{seed_requests[m.number]}" for m in trondelag]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
