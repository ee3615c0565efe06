"""The compliance figures: per municipality and for the county, linking to the participants behind them."""

import datetime

import pytest

from integrering.core.roles import Role
from integrering.guidance.cases.services import case_complete, referral_create
from integrering.guidance.compliance.selectors import compliance_for_user, municipality_summary
from integrering.guidance.models import Participant
from integrering.guidance.participants.selectors import participants_filter, participants_for_user
from integrering.guidance.participants.services import decision_register
from integrering.municipalities.models import Municipality
from tests.guidance.factories import D, export_setup, participant_make
from tests.pages import without_tokens

pytestmark = pytest.mark.django_db


def complete(participant, day):
    referral_create(participant=participant, user=None)
    case_complete(case=participant.guidance_case, completed_on=day)


@pytest.fixture
def known_set(county, other_county):
    """5001: one guided before the decision, one after, one never; 5006: one before, one outside the group."""
    p1 = participant_make(county, reference="P1", mapping_date=D(2021, 3, 5), decision_date=D(2021, 5, 1))
    complete(p1, D(2021, 4, 1))  # 31 days after settlement
    p2 = participant_make(county, reference="P2", mapping_date=D(2021, 3, 5), decision_date=D(2021, 5, 1))
    complete(p2, D(2021, 5, 10))  # 70 days; DECISION_BEFORE_GUIDANCE
    participant_make(county, reference="P3", decision_date=D(2021, 5, 1))  # MAPPING_MISSING, GUIDANCE_MISSING
    p4 = participant_make(
        county, reference="P4", municipality="5006", mapping_date=D(2021, 3, 5), decision_date=D(2021, 5, 20)
    )
    complete(p4, D(2021, 3, 21))  # 20 days
    participant_make(county, reference="P5", municipality="5006", permit_category="annen", decision_date=D(2021, 5, 1))
    participant_make(other_county, reference="X", municipality="4601", decision_date=D(2021, 5, 1))


def test_compliance_figures_for_the_county(known_set, make_user, django_assert_max_num_queries):
    leader = make_user(Role.LEADER, username="leder")
    with django_assert_max_num_queries(6):
        result = compliance_for_user(leader)
    total = result.total
    assert (total.participants, total.decided, total.guidance_before_decision) == (5, 4, 2)
    assert total.share_before_decision == 0.5
    assert total.median_days == 31
    assert total.open_findings == {"DECISION_BEFORE_GUIDANCE": 1, "GUIDANCE_MISSING": 1, "MAPPING_MISSING": 1}
    assert (total.errors, total.warnings) == (1, 2)
    rows = {r.municipality.number: r for r in result.rows}
    assert set(rows) == {"5001", "5006"}
    assert rows["5001"].share_before_decision == pytest.approx(1 / 3)
    assert rows["5001"].median_days == 50.5
    assert rows["5006"].share_before_decision == 1
    assert rows["5006"].median_days == 20
    assert rows["5006"].open_findings == {}
    assert result.codes == ["DECISION_BEFORE_GUIDANCE", "GUIDANCE_MISSING", "MAPPING_MISSING"]


def test_a_municipal_user_sees_only_the_own_municipality(known_set, municipal_user):
    result = compliance_for_user(municipal_user)
    assert [r.municipality.number for r in result.rows] == ["5001"]
    assert result.total.decided == 3
    assert result.total.municipality.number == "5001"


def test_the_figures_link_to_the_participants_behind_them(known_set, make_user):
    leader = make_user(Role.CAREER_COUNSELLOR, username="veileder")
    qs = participants_for_user(leader)

    def refs(**kw):
        return sorted(participants_filter(qs, **kw).values_list("reference", flat=True))

    assert refs(figure="decided") == ["P1", "P2", "P3", "P4"]
    assert refs(figure="guidance_before_decision") == ["P1", "P4"]
    assert refs(figure="guidance_completed") == ["P1", "P2", "P4"]
    assert refs(finding="MAPPING_MISSING") == ["P3"]
    assert refs(figure="decided", municipality=Municipality.objects.get(number="5006")) == ["P4"]


