"""The audit page and participants: values masked for readers without access, a logged read for those with it,
«who has seen or changed this person», and the county's log read through its index."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from integrering.core.audit import personal_data_read_log
from integrering.core.models import AuditEntryScope, PersonalDataAccess
from integrering.core.roles import Role
from tests.guidance.factories import participant_make

NAME = "Testperson Fiktiv"


@pytest.fixture
def participant(county):
    return participant_make(county, reference="R-42", name=NAME)


def _changes_table(page: str) -> str:
    return page[page.index('id="endringer"') : page.index('id="lesinger"')]


@pytest.mark.parametrize("role", [Role.COUNTY_ADMIN, Role.AUDITOR])
def test_a_reader_without_access_to_participants_sees_their_changes_masked_and_nothing_is_logged(
    role, participant, make_user, client_for
):
    reader = make_user(role, username="leser")
    page = client_for(reader).get("/admin/revisjon/").content.decode()
    changes = _changes_table(page)
    assert NAME not in page and "R-42" not in page
    assert "(skjult)" in changes and f"deltaker {participant.pk}" in changes
    assert "Navn" in changes  # which fields changed is not personal data
    assert not PersonalDataAccess.objects.filter(user=reader).exists()


def test_a_reader_with_access_to_participants_sees_the_values_and_the_read_is_logged(
    participant, make_user, client_for
):
    reader = make_user(Role.COUNTY_ADMIN, Role.CAREER_COUNSELLOR, username="leser")
    page = client_for(reader).get("/admin/revisjon/").content.decode()
    assert NAME in _changes_table(page)
    read = PersonalDataAccess.objects.get(user=reader)
    assert (read.action, read.record_type, read.record_ids) == ("audit", "participant", [participant.pk])


def test_the_audit_answers_who_has_seen_or_changed_a_person(county, participant, make_user, client_for):
    other = participant_make(county, reference="R-43", name="Annen Person")
    counsellor = make_user(Role.CAREER_COUNSELLOR, username="veileder")
    ids = (participant.pk, other.pk)
    personal_data_read_log(user=counsellor, action="view", record_type="participant", record_ids=[participant.pk])
    personal_data_read_log(user=counsellor, action="list", record_type="participant", record_ids=list(ids))
    personal_data_read_log(user=counsellor, action="view", record_type="participant", record_ids=[other.pk])
    # An id that contains the participant's digits is another person.
    personal_data_read_log(
        user=counsellor, action="view", record_type="participant", record_ids=[int(f"{participant.pk}0")]
    )
    auditor = make_user(Role.AUDITOR, username="revisor")

    response = client_for(auditor).get(f"/admin/revisjon/?participant={participant.pk}")

    entries = list(response.context["entries"])
    assert entries and {e.object_pk for e in entries} == {str(participant.pk)}
    reads = list(response.context["reads"])
    assert sorted(r.action for r in reads) == ["list", "view"]
    assert all(participant.pk in r.record_ids for r in reads)


def test_every_change_entry_is_filed_under_its_county_and_a_participants_under_the_participant(
    county, participant, county_admin
):
    from auditlog.models import LogEntry

    entry = LogEntry.objects.get_for_object(participant).get()
    assert (entry.scope.county_id, entry.scope.participant_id) == (county.pk, participant.pk)
    user_entry = LogEntry.objects.get_for_object(county_admin).latest("pk")
    assert (user_entry.scope.county_id, user_entry.scope.participant_id) == (county.pk, None)


def test_the_audit_query_filters_by_the_county_column_not_the_entries_json(county_admin, client_for):
    client = client_for(county_admin)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/revisjon/").status_code == 200
    scope_table = AuditEntryScope._meta.db_table
    log_queries = [
        q["sql"] for q in queries if '"auditlog_logentry"' in q["sql"] and not q["sql"].startswith("SELECT COUNT(")
    ]
    assert log_queries
    for sql in log_queries:
        assert f'"{scope_table}"."county_id" =' in sql, sql
        assert "additional_data" not in sql.split("WHERE", 1)[1], sql
    reads = [q["sql"] for q in queries if 'FROM "core_personaldataaccess"' in q["sql"]]
    assert reads and all('"core_personaldataaccess"."county_id" =' in sql for sql in reads)


@pytest.mark.parametrize(
    "model",
    [AuditEntryScope, PersonalDataAccess],
)
def test_the_county_and_time_index_exists_in_the_database(model, db):
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, model._meta.db_table)
    columns = [c["columns"] for c in constraints.values() if c["index"]]
    assert ["county_id", "at"] in columns, columns


def test_another_countys_changes_and_reads_are_not_shown(other_county, make_user, county_admin, client_for):
    stranger = make_user(Role.CAREER_COUNSELLOR, username="fremmed", county_obj=other_county)
    participant = participant_make(other_county, reference="X-1", municipality="4601")
    personal_data_read_log(user=stranger, action="view", record_type="participant", record_ids=[participant.pk])
    response = client_for(county_admin).get("/admin/revisjon/")
    assert not [e for e in response.context["entries"] if e.content_type.model == "participant"]
    assert not [r for r in response.context["reads"] if r.user == stranger]
