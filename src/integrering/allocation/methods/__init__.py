"""Allocation methods. Each takes a :class:`~integrering.allocation.quota.Problem` and returns
the integer counts for all municipalities in the problem's (sorted) order."""

from __future__ import annotations

from collections.abc import Callable

from ..quota import Problem
from .divisor import dhondt, sainte_lague
from .largest_remainder import largest_remainder
from .optimal import optimal

Method = Callable[[Problem], list[int]]

METHODS: dict[str, Method] = {
    "optimal": optimal,
    "sainte-lague": sainte_lague,
    "dhondt": dhondt,
    "largest-remainder": largest_remainder,
}

__all__ = ["METHODS", "Method", "optimal", "sainte_lague", "dhondt", "largest_remainder"]
