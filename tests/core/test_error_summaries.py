"""Every form page shows Designsystemet's error summary when its form comes back with errors: at the top, a link to
each field with an error, focus on load (static/js/app.js). One list of pages, each posted with bad input."""

import re
from pathlib import Path

import pytest
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from integrering.accounts.invitations import invitation_tokens
from integrering.core.models import User
from integrering.core.roles import Role
from tests.core.test_authorisation import matrix_records  # noqa: F401 (a fixture: demo data behind every <pk>)

SRC = Path(__file__).resolve().parents[2] / "src" / "integrering"
SUMMARY = "data-error-summary"

# (who, path, bad input). who: "staff" (every county role), "municipal" (5001), "anonymous".
# {name} is filled from the demo records (tests/core/test_authorisation.py's matrix_records).
FORM_PAGES = [
    ("anonymous", "/logg-inn/", {"username": "ingen", "password": "feil"}),
    ("anonymous", "/invitasjon/{invitation}/", {"new_password1": "a", "new_password2": "b"}),
    ("staff", "/passord/", {}),
    ("staff", "/admin/brukere/ny/", {}),
    ("staff", "/admin/brukere/{user}/", {"username": ""}),
    ("staff", "/admin/brevoppsett/", {"organisation_number": "123"}),
    ("staff", "/kommuner/kontaktpersoner/tildel/", {}),
    ("staff", "/bosetting/ny/", {}),
    ("staff", "/bosetting/2021/rediger/", {"total": "-1"}),
    ("staff", "/bosetting/2021/enslige-mindreaarige/", {"accepting": "9999"}),
    ("staff", "/bosetting/2021/import/", {}),
    ("staff", "/bosetting/2021/kommune/5006/rediger/", {"requested": "-5"}),
    ("staff", "/bosetting/kriterier/ny/", {}),
    ("staff", "/bosetting/kriterier/{criterion}/", {"code": ""}),
    ("staff", "/bosetting/2021/kriterier/{criterion}/rediger/", {"v_5001": "mye"}),
    ("staff", "/bosetting/2021/kriterier/import/", {}),
    ("staff", "/bosetting/2021/scenarier/ny/", {}),
    ("staff", "/bosetting/2021/scenarier/{scenario}/rediger/", {"name": ""}),
    ("staff", "/bosetting/2021/kjoringer/{run}/anbefal/", {}),
    ("staff", "/bosetting/2021/anbefaling/1/brev/", {"signer": "0"}),
    ("municipal", "/bosetting/2021/vedtak/", {"decided": "-1"}),
    ("staff", "/veiledning/deltakere/ny/", {}),
    ("staff", "/veiledning/deltakere/{participant}/endre/", {}),
    ("staff", "/veiledning/deltakere/importer/", {}),
    ("municipal", "/veiledning/deltakere/{participant}/vedtak/", {"programme_decision_on": "i går"}),
    ("staff", "/veiledning/saker/{case}/book/", {"starts_at": "snart"}),
    ("staff", "/veiledning/saker/{case}/samtale/", {"held_on": "aldri"}),
    ("staff", "/veiledning/opplaering/{enrolment}/endre/", {"hours": "mange"}),
    ("staff", "/veiledning/opplaering/deltakere/{upper_secondary_participant}/meld-opp/", {}),
]


@pytest.fixture
def clients(matrix_records, make_user, client, django_user_model):  # noqa: F811
    staff_roles = [r for r in Role if r != Role.MUNICIPAL_USER]
    staff = make_user(*staff_roles, username="alt_i_ett")
    municipal = make_user(Role.MUNICIPAL_USER, username="kommune_feil", municipality="5001")
    invited = User.objects.get(pk=matrix_records["user"])
    invited.set_unusable_password()
    invited.save()
    uid = urlsafe_base64_encode(force_bytes(invited.pk))
    records = {**matrix_records, "invitation": f"{uid}/{invitation_tokens.make_token(invited)}"}

    def for_(who):
        from django.test import Client

        c = Client(raise_request_exception=False)
        if who != "anonymous":
            c.force_login(staff if who == "staff" else municipal, backend="django.contrib.auth.backends.ModelBackend")
        return c

    return for_, records


def test_every_form_page_answers_bad_input_with_the_error_summary(clients):
    for_, records = clients
    missing = []
    for who, path, data in FORM_PAGES:
        path = path.format(**records)
        client = for_(who)
        if path.startswith("/invitasjon/"):  # the link moves its token into the session, then shows the form
            path = client.get(path).url
        # A field that belongs to no form: an empty POST would leave a `Form(request.POST or None)` unbound.
        response = client.post(path, {"ukjent": "1", **data}, follow=True)
        if response.status_code == 302 or SUMMARY not in response.content.decode():
            body = re.sub(r"\s+", " ", response.content.decode())
            main = body[body.find("<main") :][:600]
            missing.append(f"{who} POST {path}: {response.status_code} {response.redirect_chain} {main}")
    assert not missing, "\n".join(missing)


def test_the_inline_row_editor_links_its_summary_to_the_row_s_own_inputs(clients):
    for_, _records = clients
    response = for_("staff").post("/bosetting/2021/kommune/5006/rediger/", {"requested": "-5"}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert SUMMARY in page and 'href="#f-5006-requested"' in page and 'id="f-5006-requested"' in page


FORM_WITH_FIELDS = re.compile(
    r'<form[^>]*method="post"[^>]*>(?:(?!</form>).)*?(_field\.html|field\|ds|figure-input)', re.S
)


def test_every_template_with_a_posted_form_of_fields_includes_the_summary():
    """A new form page cannot forget it: each template that posts a form with fields includes the summary, or
    extends a layout that does."""
    layouts = {"guidance/_form_page.html"}
    forgotten = []
    for path in SRC.rglob("templates/**/*.html"):
        text = path.read_text(encoding="utf-8")
        if not FORM_WITH_FIELDS.search(text) or "core/_error_summary.html" in text:
            continue
        if any(f'{{% extends "{layout}" %}}' in text for layout in layouts):
            continue
        forgotten.append(str(path.relative_to(SRC)))
    assert not forgotten, forgotten
