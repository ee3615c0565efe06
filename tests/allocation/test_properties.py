"""Properties every method must have, checked with hypothesis on small random instances."""

import os
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from integrering.allocation import Infeasible, allocate

from .helpers import ALL_METHODS, CLASSIC_METHODS, brute_force, problem_of
from .strategies import instances, scaled

# ALLOCATION_EXAMPLES=1000 for a deeper search; 60 keeps the suite fast.
SETTINGS = settings(
    max_examples=int(os.environ.get("ALLOCATION_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def run(instance, method):
    return allocate(instance.municipalities, instance.total, instance.parameters, method)


@pytest.mark.parametrize("method", ALL_METHODS)
@SETTINGS
@given(instance=instances())
def test_every_method_gives_the_exact_sum_within_the_bounds_or_says_it_is_infeasible(method, instance):
    try:
        problem = problem_of(instance)
    except Infeasible:
        assert sum(m.fixed or 0 for m in instance.municipalities if not m.excluded) > instance.total
        return
    feasible = brute_force(problem) is not None
    try:
        result = run(instance, method)
    except Infeasible:
        has_caps = any(m.cap is not None for m in instance.municipalities)
        # The classic methods' greedy lot rule may give up only when caps are tight.
        assert not feasible or (method != "optimal" and has_caps)
        return
    assert feasible
    assert sum(row.count for row in result.rows) == instance.total
    for index, row in enumerate(result.rows):
        m = problem.municipalities[index]
        assert row.number == m.number
        if m.excluded:
            assert row.count == 0
        elif m.fixed is not None:
            assert row.count == m.fixed
        elif row.count:
            assert max(instance.parameters.min_lot, m.minimum or 0) <= row.count
            assert m.cap is None or row.count <= m.cap


@pytest.mark.parametrize("method", ALL_METHODS)
@SETTINGS
@given(instance=instances(), data=st.data())
def test_permuting_the_rows_or_scaling_all_weights_changes_nothing(method, instance, data):
    try:
        expected = run(instance, method).counts()
    except Infeasible:
        return
    shuffled = replace(instance, municipalities=data.draw(st.permutations(instance.municipalities)))
    assert run(shuffled, method).counts() == expected
    factor = data.draw(st.sampled_from([2, 3, 0.5, 10, 7.25]))
    assert run(scaled(instance, factor), method).counts() == expected


@pytest.mark.parametrize("method", ALL_METHODS)
@SETTINGS
@given(instance=instances())
def test_the_result_is_deterministic(method, instance):
    try:
        first = run(instance, method)
    except Infeasible:
        return
    assert run(instance, method) == first


@SETTINGS
@given(instance=instances())
def test_optimal_matches_brute_force_and_is_never_worse_than_another_method(instance):
    best = brute_force(problem_of(instance))
    try:
        result = run(instance, "optimal")
    except Infeasible:
        assert best is None
        return
    assert result.objective == pytest.approx(best, abs=1e-5)
    for method in CLASSIC_METHODS:
        try:
            other = run(instance, method)
        except Infeasible:
            continue
        assert result.objective <= other.objective + 1e-5


@pytest.mark.parametrize("method", ["sainte-lague", "dhondt"])
@SETTINGS
@given(instance=instances(constraints=False, min_lot=st.just(0), base=st.just(0.0)), step=st.integers(1, 5))
def test_without_a_minimum_lot_divisor_methods_never_give_less_when_the_total_grows(method, instance, step):
    smaller = run(instance, method).counts()
    larger = run(replace(instance, total=instance.total + step), method).counts()
    assert all(larger[number] >= count for number, count in smaller.items())


@pytest.mark.parametrize("method", CLASSIC_METHODS)
@SETTINGS
@given(instance=instances(caps=False))
def test_without_caps_the_classic_methods_always_find_an_allocation_when_one_exists(method, instance):
    try:
        if brute_force(problem_of(instance)) is None:
            return
    except Infeasible:
        return
    assert sum(run(instance, method).counts().values()) == instance.total
