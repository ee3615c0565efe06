"""Writing results as CSV (comma-separated, UTF-8) or JSON."""

from __future__ import annotations

import csv
import io
import json
from typing import Any, TypeVar

from integrering.i18n import gettext as _

from .calibrate import Calibration
from .model import Allocation
from .sensitivity import Sensitivity

ALLOCATION_COLUMNS = ["kommunenummer", "navn", "antall", "kvote", "regel", "forklaring"]
MINORS_COLUMNS = ["ema_kvote", "ema_regel", "ema_forklaring"]  # after the total's columns; herav_ema after antall
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_Cell = TypeVar("_Cell")


def safe(cell: _Cell) -> _Cell | str:
    """A text cell that a spreadsheet would read as a formula gets a leading apostrophe."""
    return f"'{cell}" if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) else cell


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([safe(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def allocation_csv(allocation: Allocation, extra: dict[str, dict[str, int]] | None = None) -> str:
    """``kommunenummer,navn,antall,kvote,regel,forklaring``; with minors ``herav_ema`` after ``antall``
    and ``ema_kvote,ema_regel,ema_forklaring`` after ``forklaring``."""
    extra = extra or {}
    minors = allocation.minors is not None
    rows = []
    for r in allocation.rows:
        row: list[Any] = [r.number, r.name, r.count] + ([r.minors.count] if r.minors is not None else [])
        row += [f"{r.quota:.4f}", r.rule, r.explanation]
        if r.minors is not None:
            row += [f"{r.minors.quota:.4f}", r.minors.rule, r.minors.explanation]
        rows.append(row + [extra[k].get(r.number, "") for k in extra])
    header = ALLOCATION_COLUMNS[:3] + (["herav_ema"] if minors else []) + ALLOCATION_COLUMNS[3:]
    return _csv(header + (MINORS_COLUMNS if minors else []) + list(extra), rows)


def allocation_json(allocation: Allocation) -> str:
    """``total``, ``method``, ``objective`` and ``rows``; with minors also ``minors_total``,
    ``minors_min_lot`` and ``minors_objective`` (Σ|y − q^EM|), and ``herav_ema``, ``ema_kvote``,
    ``ema_regel``, ``ema_forklaring`` (and ``ema_omfordelt_kvote``) in each row."""
    data: dict[str, Any] = {
        "total": allocation.total,
        "method": allocation.method,
        "objective": round(allocation.objective, 6),
    }
    if allocation.minors is not None:
        data |= {
            "minors_total": allocation.minors.total,
            "minors_min_lot": allocation.minors.min_lot,
            "minors_objective": round(allocation.minors.objective, 6),
        }
    return _json(data | {"rows": [row.as_dict() for row in allocation.rows]})


def parameters_dict(calibration: Calibration) -> dict[str, Any]:
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
    return _(
        "Calibrated: base=%(base)s; exponents: %(exponents)s; weights: %(weights)s; RMSE=%(rmse)s persons; "
        "sum=%(total)s"
    ) % {
        "base": f"{p.base:g}",
        "exponents": exponents,
        "weights": weights,
        "rmse": f"{calibration.rmse:.3f}",
        "total": calibration.allocation.total,
    }


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
