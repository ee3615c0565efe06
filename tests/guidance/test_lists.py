"""The list pages log which participants they showed, and the § 30 list is paged and filtered by municipality."""

import pytest

from integrering.core.roles import Role
from integrering.guidance import services

from .factories import D, list_reads, participant_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(make_user):
    return make_user(Role.SCHOOL_COORDINATOR, username="skolekoordinator")


def test_the_training_list_is_paged_filtered_and_logged(county, coordinator, client_for, django_assert_max_num_queries):
    for i in range(53):
        participant_make(
            county, reference=f"V-{i:02}", full_time_upper_secondary=True, municipality="5001" if i < 50 else "5006"
        )
    enrolled = participant_make(county, reference="E-1", municipality="5006", full_time_upper_secondary=True)
    services.training_enrol(participant=enrolled, school="Steinkjer vgs", target_level="B1", start=D(2024, 8, 19))
    client = client_for(coordinator)
    with django_assert_max_num_queries(14):
        first = client.get("/veiledning/opplaering/")
    assert [p.reference for p in first.context["waiting_page"]] == [f"V-{i:02}" for i in range(50)]
    assert first.context["waiting_page"].paginator.count == 53
    assert "venter=2" in first.content.decode()
    second = client.get("/veiledning/opplaering/?venter=2")
    assert [p.reference for p in second.context["waiting_page"]] == ["V-50", "V-51", "V-52"]
    assert [e.participant.reference for e in second.context["enrolled_page"]] == ["E-1"]
    steinkjer = client.get("/veiledning/opplaering/?kommune=5006")
    assert [p.reference for p in steinkjer.context["waiting_page"]] == ["V-50", "V-51", "V-52"]
    assert 'id="filter_kommune"' in steinkjer.content.decode()
    reads = list_reads(coordinator)
    assert len(reads) == 3 and len(reads[0].record_ids) == 51  # 50 waiting and the one enrolled
    assert client.get("/veiledning/opplaering/?kommune=9999").status_code == 200  # unknown: all, no error
