"""Hypothesis strategies and a brute-force reference for small allocation instances."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from hypothesis import strategies as st

from integrering.allocation import Municipality, Parameters


@dataclass(frozen=True)
class Instance:
    municipalities: list[Municipality]
    total: int
    parameters: Parameters


@st.composite
def municipalities(draw, max_size: int = 5, constraints: bool = True, caps: bool = True):
    numbers = draw(st.lists(st.integers(1, 9999), min_size=1, max_size=max_size, unique=True))
    result = []
    for number in numbers:
        kind = draw(st.sampled_from(["plain"] * 4 + (["excluded", "fixed"] if constraints else [])))
        minimum = draw(st.none() | st.integers(0, 8)) if constraints else None
        result.append(
            Municipality(
                number=f"{number:04d}",
                name=f"Kommune {number}",
                criteria={"a": draw(st.integers(0, 1000)), "b": draw(st.integers(1, 1000))},
                excluded=kind == "excluded",
                fixed=draw(st.integers(0, 8)) if kind == "fixed" else None,
                minimum=minimum,
                # min ≤ maks (a larger min is refused); a cap below the minimum lot still happens
                cap=draw(st.none() | st.integers(minimum or 0, 20)) if constraints and caps else None,
            )
        )
    return result


@st.composite
def parameters(draw, min_lot=st.integers(0, 6), base=st.sampled_from([0.0, 0.0, 1.0, 2.5])):  # noqa: B008
    return Parameters(
        weights={"a": draw(st.integers(0, 5)), "b": draw(st.integers(1, 5))},
        exponents={"a": draw(st.sampled_from([1.0, 0.5, 2.0]))},
        base=draw(base),
        min_lot=draw(min_lot),
    )


@st.composite
def instances(draw, max_size: int = 5, constraints: bool = True, caps: bool = True, **kwargs):
    chosen = draw(municipalities(max_size, constraints, caps))
    fixed = sum(m.fixed or 0 for m in chosen if not m.excluded)
    chosen_parameters = draw(parameters(**kwargs))
    # the base must leave room: b·|P| ≤ R (a larger base is refused, see test_validation)
    least = math.ceil(chosen_parameters.base * sum(1 for m in chosen if m.participates))
    return Instance(chosen, fixed + least + draw(st.integers(0, 30)), chosen_parameters)


def scaled(instance: Instance, factor: float) -> Instance:
    weights = {k: v * factor for k, v in instance.parameters.weights.items()}
    return replace(instance, parameters=replace(instance.parameters, weights=weights))


def brute_force_best(quotas: list[float], options: list[list[int]], total: int) -> float | None:
    """The least Σ|x_i − q_i| over every choice of x_i from ``options[i]`` with Σx = total."""
    best = None

    def walk(i: int, left: int, cost: float) -> None:
        nonlocal best
        if i == len(options):
            if left == 0 and (best is None or cost < best):
                best = cost
            return
        for x in options[i]:
            if x <= left:
                walk(i + 1, left - x, cost + abs(x - quotas[i]))

    walk(0, total, 0.0)
    return best


@st.composite
def tied_instances(draw, max_size: int = 5):
    """Instances built to hit ties: few distinct criterion values (so equal quotas), three
    criteria whose values are permutations of each other (mathematically equal quotas that
    differ in floating point), random municipality numbers, a minimum lot that bites, and
    sometimes a cap."""
    size = draw(st.integers(2, max_size))
    numbers = draw(st.lists(st.integers(1, 9999), min_size=size, max_size=size, unique=True))
    base_values = draw(st.permutations([1, 2, 3]))
    result = []
    for number in numbers:
        values = draw(st.sampled_from([base_values, base_values[::-1], [2, 2, 2], [1, 1, 1], [3, 3, 3]]))
        result.append(
            Municipality(
                number=f"{number:04d}",
                name=f"Kommune {number}",
                criteria=dict(zip(("a", "b", "c"), values)),
                cap=draw(st.none() | st.none() | st.integers(2, 12)),
                excluded=draw(st.booleans()) and draw(st.booleans()) and draw(st.booleans()),
            )
        )
    scale = draw(st.sampled_from([1.0, 0.1, 3.0, 7.25]))
    parameters = Parameters(
        weights={"a": scale, "b": scale, "c": scale},
        base=draw(st.sampled_from([0.0, 0.0, 1.0])),
        min_lot=draw(st.integers(2, 8)),
    )
    least = math.ceil(parameters.base * sum(1 for m in result if m.participates))
    return Instance(result, least + draw(st.integers(0, 24)), parameters)