def test_the_figures_stay_the_same_in_number_of_queries_with_more_rows(
    county, make_user, django_assert_max_num_queries
):
    leader = make_user(Role.LEADER, username="leder")
    for i in range(30):
        participant_make(
            county, reference=f"M{i}", municipality=("5001", "5006", "5007")[i % 3], decision_date=D(2021, 5, 1)
        )
    with django_assert_max_num_queries(6):
        result = compliance_for_user(leader)
    assert result.total.participants == 30


def test_the_municipality_summary_is_aggregate_only(known_set):
    summary = municipality_summary(Municipality.objects.get(number="5001"))
    assert summary["participants"] == 3
    assert summary["completed"] == 2
    assert [(f["code"], f["count"]) for f in summary["findings"]] == [
        ("DECISION_BEFORE_GUIDANCE", 1),
        ("GUIDANCE_MISSING", 1),
        ("MAPPING_MISSING", 1),
    ]


def test_the_municipality_page_shows_the_aggregates_without_names(known_set, municipal_user, client_for):
    from django.urls import reverse

    page = without_tokens(
        client_for(municipal_user).get(reverse("municipalities:detail", args=["5001"])).content.decode()
    )
    assert "Karriereveiledning" in page
    assert "MAPPING_MISSING" in page
    assert "Testperson" not in page and "P3" not in page


def test_compliance_shows_the_figures_and_links_to_the_participants_behind_them(
    county, municipal_user, counsellor, client_for
):
    p, _ = export_setup(county, municipal_user)
    decision_register(
        participant=Participant.objects.get(pk=p.pk), version=None, decision_date=datetime.date(2021, 5, 1)
    )
    response = client_for(counsellor).get("/veiledning/etterlevelse/")
    page = response.content.decode()
    assert response.context["data"].total.guidance_before_decision == 1
    assert "100\xa0%" in page
    assert "/veiledning/deltakere/?kommune=5001&amp;figur=guidance_before_decision" in page
    behind = client_for(counsellor).get("/veiledning/deltakere/?kommune=5001&figur=guidance_before_decision")
    assert [x.reference for x in behind.context["page"]] == ["E-1"]


def test_compliance_without_access_to_participants_shows_numbers_without_links(
    county, municipal_user, make_user, client_for
):
    export_setup(county, municipal_user)
    leader = make_user(Role.LEADER, username="leder")
    page = client_for(leader).get("/veiledning/etterlevelse/").content.decode()
    assert "Kartlegging mangler" not in page or "/veiledning/deltakere/?" not in page
    assert "/veiledning/deltakere/?" not in page


def test_the_compliance_query_count_does_not_grow(county, counsellor, client_for, django_assert_max_num_queries):
    for i in range(30):
        participant_make(
            county,
            reference=f"C-{i}",
            municipality="5001" if i % 2 else "5006",
            decision_date=datetime.date(2021, 5, 1),
        )
    client = client_for(counsellor)
    with django_assert_max_num_queries(12):
        client.get("/veiledning/etterlevelse/")


def test_a_municipal_users_compliance_page_names_its_municipality_once(county, municipal_user, client_for):
    participant_make(county, reference="T-1", municipality="5001", decision_date=D(2021, 5, 1))
    page = client_for(municipal_user).get("/veiledning/etterlevelse/").content.decode()
    assert page.count("5001 Trondheim") == 2  # once in each table: the key figures and the open findings
    assert "<tfoot>" not in page


def test_a_county_users_compliance_page_still_has_the_county_total(county, make_user, client_for):
    participant_make(county, reference="T-1", municipality="5001", decision_date=D(2021, 5, 1))
    page = client_for(make_user(Role.LEADER, username="leder")).get("/veiledning/etterlevelse/").content.decode()
    assert page.count("<tfoot>") == 2 and '<th scope="row">Fylke</th>' in page
