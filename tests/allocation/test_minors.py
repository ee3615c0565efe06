"""Unaccompanied minors (enslige mindreårige) spread within the totals: properties against brute
force and the straightforward MILP, the quota's definition, the explanations and the errors."""

import itertools
import os
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from integrering.allocation import Infeasible, InvalidInput, Municipality, Parameters, allocate, allocate_minors
from integrering.allocation.minors import minors_quotas

from .helpers import ALL_METHODS
from .reference import examples, random_instance, seed, straightforward_milp
from .strategies import instances

SETTINGS = settings(
    max_examples=int(os.environ.get("ALLOCATION_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@st.composite
def with_minors(draw, max_frame: int = 20):
    instance = draw(instances())
    flags = draw(st.lists(st.booleans(), min_size=len(instance.municipalities), max_size=len(instance.municipalities)))
    municipalities = [replace(m, accepts_minors=f) for m, f in zip(instance.municipalities, flags)]
    frame = draw(st.integers(0, min(instance.total, max_frame)))
    return replace(instance, municipalities=municipalities), frame, draw(st.integers(0, 5))


def eligible(m: Municipality) -> bool:
    return m.accepts_minors and not m.excluded


def total_or_skip(instance, method="optimal"):
    try:
        return allocate(instance.municipalities, instance.total, instance.parameters, method)
    except Infeasible:
        assume(False)


def minors_levels(rows, counts, lot: int) -> tuple[float, float, int]:
    """Σ|y − q^EM|, Σ|y − t^EM| and the tie points over the eligible (as for the total)."""
    quotas = [
        (r.minors.quota, r.minors.quota if r.minors.redistributed is None else r.minors.redistributed) for r in rows
    ]
    taking = [i for i, r in enumerate(rows) if r.minors.rule not in ("not_eligible", "excluded")]
    order = sorted(taking, key=lambda i: (-quotas[i][0], -quotas[i][1], i))
    points = sum(len(taking) - k for k, i in enumerate(order) if counts[i] > 0 and lot > 1)
    first = sum(abs(y - q) for y, (q, _) in zip(counts, quotas))
    second = sum(abs(y - t) for y, (_, t) in zip(counts, quotas))
    return first, second, points


def brute_force(rows, municipalities, frame: int, lot: int):
    """The lexicographic best (tolerance 1e-6, as documented) over every minors' allocation."""
    options = [[0] + list(range(lot, row.count + 1)) if eligible(m) else [0] for row, m in zip(rows, municipalities)]
    candidates = [y for y in itertools.product(*options) if sum(y) == frame]
    if not candidates:
        return None
    scored = [minors_levels(rows, y, lot) for y in candidates]
    least = min(s[0] for s in scored)
    scored = [s for s in scored if s[0] <= least + 1e-6]
    second = min(s[1] for s in scored)
    return least, second, max(s[2] for s in scored if s[1] <= second + 1e-6)


@pytest.mark.parametrize("method", ALL_METHODS)
@SETTINGS
@given(case=with_minors())
def test_the_minors_add_up_stay_within_each_total_and_go_only_where_allowed(method, case):
    instance, frame, min_lot = case
    total = total_or_skip(instance, method)
    try:
        result = allocate(
            instance.municipalities,
            instance.total,
            instance.parameters,
            method,
            minors_total=frame,
            minors_min_lot=min_lot,
        )
    except Infeasible:
        ordered = sorted(instance.municipalities, key=lambda m: m.number)
        assert brute_force(total.rows, ordered, frame, max(min_lot, 1)) is None
        return
    assert result.counts() == total.counts()
    minors = result.minors_counts()
    assert sum(minors.values()) == frame
    by_number = {m.number: m for m in instance.municipalities}
    for row in result.rows:
        y = minors[row.number]
        assert 0 <= y <= row.count
        if not eligible(by_number[row.number]):
            assert y == 0 and row.minors.rule in ("not_eligible", "excluded")
        assert y == 0 or y >= max(min_lot, 1)


@SETTINGS
@given(case=with_minors(max_frame=14))
def test_the_minors_are_lexicographically_best_against_brute_force(case):
    instance, frame, min_lot = case
    total_or_skip(instance)
    try:
        result = allocate(
            instance.municipalities, instance.total, instance.parameters, minors_total=frame, minors_min_lot=min_lot
        )
    except Infeasible:
        return  # covered by the test above
    ordered = sorted(instance.municipalities, key=lambda m: m.number)
    best = brute_force(result.rows, ordered, frame, max(min_lot, 1))
    counts = [result.minors_counts()[row.number] for row in result.rows]
    ours = minors_levels(result.rows, counts, max(min_lot, 1))
    assert ours[0] == pytest.approx(best[0], abs=1e-5)
    assert result.minors.objective == pytest.approx(best[0], abs=1e-5)
    assert ours[1] == pytest.approx(best[1], abs=1e-5)
    assert ours[2] == best[2]


@pytest.mark.parametrize(("size", "spread", "count"), [(8, 40, 400), (30, 250, 60)])
def test_the_minors_reach_the_straightforward_milps_optimum_on_random_instances(size, spread, count):
    start = seed()
    rng = np.random.default_rng(start)
    for k in range(examples(count)):
        context = f"seed {start}, instance {k}"
        municipalities, total, parameters = random_instance(rng, size, spread)
        try:
            result = allocate(municipalities, total, parameters)
        except Infeasible:
            continue
        frame, min_lot = int(rng.integers(0, total // 3 + 2)), int(rng.integers(0, 6))
        takers = np.array([eligible(m) for m in sorted(municipalities, key=lambda m: m.number)], dtype=bool)
        totals = np.array([row.count for row in result.rows])
        quotas = minors_quotas(np.array([row.quota for row in result.rows]), takers, totals, frame)[0]
        best = straightforward_milp(quotas[takers], [max(min_lot, 1)] * int(takers.sum()), totals[takers], frame)
        try:
            minors = allocate(municipalities, total, parameters, minors_total=frame, minors_min_lot=min_lot).minors
        except Infeasible:
            minors = None
        assert (minors is None) == (best is None), context
        if minors is not None:
            assert minors.objective == pytest.approx(best, abs=1e-5), context


def town(number: str, people: int, **extra) -> Municipality:
    return Municipality(number, f"By {number}", {"folk": people}, **extra)


PARAMETERS = Parameters({"folk": 1}, min_lot=0)


def test_the_minors_quota_is_the_frame_in_proportion_to_the_quotas_among_those_who_take_minors():
    towns = [town("0001", 600), town("0002", 300, accepts_minors=False), town("0003", 100), town("0004", 0, fixed=50)]
    result = allocate(towns, 150, PARAMETERS, minors_total=15)
    quotas = {row.number: row.minors.quota for row in result.rows}
    # scenario quotas 60, 30, 10 and the fixed 50: the takers have 60 + 10 + 50 = 120
    assert quotas == pytest.approx({"0001": 7.5, "0002": 0.0, "0003": 1.25, "0004": 6.25})
    assert result.minors_counts() == {"0001": 8, "0002": 0, "0003": 1, "0004": 6}


def test_what_does_not_fit_within_a_total_goes_to_the_others_in_proportion():
    towns = [town("0001", 100, cap=4), town("0002", 100), town("0003", 200)]
    result = allocate(towns, 44, PARAMETERS, minors_total=20)
    rows = {row.number: row for row in result.rows}
    assert rows["0001"].count == 4 and rows["0001"].minors.count == 4
    assert rows["0001"].minors.rule == "capped" and "eget tall" in rows["0001"].minors.explanation
    assert result.minors_counts() == {"0001": 4, "0002": 5, "0003": 11}
    assert rows["0003"].minors.redistributed == pytest.approx(16 * 200 / 300)


def test_each_rule_of_the_minors_is_named_in_its_sentence():
    towns = [
        town("0001", 500),
        town("0002", 300, accepts_minors=False),
        town("0003", 60),
        town("0004", 40),
        town("0005", 100, excluded=True),
    ]
    result = allocate(towns, 90, Parameters({"folk": 1}, min_lot=5), minors_total=10, minors_min_lot=3)
    rows = {row.number: row.minors for row in result.rows}
    assert rows["0002"].rule == "not_eligible" and "tar ikke imot enslige mindreårige" in rows["0002"].explanation
    assert rows["0005"].rule == "excluded" and "utelatt" in rows["0005"].explanation
    assert rows["0001"].explanation.startswith("By 0001: ")
    assert "EM-kvoten er" in rows["0001"].explanation
    assert {rows["0003"].rule, rows["0004"].rule} <= {"raised_to_min_lot", "zero_by_min_lot", "rounded"}
    assert "av rammen 10" in rows["0001"].explanation


def test_the_minors_minimum_lot_raises_or_sets_to_zero_and_says_so():
    towns = [town("0001", 800), town("0002", 100), town("0003", 100)]
    result = allocate(towns, 100, PARAMETERS, minors_total=12, minors_min_lot=3)
    rows = {row.number: row.minors for row in result.rows}
    # minors' quotas 9.6, 1.2, 1.2: one of the small ones is raised to 3, the other set to 0 by the
    # tie rule (same quota: the lower number gets it)
    assert (rows["0001"].count, rows["0002"].count, rows["0003"].count) == (9, 3, 0)
    assert rows["0002"].rule == "raised_to_min_lot" and "Hevet til minstetallet for enslige" in rows["0002"].explanation
    assert rows["0003"].rule == "zero_by_tie" and "By 0002 har samme EM-kvote" in rows["0003"].explanation


def test_more_minors_than_the_takers_totals_is_infeasible_and_says_why():
    towns = [town("0001", 100), town("0002", 100, accepts_minors=False)]
    with pytest.raises(Infeasible, match="får til sammen bare 10 i anbefalingen"):
        allocate(towns, 20, PARAMETERS, minors_total=11)


def test_a_minors_minimum_lot_that_cannot_hit_the_frame_is_infeasible_and_names_the_lot():
    towns = [town("0001", 100), town("0002", 100)]  # 5 each: 0 or 4–5 minors each never makes 7
    with pytest.raises(Infeasible, match=r"enslige mindreårige \(4\) gjør det umulig å fordele nøyaktig 7"):
        allocate(towns, 10, PARAMETERS, minors_total=7, minors_min_lot=4)
    with pytest.raises(Infeasible, match=r"større enn rammen 3"):
        allocate(towns, 10, PARAMETERS, minors_total=3, minors_min_lot=4)
    with pytest.raises(Infeasible, match=r"bare kommuner som får minst 6 i alt"):
        allocate(towns, 10, PARAMETERS, minors_total=6, minors_min_lot=6)


def test_no_municipality_that_takes_minors_is_infeasible_when_the_frame_is_not_zero():
    towns = [town("0001", 100, accepts_minors=False)]
    with pytest.raises(Infeasible, match="ingen kommuner kan ta imot"):
        allocate(towns, 20, PARAMETERS, minors_total=1)
    assert allocate(towns, 20, PARAMETERS, minors_total=0).minors_counts() == {"0001": 0}


def test_the_minors_can_be_spread_within_totals_given_by_hand():
    towns = [town("0001", 1), town("0002", 1), town("0003", 1, accepts_minors=False)]
    spread = allocate_minors(towns, {"0001": 10, "0002": 2, "0003": 5}, {"0001": 6, "0002": 6, "0003": 5}, 6)
    assert spread.counts() == {"0001": 4, "0002": 2, "0003": 0}
    assert spread.total == 6 and spread.min_lot == 0


@pytest.mark.parametrize(
    ("counts", "quotas", "frame", "min_lot", "words"),
    [
        ({"0001": 3}, {"0001": 3}, -1, 0, "kan ikke være negativ"),
        ({"0001": 3}, {"0001": 3}, 1, -1, "Minstetallet for enslige mindreårige kan ikke"),
        ({}, {"0001": 3}, 1, 0, "Kommune 0001: mangler et antall"),
        ({"0001": 3}, {"0001": float("nan")}, 1, 0, "mangler en kvote"),
    ],
)
def test_bad_input_to_the_minors_is_refused_in_norwegian(counts, quotas, frame, min_lot, words):
    with pytest.raises(InvalidInput, match=words):
        allocate_minors([town("0001", 1)], counts, quotas, frame, min_lot)


@SETTINGS
@given(case=with_minors(), data=st.data())
def test_the_row_order_and_the_scale_of_the_weights_change_nothing_for_the_minors(case, data):
    instance, frame, min_lot = case
    total_or_skip(instance)
    try:
        expected = allocate(
            instance.municipalities, instance.total, instance.parameters, minors_total=frame, minors_min_lot=min_lot
        )
    except Infeasible:
        return
    shuffled = data.draw(st.permutations(instance.municipalities))
    scale = data.draw(st.sampled_from([0.1, 3, 7.25]))
    weights = {k: v * scale for k, v in instance.parameters.weights.items()}
    again = allocate(
        shuffled,
        instance.total,
        replace(instance.parameters, weights=weights),
        minors_total=frame,
        minors_min_lot=min_lot,
    )
    assert again.minors_counts() == expected.minors_counts()
