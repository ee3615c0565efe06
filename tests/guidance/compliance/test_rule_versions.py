"""A later rule-set version must not change how a case under the 2021 rules is evaluated or *described*:
pages describe each stored finding with the catalogue of the version that reported it."""

import pytest
from django.urls import reverse

from integrering.core.roles import Role
from integrering.guidance.compliance import rules
from integrering.guidance.compliance.describe import describe, describe_versions
from integrering.legal import DEFAULT_REGISTRY, Finding, RuleSet
from integrering.legal.rulesets import v2021
from tests.guidance.factories import D, participant_make
from tests.pages import without_tokens

pytestmark = pytest.mark.django_db

OLD_MESSAGE = "Vedtak om introduksjonsprogram er ikke fattet innen tre måneder etter bosetting."
# The pages bind «§» to its number with a no-break space («§\xa012»); the assertions read them with plain spaces.
RENUMBERED = Finding("DECISION_OVERDUE", "error", "§ 13", "Vedtaket er ikke fattet i tide etter den nye loven.")


def _renumber(findings):
    return tuple(RENUMBERED if f.code == RENUMBERED.code else f for f in findings)


def _apply_later(facts):
    derived, findings = v2021.apply(facts)
    return derived, _renumber(findings)


# A fake later version (as after Prop. 81 L (2024–2025)): the same rules, but DECISION_OVERDUE cites § 13.
LATER = RuleSet(
    version_id="2025-07-01",
    valid_from=D(2025, 7, 1),
    title="Falsk senere versjon",
    apply=_apply_later,
    catalogue=_renumber(v2021.RULESET.catalogue),
)


@pytest.fixture
def later_registry(monkeypatch):
    monkeypatch.setattr(rules, "REGISTRY", DEFAULT_REGISTRY.register(LATER))


@pytest.fixture
def cases(later_registry, county):
    """Both overdue (no decision): one settled in 2021, one settled under the later version."""
    old = participant_make(county, reference="GAMMEL", settlement_date=D(2021, 3, 1))
    new = participant_make(county, reference="NY", permit_date=D(2025, 12, 1), settlement_date=D(2026, 1, 5))
    return old, new


def test_each_case_is_evaluated_under_the_version_of_its_settlement_date(cases):
    old, new = cases
    assert (old.ruleset_version, new.ruleset_version) == (v2021.VERSION_ID, "2025-07-01")
    assert "DECISION_OVERDUE" in old.findings and "DECISION_OVERDUE" in new.findings


def test_a_2021_finding_is_described_with_the_2021_catalogue_even_when_a_later_version_exists(later_registry):
    assert describe("DECISION_OVERDUE", v2021.VERSION_ID)["section"] == "§ 12"
    assert describe("DECISION_OVERDUE", v2021.VERSION_ID)["message"] == OLD_MESSAGE
    assert describe("DECISION_OVERDUE", "2025-07-01")["section"] == "§ 13"
    assert describe("DECISION_OVERDUE", "1999-01-01")["section"] == "§ 13"  # unknown version: latest wording


def test_the_participant_page_shows_the_section_of_the_version_that_found_it(cases, make_user, client_for):
    old, new = cases
    client = client_for(make_user(Role.CAREER_COUNSELLOR, username="veileder"))
    old_page = client.get(f"/veiledning/deltakere/{old.pk}/").content.decode().replace("\xa0", " ")
    assert "(§ 12)" in old_page and OLD_MESSAGE in old_page
    assert "§ 13" not in old_page and RENUMBERED.message not in old_page
    new_page = client.get(f"/veiledning/deltakere/{new.pk}/").content.decode().replace("\xa0", " ")
    assert "(§ 13)" in new_page and RENUMBERED.message in new_page


def test_aggregate_pages_give_each_versions_wording(cases, make_user, client_for):
    described = describe_versions("DECISION_OVERDUE", {v2021.VERSION_ID, "2025-07-01"})
    assert described["section"] == "§ 12 / § 13"
    assert [v["section"] for v in described["variants"]] == ["§ 12", "§ 13"]
    assert describe_versions("DECISION_OVERDUE", {v2021.VERSION_ID})["variants"] == []
    leader = make_user(Role.LEADER, username="leder")
    compliance = client_for(leader).get("/veiledning/etterlevelse/").content.decode().replace("\xa0", " ")
    assert "§ 12 / § 13" in compliance and OLD_MESSAGE in compliance and RENUMBERED.message in compliance
    municipal = make_user(Role.MUNICIPAL_USER, username="kommune", municipality="5001")
    section = without_tokens(
        client_for(municipal).get(reverse("municipalities:detail", args=["5001"])).content.decode().replace("\xa0", " ")
    )
    assert OLD_MESSAGE in section and RENUMBERED.message in section


def test_with_only_2021_cases_nothing_mentions_the_later_version(later_registry, county, make_user, client_for):
    participant_make(county, reference="GAMMEL", settlement_date=D(2021, 3, 1))
    compliance = (
        client_for(make_user(Role.LEADER, username="leder"))
        .get("/veiledning/etterlevelse/")
        .content.decode()
        .replace("\xa0", " ")
    )
    assert "(§ 12)" in compliance and "§ 13" not in compliance and "Falsk senere versjon" not in compliance


def test_the_participant_page_names_the_rules_applied_by_their_title(county, make_user, client_for):
    participant = participant_make(county, reference="GAMMEL", settlement_date=D(2021, 3, 1))
    page = (
        client_for(make_user(Role.CAREER_COUNSELLOR, username="veileder"))
        .get(f"/veiledning/deltakere/{participant.pk}/")
        .content.decode()
        .replace("\xa0", " ")
    )
    assert "Integreringsloven, i kraft 1. januar 2021" in page
