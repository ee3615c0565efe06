from auditlog.models import LogEntry

from integrering.core.audit import personal_data_read_log
from integrering.core.models import PersonalDataAccess
from integrering.core.roles import Role


def test_reads_of_personal_data_are_logged_and_shown_to_auditors(make_user, client_for):
    counsellor = make_user(Role.CAREER_COUNSELLOR, username="veileder")
    auditor = make_user(Role.AUDITOR, username="revisor")
    personal_data_read_log(user=counsellor, action="view", record_type="participant", record_ids=[7, 3])
    entry = PersonalDataAccess.objects.get()
    assert entry.record_ids == [3, 7] and entry.county_id == counsellor.county_id
    page = client_for(auditor).get("/admin/revisjon/").content.decode()
    assert "<td>Åpnet siden</td><td>Deltaker</td><td>3, 7</td>" in page and "Veileder" in page


def test_the_audit_page_filters_by_user(make_user, client_for):
    auditor = make_user(Role.AUDITOR, username="revisor")
    a = make_user(Role.ADVISER, username="aaa")
    b = make_user(Role.ADVISER, username="bbb")
    personal_data_read_log(user=a, action="view", record_type="participant", record_ids=[1])
    personal_data_read_log(user=b, action="export", record_type="participant", record_ids=[2])
    response = client_for(auditor).get(f"/admin/revisjon/?user={a.pk}")
    reads = list(response.context["reads"])
    assert [r.user.username for r in reads] == ["aaa"]


def test_a_bad_filter_gives_a_form_error_not_a_500(make_user, client_for):
    auditor = make_user(Role.AUDITOR, username="revisor")
    response = client_for(auditor).get("/admin/revisjon/?date_from=2024-02-01&date_to=2024-01-01")
    assert response.status_code == 200
    assert "Til-datoen må være lik eller senere" in response.content.decode()


def test_changes_to_users_are_logged_with_who_and_what(county_admin, adviser, client_for):
    client_for(county_admin).post(f"/admin/brukere/{adviser.pk}/", {"username": "radgiver", "first_name": "Nytt", "is_active": "on", "roles": ["adviser"]})
    entry = LogEntry.objects.get_for_object(adviser).filter(action=LogEntry.Action.UPDATE).latest("timestamp")
    assert entry.actor == county_admin
    assert "first_name" in entry.changes_dict


def test_the_audit_page_only_reads(client_for, make_user):
    auditor = make_user(Role.AUDITOR, username="revisor")
    personal_data_read_log(user=auditor, action="view", record_type="participant", record_ids=[1])
    response = client_for(auditor).post("/admin/revisjon/", {"delete": "1"})
    assert response.status_code == 405
    assert PersonalDataAccess.objects.count() == 1


def test_the_change_log_filters_by_record_type_and_date(county_admin, adviser, client_for):
    from datetime import timedelta

    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from integrering.core.models import User

    client = client_for(county_admin)
    client.post(f"/admin/brukere/{adviser.pk}/", {"username": "radgiver", "first_name": "Nytt", "is_active": "on",
                                                 "roles": ["adviser"]})
    county_type = ContentType.objects.get_for_model(county_admin.county)
    LogEntry.objects.log_create(county_admin.county, action=LogEntry.Action.UPDATE, changes={"name": ["a", "b"]},
                                actor=county_admin)
    user_type = ContentType.objects.get_for_model(User)
    assert LogEntry.objects.filter(content_type=user_type).exists()

    entries = client.get(f"/admin/revisjon/?record_type={county_type.pk}").context["entries"]
    assert {e.content_type_id for e in entries} == {county_type.pk}
    today = timezone.localdate()
    entries = client.get(f"/admin/revisjon/?record_type={user_type.pk}&date_from={today:%d.%m.%Y}").context["entries"]
    assert entries and {e.content_type_id for e in entries} == {user_type.pk}
    tomorrow = today + timedelta(days=1)
    assert not list(client.get(f"/admin/revisjon/?date_from={tomorrow:%d.%m.%Y}").context["entries"])
