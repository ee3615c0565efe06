"""Issue 15 §4: uploaded files in an S3-compatible object store (moto in server mode, a real HTTP server on a free
port): upload → download through the permission-checked view → delete; a private file is never reachable without
permission to see its owner (anonymous, another organisation, another county)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from integrering.core.files.models import StoredFile
from integrering.core.roles import Role
from integrering.grants.applicants.services import organisation_member_add
from integrering.grants.applications.services import application_submit
from integrering.regional.activities.services import activity_create, attachment_add, attachment_delete
from integrering.regional.areas import Area
from integrering.regional.partners.services import forum_create, meeting_add
from tests.core.files.s3 import BUCKET, bucket_create, moto_server, s3_client, s3_storages
from tests.grants.factories import application_make, call_make, organisation_make

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(scope="module")
def s3_endpoint():
    with moto_server() as endpoint:
        bucket_create(endpoint)
        yield endpoint


@pytest.fixture
def bucket(settings, s3_endpoint):
    """The files storage pointed at the bucket; yields a boto3 client to look into it directly."""
    settings.STORAGES = s3_storages(s3_endpoint, settings.STORAGES)
    client = s3_client(s3_endpoint)
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])


def keys(client) -> list[str]:
    return [item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


@pytest.fixture
def applicant(make_user):
    return make_user(Role.APPLICANT, username="soker")


@pytest.fixture
def draft(county, applicant):
    organisation = organisation_make(user=applicant)
    return application_make(call=call_make(county=county), organisation=organisation, user=applicant)


def upload(name="budsjett.pdf", data=PDF, content_type="application/pdf"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_upload_download_and_delete_through_the_object_store(
    bucket, draft, applicant, client_for, django_capture_on_commit_callbacks
):
    client = client_for(applicant)
    response = client.post(f"/tilskudd/soknader/{draft.pk}/vedlegg/", {"file": upload()})
    assert response.status_code == 302
    stored = StoredFile.objects.get()
    assert keys(bucket) == [stored.name]
    assert "budsjett" not in stored.name  # a random name in the store, never the user's
    assert (
        stored.original_name == "budsjett.pdf" and stored.size == len(PDF) and stored.content_type == "application/pdf"
    )
    assert bucket.get_object(Bucket=BUCKET, Key=stored.name)["Body"].read() == PDF

    page = client.get(f"/tilskudd/soknader/{draft.pk}/")
    assert f"/tilskudd/soknader/vedlegg/{stored.pk}/" in page.content.decode()

    response = client.get(f"/tilskudd/soknader/vedlegg/{stored.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "budsjett.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/tilskudd/soknader/vedlegg/{stored.pk}/slett/")
    assert response.status_code == 302
    assert not StoredFile.objects.exists()
    assert keys(bucket) == []
    assert client.get(f"/tilskudd/soknader/vedlegg/{stored.pk}/").status_code == 404


def test_a_file_that_lies_about_its_type_never_reaches_the_store(bucket, draft, applicant, client_for):
    client = client_for(applicant)
    response = client.post(
        f"/tilskudd/soknader/{draft.pk}/vedlegg/",
        {"file": upload("faktura.pdf", b"MZ\x90\x00 an executable", "application/pdf")},
        follow=True,
    )
    assert "Denne filtypen tas ikke imot" in response.content.decode()
    assert keys(bucket) == [] and not StoredFile.objects.exists()


def test_an_application_attachment_is_private(
    bucket, county, other_county, draft, applicant, make_user, client_for, client, django_capture_on_commit_callbacks
):
    client_for(applicant).post(f"/tilskudd/soknader/{draft.pk}/vedlegg/", {"file": upload()})
    stored = StoredFile.objects.get()
    url = f"/tilskudd/soknader/vedlegg/{stored.pk}/"  # the applicant's download
    case_url = f"/tilskudd/ordninger/soknader/vedlegg/{stored.pk}/"  # the county's
    colleague = make_user(Role.APPLICANT, username="kollega@example.org")  # applicants log in by e-mail
    with django_capture_on_commit_callbacks(execute=True):
        organisation_member_add(organisation=draft.organisation, by=applicant, email=colleague.username)
    caseworker = make_user(Role.GRANT_CASEWORKER, username="saksbehandler")
    stranger = make_user(Role.APPLICANT, username="annen")
    organisation_make(user=stranger, orgnr="923609016", name="Annen forening")
    other_caseworker = make_user(Role.GRANT_CASEWORKER, username="saksbehandler46", county_obj=other_county)

    client.logout()
    for anonymous in (client.get(url), client.get(case_url)):
        assert anonymous.status_code == 302 and anonymous["Location"].startswith("/logg-inn/")
    assert client_for(colleague).get(url).status_code == 200  # the organisation's members see its files
    assert client_for(stranger).get(url).status_code == 404  # another organisation: as if it did not exist
    assert client_for(stranger).get(case_url).status_code == 403  # not a county user at all
    assert client_for(caseworker).get(case_url).status_code == 404  # a draft is not the county's yet
    assert client_for(other_caseworker).get(case_url).status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        application_submit(application=draft, user=applicant, now=datetime.datetime.now(datetime.UTC))
    response = client_for(caseworker).get(case_url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert (
        f'href="{case_url}"' in client_for(caseworker).get(f"/tilskudd/ordninger/soknader/{draft.pk}/").content.decode()
    )
    assert client_for(other_caseworker).get(case_url).status_code == 404  # another county
    assert client_for(stranger).get(url).status_code == 404
    # Removing a file is for the editable application only.
    response = client_for(applicant).post(f"{url}slett/")
    assert response.status_code == 400
    assert StoredFile.objects.filter(pk=stored.pk).exists() and keys(bucket) == [stored.name]


def test_activity_attachments_and_minutes_live_in_the_store_and_stay_in_the_county(
    bucket, county, other_county, adviser, make_user, client_for, django_capture_on_commit_callbacks
):
    activity = activity_create(
        county=county,
        user=adviser,
        areas=[Area.GUIDANCE],
        title="Dialogmøte",
        activity_type="course",
        start_date=datetime.date(2025, 5, 1),
    )
    attachment = attachment_add(activity=activity, upload=upload("agenda.pdf"), name="Agenda", user=adviser)
    assert attachment.stored is not None and keys(bucket) == [attachment.stored.name]
    forum = forum_create(county=county, name="Forum", partners=[])
    meeting = meeting_add(forum=forum, date=datetime.date(2025, 5, 2), minutes=upload("referat.pdf"), user=adviser)
    url = f"/regionalt/aktiviteter/vedlegg/{attachment.pk}/"
    response = client_for(adviser).get(url)
    assert response.status_code == 200 and response["X-Content-Type-Options"] == "nosniff"
    other_adviser = make_user(Role.ADVISER, username="radgiver46", county_obj=other_county)
    assert client_for(other_adviser).get(url).status_code == 404
    minutes_url = f"/regionalt/forum/moter/{meeting.pk}/referat/"
    assert client_for(adviser).get(minutes_url).status_code == 200
    assert client_for(other_adviser).get(minutes_url).status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        attachment_delete(attachment=attachment)
    assert keys(bucket) == [meeting.minutes_file.name]
