"""Writing results as CSV (comma-separated, UTF-8) or JSON."""

from __future__ import annotations

import csv
import io
import json

from .calibrate import Calibration
from .model import Allocation
from .sensitivity import Sensitivity

ALLOCATION_COLUMNS = ["kommunenummer", "navn", "antall", "kvote", "regel", "forklaring"]


def _csv(header: list[str], rows: list[list]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def allocation_csv(allocation: Allocation, extra: dict[str, dict[str, int]] | None = None) -> str:
    extra = extra or {}
    rows = [
        [r.number, r.name, r.count, f"{r.quota:.4f}", r.rule, r.explanation]
        + [extra[k].get(r.number, "") for k in extra]
        for r in allocation.rows
    ]
    return _csv(ALLOCATION_COLUMNS + list(extra), rows)


def allocation_json(allocation: Allocation) -> str:
    return _json(
        {
            "total": allocation.total,
            "method": allocation.method,
            "objective": round(allocation.objective, 6),
            "rows": [row.as_dict() for row in allocation.rows],
        }
    )


def parameters_dict(calibration: Calibration) -> dict:
    p = calibration.parameters
    return {"base": p.base, "weights": dict(p.weights), "exponents": dict(p.exponents), "min_lot": p.min_lot}


def calibration_csv(calibration: Calibration) -> str:
    targets = calibration.targets
    rows = [
        [
            r.number,
            r.name,
            targets.get(r.number, ""),
            r.count,
            f"{r.quota:.4f}",
            r.count - targets.get(r.number, 0),
            r.explanation,
        ]
        for r in calibration.allocation.rows
    ]
    return _csv(["kommunenummer", "navn", "faktisk", "antall", "kvote", "avvik", "forklaring"], rows)


def calibration_json(calibration: Calibration) -> str:
    targets = calibration.targets
    return _json(
        {
            "parameters": parameters_dict(calibration),
            "rmse": round(calibration.rmse, 6),
            "total": calibration.allocation.total,
            "rows": [dict(row.as_dict(), faktisk=targets.get(row.number)) for row in calibration.allocation.rows],
        }
    )


def calibration_summary(calibration: Calibration) -> str:
    p = calibration.parameters
    exponents = ", ".join(f"{k}={v:g}" for k, v in p.exponents.items())
    weights = ", ".join(f"{k}={v:g}" for k, v in p.weights.items())
    return (
        f"Kalibrert: grunntall={p.base:g}; eksponenter: {exponents}; vekter: {weights}; "
        f"RMSE={calibration.rmse:.3f} personer; sum={calibration.allocation.total}"
    )


def sensitivity_csv(result: Sensitivity) -> str:
    rows = [[r.number, r.name, r.count, r.minimum, f"{r.median:g}", r.maximum] for r in result.rows]
    return _csv(["kommunenummer", "navn", "antall", "min", "median", "maks"], rows)


def sensitivity_json(result: Sensitivity) -> str:
    return _json(
        {
            "total": result.total,
            "method": result.method,
            "draws": result.draws,
            "spread": result.spread,
            "seed": result.seed,
            "rows": [
                {
                    "kommunenummer": r.number,
                    "navn": r.name,
                    "antall": r.count,
                    "min": r.minimum,
                    "median": r.median,
                    "maks": r.maximum,
                }
                for r in result.rows
            ],
        }
    )
