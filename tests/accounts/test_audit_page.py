"""The audit page (/admin/revisjon/): changes and reads of personal data, filtered, in Norwegian."""

import re

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
    client_for(county_admin).post(
        f"/admin/brukere/{adviser.pk}/",
        {"username": "radgiver", "first_name": "Nytt", "is_active": "on", "roles": ["adviser"]},
    )
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
    client.post(
        f"/admin/brukere/{adviser.pk}/",
        {"username": "radgiver", "first_name": "Nytt", "is_active": "on", "roles": ["adviser"]},
    )
    county_type = ContentType.objects.get_for_model(county_admin.county)
    LogEntry.objects.log_create(
        county_admin.county, action=LogEntry.Action.UPDATE, changes={"name": ["a", "b"]}, actor=county_admin
    )
    user_type = ContentType.objects.get_for_model(User)
    assert LogEntry.objects.filter(content_type=user_type).exists()

    entries = client.get(f"/admin/revisjon/?record_type={county_type.pk}").context["entries"]
    assert {e.content_type_id for e in entries} == {county_type.pk}
    today = timezone.localdate()
    entries = client.get(f"/admin/revisjon/?record_type={user_type.pk}&date_from={today:%d.%m.%Y}").context["entries"]
    assert entries and {e.content_type_id for e in entries} == {user_type.pk}
    tomorrow = today + timedelta(days=1)
    assert not list(client.get(f"/admin/revisjon/?date_from={tomorrow:%d.%m.%Y}").context["entries"])


def test_an_auditor_reads_changes_in_norwegian_with_names_not_ids(county_admin, adviser, client_for):
    import datetime

    from integrering.municipalities.models import Municipality
    from integrering.municipalities.services import contact_assign

    auditor = make_auditor(county_admin)
    trondheim = Municipality.objects.filter(number="5001")
    contact_assign(person=adviser, municipalities=trondheim, start=datetime.date(2024, 1, 1))
    LogEntry.objects.filter(actor__isnull=True).update(actor=county_admin)
    page = (
        client_for(auditor).get("/admin/revisjon/?record_type=" + str(_type("contactassignment").pk)).content.decode()
    )
    row = page[page.index("<td>Opprettet</td>") :]
    row = row[: row.index("</tr>")]
    assert "<td>Kontaktpersonoppdrag</td>" in row
    assert "<strong>Kommune</strong>: – → 5001 Trondheim" in row
    assert "<strong>Kontaktperson</strong>: – → Radgiver" in row
    assert "<strong>Fra</strong>: – → 01.01.2024" in row
    assert "None" not in row and f"→ {trondheim.get().pk}<" not in row
    assert "create" not in page and "update" not in page


def test_the_record_type_filter_offers_only_logged_types_by_norwegian_name(county_admin, client_for):
    form = client_for(county_admin).get("/admin/revisjon/").context["form"]
    labels = [label for value, label in form.fields["record_type"].choices if value]
    assert "Kontaktpersonoppdrag" in labels and "Bruker" in labels and "Scenariokjøring" in labels
    assert "Kommunenavn" not in labels and "Folketall" not in labels  # reference data is not logged
    assert not [label for label in labels if label.isascii() and label.lower() == label]  # no raw model names
    assert labels == sorted(labels, key=__import__("integrering.core.collation", fromlist=["x"]).norwegian_key)


def test_page_links_replace_the_page_instead_of_piling_up_parameters(county_admin, client_for):
    for n in range(55):
        LogEntry.objects.log_create(
            county_admin.county,
            action=LogEntry.Action.UPDATE,
            changes={"name": [str(n), str(n + 1)]},
            actor=county_admin,
        )
    client = client_for(county_admin)
    page = client.get("/admin/revisjon/?side=2&side=1&user=&side=2").content.decode()
    links = re.findall(r'href="(\?[^"]*side=[^"]*)"', page)
    assert links and all(link.replace("&amp;", "&").count("side=") == 1 for link in links), links


def test_the_audit_date_fields_are_date_pickers(county_admin, client_for):
    page = client_for(county_admin).get("/admin/revisjon/").content.decode()
    assert 'type="date" name="date_from"' in page and 'type="date" name="date_to"' in page


def make_auditor(county_admin):
    from integrering.accounts.services import user_save
    from integrering.core.models import User

    return user_save(user=User(username="revisor2"), county=county_admin.county, roles={Role.AUDITOR})


def _type(model):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get(model=model)


def test_a_created_record_shows_only_the_fields_it_was_given_and_no_id(county_admin, adviser, client_for):
    import datetime

    from integrering.municipalities.models import Municipality
    from integrering.municipalities.services import contact_assign

    contact_assign(
        person=adviser, municipalities=Municipality.objects.filter(number="5001"), start=datetime.date(2024, 1, 1)
    )
    page = (
        client_for(make_auditor(county_admin))
        .get("/admin/revisjon/?record_type=" + str(_type("contactassignment").pk))
        .content.decode()
    )
    row = page[page.index("<td>Opprettet</td>") :]
    row = row[: row.index("</tr>")]
    assert "<strong>Fra</strong>: – → 01.01.2024" in row
    assert "<strong>Til</strong>" not in row  # an open period: no end was given
    assert "<strong>Id</strong>" not in row


def test_the_audit_filters_offer_all_in_norwegian(county_admin, client_for):
    form = client_for(county_admin).get("/admin/revisjon/").context["form"]
    assert form.fields["user"].choices[0] == ("", "Alle")
    assert form.fields["record_type"].choices[0] == ("", "Alle")
