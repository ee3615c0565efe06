"""The last stage of ``optimal`` (the amounts on a fixed receiving set), against exact enumeration."""

import itertools
from fractions import Fraction

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from integrering.allocation.methods.fair import spread_fairly

quotas = st.integers(0, 20_000_000_000).map(lambda v: v / 1e9)  # 0 … 20 with 9 decimals


@st.composite
def ranges(draw):
    size = draw(st.integers(1, 4))
    lots = [draw(st.integers(0, 6)) for _ in range(size)]
    caps = [lot + draw(st.integers(0, 8)) for lot in lots]
    q = [draw(st.one_of(quotas, st.integers(0, 12).map(lambda v: v / 2))) for _ in range(size)]
    t = [draw(st.one_of(st.just(v), quotas)) for v in q]
    total = draw(st.integers(sum(lots), sum(caps)))
    return q, t, lots, caps, total, draw(st.permutations(range(size)))


def key(x, q, t) -> tuple[Fraction, Fraction, Fraction]:
    q, t = [Fraction(str(v)) for v in q], [Fraction(str(v)) for v in t]
    first = sum(abs(a - b) for a, b in zip(x, q))
    second = sum(abs(a - b) for a, b in zip(x, t))
    third = sum((a - b) ** 2 / max(abs(b), Fraction(1, 10**6)) for a, b in zip(x, t))
    return first, second, third


@settings(max_examples=300, deadline=None)
@given(case=ranges())
def test_the_amounts_are_lexicographically_best_in_exact_arithmetic(case):
    q, t, lots, caps, total, place = case
    x = spread_fairly(np.array(q), np.array(t), np.array(lots), np.array(caps), total, np.array(place))
    assert x.sum() == total and all(lo <= v <= hi for v, lo, hi in zip(x, lots, caps))
    every = [c for c in itertools.product(*(range(lo, hi + 1) for lo, hi in zip(lots, caps))) if sum(c) == total]
    assert key(x, q, t) == min(key(c, q, t) for c in every)


def test_a_unit_that_costs_the_same_everywhere_goes_to_the_earlier_place():
    # 13 → 14 on quota 4.5 and 4 → 5 on quota 1.5 cost exactly the same on every level (Δ3 = 4).
    x = spread_fairly(
        np.array([4.5, 1.5]), np.array([4.5, 1.5]), np.array([13, 4]), np.array([20, 20]), 18, np.array([1, 0])
    )
    assert list(x) == [13, 5]
    x = spread_fairly(
        np.array([4.5, 1.5]), np.array([4.5, 1.5]), np.array([13, 4]), np.array([20, 20]), 18, np.array([0, 1])
    )
    assert list(x) == [14, 4]


def test_many_units_are_shared_in_proportion_to_the_quotas():
    q = np.array([100.0, 200.0, 300.0])
    x = spread_fairly(q, q, np.zeros(3, dtype=int), np.full(3, 10_000), 1200, np.arange(3))
    assert list(x) == [200, 400, 600]
