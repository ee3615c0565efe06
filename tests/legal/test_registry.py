"""Versions by the date they apply from; a later version never changes an earlier case."""

from datetime import date

import pytest

from integrering.legal import (
    BEFORE_FIRST_RULESET,
    DEFAULT_REGISTRY,
    DerivedFacts,
    Finding,
    NoRulesetInForce,
    Registry,
    RuleSet,
    deciding_date,
    evaluate,
    ruleset_for,
)
from integrering.legal.rulesets import v2021

from .factories import make_facts

D = date


def _everything_is_wrong(facts):
    derived = DerivedFacts(None, None, None, None, None, None)
    return derived, (Finding("FAKE_LATER_RULE", "error", "§ 99", "Alt er galt."),)


LATER = RuleSet(
    version_id="2025-07-01", valid_from=D(2025, 7, 1), title="Falsk senere versjon", apply=_everything_is_wrong
)
WITH_LATER = DEFAULT_REGISTRY.register(LATER)


def test_the_2021_version_is_in_force_from_1_january_2021():
    assert ruleset_for(D(2021, 1, 1)) is v2021.RULESET
    assert ruleset_for(D(2030, 1, 1)) is v2021.RULESET
    with pytest.raises(NoRulesetInForce):
        ruleset_for(D(2020, 12, 31))


def test_a_later_version_applies_from_its_own_date_only():
    assert WITH_LATER.ruleset_for(D(2025, 6, 30)) is v2021.RULESET
    assert WITH_LATER.ruleset_for(D(2025, 7, 1)) is LATER


def test_registering_returns_a_new_registry_and_leaves_the_old_one_alone():
    assert DEFAULT_REGISTRY.versions == (v2021.RULESET,)
    assert WITH_LATER.versions == (v2021.RULESET, LATER)
    assert DEFAULT_REGISTRY.register(LATER).versions == WITH_LATER.versions


def test_versions_are_ordered_whatever_order_they_are_registered_in():
    assert Registry((LATER, v2021.RULESET)).versions == (v2021.RULESET, LATER)


@pytest.mark.parametrize(
    "clash",
    [
        RuleSet("other-id", D(2021, 1, 1), "Samme dato", _everything_is_wrong),
        RuleSet(v2021.VERSION_ID, D(2026, 1, 1), "Samme id", _everything_is_wrong),
    ],
)
def test_two_versions_cannot_share_a_date_or_an_id(clash):
    with pytest.raises(ValueError):
        DEFAULT_REGISTRY.register(clash)


def test_the_settlement_date_decides_the_version_else_the_evaluation_date():
    settled_before = make_facts(settlement_date=D(2025, 6, 30), evaluation_date=D(2026, 1, 1))
    settled_on = make_facts(settlement_date=D(2025, 7, 1), evaluation_date=D(2026, 1, 1))
    unsettled = make_facts(settlement_date=None, evaluation_date=D(2025, 7, 1))
    assert deciding_date(settled_before) == D(2025, 6, 30)
    assert deciding_date(unsettled) == D(2025, 7, 1)
    assert evaluate(settled_before, WITH_LATER) == evaluate(settled_before)
    assert evaluate(settled_on, WITH_LATER).ruleset_version == "2025-07-01"
    assert evaluate(unsettled, WITH_LATER).codes == ("FAKE_LATER_RULE",)


def test_a_case_settled_before_2021_is_judged_by_2021_rules_with_a_notice():
    result = evaluate(make_facts(settlement_date=D(2020, 12, 31)))
    assert result.ruleset_version == v2021.VERSION_ID
    assert BEFORE_FIRST_RULESET in result.codes
    assert BEFORE_FIRST_RULESET not in evaluate(make_facts(settlement_date=D(2021, 1, 1))).codes


def test_findings_are_sorted_by_code():
    result = evaluate(
        make_facts(
            mapping_date=None,
            guidance_completed_date=None,
            permit_date=D(2021, 3, 1),
            birth_date=D(2000, 1, 1),
            education_level="ingen",
            end_goal="arbeid",
            full_time_upper_secondary=True,
            decision_date=D(2021, 8, 1),
        )
    )
    assert len(result.codes) >= 4
    assert list(result.codes) == sorted(result.codes)


def test_the_catalogue_describes_every_code_the_rules_can_report():
    from integrering.legal import finding_catalogue

    catalogue = finding_catalogue()
    assert set(catalogue) == set(v2021.CODES) | {BEFORE_FIRST_RULESET}
    assert catalogue["DECISION_OVERDUE"].severity == "error"
    assert catalogue["DECISION_OVERDUE"].section == "§ 12"
    assert "FAKE_LATER_RULE" not in WITH_LATER.catalogue()  # the fake version lists nothing


def test_the_catalogue_of_a_version_describes_findings_as_that_version_reports_them():
    renumbered = RuleSet(
        version_id="2026-01-01",
        valid_from=D(2026, 1, 1),
        title="Falsk omnummerert versjon",
        apply=_everything_is_wrong,
        catalogue=(Finding("DECISION_OVERDUE", "error", "§ 13", "Vedtaket kom for sent (ny lov)."),),
    )
    registry = DEFAULT_REGISTRY.register(renumbered)
    assert registry.catalogue(v2021.VERSION_ID)["DECISION_OVERDUE"].section == "§ 12"
    assert registry.catalogue("2026-01-01")["DECISION_OVERDUE"].section == "§ 13"
    assert registry.catalogue()["DECISION_OVERDUE"].section == "§ 13"  # the latest wording, for legends
    assert "MAPPING_MISSING" not in registry.catalogue("2026-01-01")
    assert BEFORE_FIRST_RULESET in registry.catalogue("2026-01-01")
    with pytest.raises(KeyError):
        registry.catalogue("1999-01-01")
