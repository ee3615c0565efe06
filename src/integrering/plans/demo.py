"""Demo data of the plans app (``load-demo-data``): filled in below."""

from __future__ import annotations

from typing import Any


def load(*, county: Any, stdout: Any) -> None:
    return None
