"""Every URL pattern declares a permission, and every role gets exactly what the policy gives it."""

import datetime
import io
import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from integrering.core.models import User
from integrering.core.permissions import POLICY, Perm
from integrering.core.roles import Role
from tests.pages import without_tokens
from tests.regional.matrix import OBJECT_ROUTES as REGIONAL_ROUTES
from tests.regional.matrix import regional_records

# Django's own admin is for technical superusers only and is guarded by is_staff, not by our policy.
EXEMPT_NAMESPACES = {"admin"}
SAMPLE = {"number": "5001", "year": "2021", "aar": "2021", "fmt": "csv", "format": "csv"}


def all_patterns(resolver=None, prefix="", namespace=None):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or namespace
            if ns in EXEMPT_NAMESPACES:
                continue
            yield from all_patterns(entry, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.callback, namespace


def sample_path(route: str) -> str:
    def fill(match):
        converter, name = match.group(1) or "str", match.group(2)
        if name in SAMPLE:
            return SAMPLE[name]
        return "1" if converter == "int" else "x"

    path = re.sub(r"<(?:(\w+):)?(\w+)>", fill, route)
    path = path.replace("^", "").replace("$", "")
    return "/" + path


PATTERNS = sorted({(route, callback) for route, callback, _ in all_patterns()}, key=lambda p: p[0])


def test_every_view_declares_a_permission():
    missing = [route for route, callback in PATTERNS if not hasattr(callback, "required_permission")]
    assert not missing, f"Views without a declared permission: {missing}"


def test_a_view_without_a_permission_is_declared_public_or_token_required():
    # The API (api/) authenticates by a Bearer token, not a session: `token_required`; anything else that
    # needs no permission must say it is public.
    undeclared = [
        route
        for route, callback in PATTERNS
        if getattr(callback, "required_permission", None) is None
        and not getattr(callback, "is_public", False)
        and not getattr(callback, "token_required", False)
    ]
    assert not undeclared, f"Views neither public nor token_required: {undeclared}"


TOKEN_ROUTES = [route for route, callback in PATTERNS if getattr(callback, "token_required", False)]


def test_the_api_routes_are_the_token_required_ones():
    assert TOKEN_ROUTES and all(route.startswith("api/v1/") for route in TOKEN_ROUTES)


@pytest.mark.parametrize("route", TOKEN_ROUTES)
def test_token_required_views_answer_401_without_a_token_even_when_logged_in(adviser, client_for, route):
    for client in (client_for(adviser), None):
        response = (client or Client()).get(sample_path(route))
        assert response.status_code == 401
        assert response.json()["code"] == "token_rejected"


def test_the_policy_gives_every_role_a_home():
    assert all(Perm.HOME in perms for perms in POLICY.values())


@pytest.mark.parametrize("route,callback", [p for p in PATTERNS if p[1].required_permission is not None])
def test_anonymous_users_are_sent_to_the_login_page(client, route, callback):
    response = client.get(sample_path(route))
    assert response.status_code == 302
    assert response.url.startswith("/logg-inn/")


# An allowed role must reach the view: a page (200), a redirect that is not the login page (302), or
# "use POST" (405) for a view that only changes things. Never 403, never the login page, never 5xx, and
# never 404: every <pk> below is a real record the role may see (a municipal user's is in 5001).
REACHED = {200, 302, 405}

# Which record fills the <pk>/<version> of a route (first match wins); a new route with a <pk> must be added.
OBJECT_ROUTES = [
    (r"^admin/brukere/<int:pk>/", "user"),
    (r"^admin/e-post/<int:pk>/", "sent_email"),
    (r"^admin/api-tokener/<int:pk>/", "api_token"),
    (r"/kjoringer/<int:pk>/", "run"),
    (r"/scenarier/<int:pk>/", "scenario"),
    (r"kriterier/<int:pk>/", "criterion"),
    (r"^kommuner/kontaktpersoner/<int:pk>/", "assignment"),
    (r"^veiledning/deltakere/<int:pk>/", "participant"),
    (r"^veiledning/saker/<int:pk>/", "case"),
    (r"^veiledning/opplaering/deltakere/<int:pk>/", "upper_secondary_participant"),
    (r"^veiledning/opplaering/<int:pk>/", "enrolment"),
    (r"^planer/<int:pk>/", "plan"),
    (r"^planer/fokusomrader/<int:pk>/", "focus_area"),
    (r"^planer/mal/<int:pk>/", "goal"),
    (r"^planer/tiltak/<int:pk>/", "measure"),
    (r"^planer/indikatorer/<int:pk>/", "indicator"),
    (r"^planer/rapporter/<int:pk>/", "period_report"),
    *REGIONAL_ROUTES,
    (r"^tilskudd/ordninger/soknader/<int:pk>/vedtaksbrev", "grant_decided"),
    (r"^tilskudd/soknader/<int:pk>/vedtaksbrev", "grant_decided"),
    (r"^tilskudd/ordninger/utkast/<int:pk>/", "grant_draft"),
    (r"^tilskudd/kommune/soknader/<int:pk>/", "grant_municipal"),
    (r"^tilskudd/ordninger/rapporter/<int:pk>/", "grant_report"),
    (r"^tilskudd/ordninger/tilbakekrav/<int:pk>/", "grant_reclaim"),
    (r"^tilskudd/rapporter/<int:pk>/", "grant_report"),
    (r"^tilskudd/soknader/<int:pk>/(statusrapport|sluttrapport|utbetaling)/", "grant_accepted"),
    (r"^tilskudd/ordninger/soknader/vedlegg/<int:pk>/", "grant_case_file"),
    (r"^tilskudd/soknader/vedlegg/<int:pk>/", "grant_draft_file"),
    (r"^tilskudd/ordninger/utlysninger/<int:pk>/", "grant_call"),
    (r"^tilskudd/ordninger/soknader/<int:pk>/", "grant_case"),
    (r"^tilskudd/ordninger/<int:pk>/", "grant_scheme"),
    (r"^tilskudd/organisasjoner/<int:pk>/", "grant_organisation"),
    (r"^tilskudd/utlysninger/<int:pk>/", "grant_call"),
    (r"^tilskudd/soknader/<int:pk>/", "grant_draft"),
]


# The county's own settlement work (recommendations, scenarios, criteria, county-wide maps, charts and
# exports) is outside a municipal user's scope: the views answer 404, as for a record of another
# municipality (existence is not revealed), although the permission VIEW_SETTLEMENT lets them in.
MUNICIPAL_OUT_OF_SCOPE = [
    r"^bosetting/<int:year>/(anbefaling|diagram|eksport|kart|kjoringer|kriterier|offentlig|scenarier)",
    r"^bosetting/kriterier/$",
]


def expected_for(role: Role, route: str, perm) -> set[int]:
    if perm not in POLICY[role]:
        return {403}
    if role == Role.MUNICIPAL_USER and any(re.search(p, route) for p in MUNICIPAL_OUT_OF_SCOPE):
        return {404}
    return REACHED


@pytest.fixture
def matrix_records(county, make_user, settings, tmp_path):
    """Demo data plus a criterion, a scenario and a run: a real record behind every <pk> route."""
    from integrering.accounts.demo import demo_data_load
    from integrering.api.services import api_token_create
    from integrering.core.mail.services import mail_send
    from integrering.guidance.models import GuidanceCase, Participant, TrainingEnrolment
    from integrering.municipalities.models import ContactAssignment
    from integrering.settlement.criteria.services import criterion_create
    from integrering.settlement.models import SettlementYear
    from integrering.settlement.scenarios.services import scenario_create, scenario_run

    demo_data_load(password="demo-passord-som-er-langt", stdout=io.StringIO())
    adviser = User.objects.get(username="radgiver")
    year = SettlementYear.objects.get(county=county, year=2021)
    scenario = scenario_create(
        settlement_year=year,
        user=adviser,
        name="Folketall",
        criteria=[{"code": "folketall", "weight": 1.0, "exponent": 0.6}],
        base=10,
    )
    participant = Participant.objects.filter(
        county=county, municipality__number="5001", guidance_case__isnull=False
    ).first()
    sent_email = mail_send(
        to="radgiver@example.org",
        template="test",
        context={"requested_by": "Admin", "requested_at": None},
        county=county,
        related=adviser,
    )
    grant_call = _grant_call(county)
    grant_organisation = _grant_organisation(county, make_user)
    plan_records = _plan_records(county, adviser)
    regional = _regional(county, adviser, settings, tmp_path)  # first: it points MEDIA_ROOT at tmp_path
    file_records = _grant_files(
        _grant_draft(grant_call, grant_organisation), _grant_case(grant_call, grant_organisation)
    )
    return (
        plan_records
        | file_records
        | {
            "grant_organisation": grant_organisation.pk,
            "grant_draft": _grant_draft(grant_call, grant_organisation).pk,
            "grant_case": _grant_case(grant_call, grant_organisation).pk,
            "grant_decided": _grant_decided(grant_call, grant_organisation).pk,
            "grant_municipal": _grant_municipal(grant_call, grant_organisation).pk,
            "grant_call": grant_call.pk,
            **_grant_followup(grant_call, grant_organisation),
            "grant_scheme": grant_call.scheme_id,
            "api_token": api_token_create(user=adviser, name="Matrise")[0].pk,
            "user": adviser.pk,
            "sent_email": sent_email.pk,
            "run": scenario_run(scenario=scenario, user=adviser).pk,
            "scenario": scenario.pk,
            "criterion": criterion_create(county=county, code="ledighet", name="Ledighet").pk,
            "assignment": ContactAssignment.objects.get(municipality__number="5001").pk,
            "participant": participant.pk,
            "case": GuidanceCase.objects.get(participant=participant).pk,
            "upper_secondary_participant": Participant.objects.filter(county=county, full_time_upper_secondary=True)
            .first()
            .pk,
            "enrolment": TrainingEnrolment.objects.filter(participant__county=county).first().pk,
            **regional,
        }
    )


def _grant_files(draft, case) -> dict:
    """An attachment of the draft and one of the submitted application (core/files, in MEDIA_ROOT)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from integrering.core.files.services import file_store

    def attach(application):
        upload = SimpleUploadedFile("vedlegg.pdf", b"%PDF-1.4", content_type="application/pdf")
        return file_store(upload=upload, owner=application, purpose="attachment").pk

    return {"grant_draft_file": attach(draft), "grant_case_file": attach(case)}


def _plan_records(county, adviser) -> dict:
    """A plan (its period covers the sample year 2021) with a focus area, goal, measure, indicator and report."""
    from integrering.plans.indicators.services import indicator_create
    from integrering.plans.measures.services import measure_create
    from integrering.plans.plans.services import focus_area_create, goal_create, plan_create
    from integrering.plans.reports.services import report_create

    plan = plan_create(county=county, title="Matriseplan", slug="matriseplan", first_year=2020, last_year=2023)
    area = focus_area_create(plan=plan, identifier="1", title="Bosetting")
    goal = goal_create(focus_area=area, identifier="1.1", title="Mål")
    measure = measure_create(goal=goal, identifier="1.1.1", title="Tiltak")
    report = report_create(plan=plan, title="2021", start=datetime.date(2021, 1, 1), end=datetime.date(2021, 12, 31))
    return {
        "plan": plan.pk,
        "focus_area": area.pk,
        "goal": goal.pk,
        "measure": measure.pk,
        "indicator": indicator_create(goal=goal, name="Andel").pk,
        "period_report": report.pk,
    }


def _regional(county, adviser, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return regional_records(county=county, adviser=adviser)


def _grant_call(county):
    """A grant scheme and call of the county (the demo's, or one made here)."""
    import datetime

    from integrering.grants.models import Call

    call = Call.objects.filter(county=county).first()
    if call is not None:
        return call
    from tests.grants.factories import call_make

    return call_make(county=county, opens_on=datetime.date(2026, 1, 1))


def _grant_organisation(county, make_user):
    """An applicant organisation (the demo's, or one made here); the matrix's applicant is made a member of it."""
    from integrering.grants.applicants.services import organisation_create
    from integrering.grants.models import Organisation
    from integrering.municipalities.models import Municipality

    organisation = Organisation.objects.filter(county=county).first()
    if organisation is not None:
        return organisation
    return organisation_create(
        user=make_user(Role.APPLICANT, username="matrise-soker"),
        name="Frivilligsentralen",
        orgnr="974760673",
        kind="organisation",
        municipality=Municipality.objects.get(number="5001"),
        bank_account="86011117947",
        email="post@example.org",
    )


def _grant_draft(call, organisation):
    """A draft application of the matrix's organisation (the demo's, or one made here)."""
    from integrering.grants.models import Application, Status

    draft = Application.objects.filter(organisation=organisation, status=Status.DRAFT).first()
    if draft is not None:
        return draft
    return Application.objects.create(county_id=call.county_id, call=call, organisation=organisation)


def _grant_case(call, organisation):
    """A submitted application (the demo's, or one made here): the caseworker's pages."""
    from integrering.grants.models import Application, Status

    submitted = Application.objects.filter(call__county=call.county_id).exclude(status=Status.DRAFT).first()
    if submitted is not None:
        return submitted
    from tests.grants.factories import application_make

    member = organisation.memberships.first().user
    return application_make(call=call, organisation=organisation, user=member, submit=True)


def _grant_decided(call, organisation):
    """A decided application of the matrix's organisation, with its letter (the letter's PDF routes)."""
    from integrering.grants.decisions.letters import letter_freeze
    from integrering.grants.models import Application, DecisionLetter, Status

    letter = DecisionLetter.objects.filter(application__organisation=organisation).first()
    if letter is not None:
        return letter.application
    application = Application.objects.create(
        county_id=call.county_id,
        call=call,
        organisation=organisation,
        status=Status.REJECTED,
        reference="TS-2026-9901",
        project_title="Avslått",
        rejection_codes=[call.scheme.rejection_reasons[0]["code"]],
    )
    letter_freeze(application=application, today=call.opens_on)
    return application


def _grant_municipal(call, organisation):
    """A submitted application that concerns the municipal user's municipality (5001): their read-only page."""
    from integrering.grants.models import Application, Status
    from integrering.municipalities.models import Municipality

    trondheim = Municipality.objects.get(number="5001")
    found = (
        Application.objects.filter(county_id=call.county_id, organisation__municipality=trondheim)
        .exclude(status=Status.DRAFT)
        .first()
    )
    if found is not None:
        return found
    application = Application.objects.create(
        county_id=call.county_id,
        call=call,
        organisation=organisation,
        status=Status.SUBMITTED,
        reference="TS-2026-9902",
        project_title="I Trondheim",
    )
    application.municipalities.set([trondheim])
    return application


def _grant_followup(call, organisation):
    """An accepted grant of the matrix's organisation with a report, and a reclaim (the demo's, or made here)."""
    from django.utils import timezone

    from integrering.grants.models import Application, Reclaim, Report, Status
    from integrering.grants.reports.services import report_submit

    accepted = Application.objects.filter(organisation=organisation, status=Status.ACCEPTED).first()
    if accepted is None:
        from tests.grants.factories import grant_accepted_make

        member = organisation.memberships.first().user
        accepted = grant_accepted_make(call=call, organisation=organisation, user=member, amount=1_000)
    report = Report.objects.filter(application=accepted).first() or report_submit(
        application=accepted, user=None, kind="status", text="I gang", now=timezone.now()
    )
    reclaim = Reclaim.objects.filter(application__county=call.county_id).first() or Reclaim.objects.create(
        application=accepted, amount=1, reason="Ubrukt", due_on=datetime.date(2999, 1, 1)
    )
    return {"grant_accepted": accepted.pk, "grant_report": report.pk, "grant_reclaim": reclaim.pk}


def record_path(route: str, records: dict) -> str:
    """The route with real records in it (<version> is the demo's recommendation 1, <year> 2021)."""
    if "<int:pk>" in route:
        kind = next((kind for pattern, kind in OBJECT_ROUTES if re.search(pattern, route)), None)
        assert kind is not None, f"No record for {route}: add it to OBJECT_ROUTES"
        route = route.replace("<int:pk>", str(records[kind]))
    return sample_path(route)


@pytest.mark.parametrize("role", list(Role))
def test_each_role_reaches_exactly_what_the_policy_allows(role, matrix_records, make_user, client_for):
    user = make_user(role, username=f"u_{role.value}", municipality="5001" if role == Role.MUNICIPAL_USER else None)
    if role == Role.APPLICANT:
        # An applicant reaches its own organisation's records (never another's: tests/grants/applicants/).
        from integrering.grants.models import Membership

        Membership.objects.create(organisation_id=matrix_records["grant_organisation"], user=user)
    client = client_for(user)
    client.raise_request_exception = False
    wrong = []
    for route, callback in PATTERNS:
        perm = callback.required_permission
        if perm is None:
            continue
        path = record_path(route, matrix_records)
        response = client.get(path)
        status, login = response.status_code, response.status_code == 302 and "/logg-inn/" in response.url
        expected = expected_for(role, route, perm)
        if status not in expected or login:
            wrong.append(f"{path}: expected {sorted(expected)}, got {status}{' (the login page)' if login else ''}")
    assert not wrong, f"{role.label}:\n" + "\n".join(wrong)


def test_an_applicant_of_another_organisation_reaches_no_record_by_changing_the_id(
    matrix_records, make_user, client_for
):
    """Every applicant page with an id (applications, their letters, organisations) is a 404 for a member of another
    organisation, whatever id is typed; only the public calls (to start an application) are open to every applicant."""
    from integrering.grants.applicants.services import organisation_create
    from integrering.municipalities.models import Municipality

    stranger = make_user(Role.APPLICANT, username="fremmed-soker")
    organisation_create(
        user=stranger,
        name="Fremmed forening",
        orgnr="938587418",
        kind="organisation",
        municipality=Municipality.objects.get(number="5006"),
        bank_account="86011117947",
        email="fremmed@example.org",
    )
    client = client_for(stranger)
    checked, wrong = [], []
    for route, callback in PATTERNS:
        if getattr(callback, "required_permission", None) != Perm.APPLY_GRANTS or "<int:pk>" not in route:
            continue
        if route.startswith("tilskudd/utlysninger/"):
            continue  # a published call: any applicant may start an application from it
        path = record_path(route, matrix_records)
        checked.append(path)
        status = client.get(path).status_code
        if status == 405:  # a form's target (upload, delete): posting to another organisation's record is a 404 too
            status = client.post(path).status_code
        if status != 404:
            wrong.append(f"{path}: {status}")
    assert any("vedtaksbrev" in path for path in checked) and len(checked) >= 5, checked
    assert not wrong, wrong


# An applicant (of an organisation applying for grants) sees only the grant pages, not the county's municipalities.
_NOT_APPLICANT = {r: 403 if r == Role.APPLICANT else 200 for r in Role}
FOUNDATION_PAGES = {
    "/": dict.fromkeys(Role, 200),
    "/kommuner/": _NOT_APPLICANT,
    "/kommuner/5001/": _NOT_APPLICANT,
    "/kommuner/kontaktpersoner/": _NOT_APPLICANT,
    "/kommuner/kontaktpersoner/tildel/": {r: 200 if r == Role.COUNTY_ADMIN else 403 for r in Role},
    "/admin/brukere/": {r: 200 if r == Role.COUNTY_ADMIN else 403 for r in Role},
    # Users waiting for a role after their first single sign-on log-in: the administrator gives them one.
    "/admin/brukere/venter/": {r: 200 if r == Role.COUNTY_ADMIN else 403 for r in Role},
    "/admin/revisjon/": {r: 200 if r in (Role.COUNTY_ADMIN, Role.AUDITOR) else 403 for r in Role},
    # Recipient addresses are personal data: the county's sent e-mail is for its administrators only.
    "/admin/e-post/": {r: 200 if r == Role.COUNTY_ADMIN else 403 for r in Role},
    # API tokens act as users of the county: their administrator lists and revokes them.
    "/admin/api-tokener/": {r: 200 if r == Role.COUNTY_ADMIN else 403 for r in Role},
    "/admin/api-tokener/ny/": {r: 200 if r == Role.COUNTY_ADMIN else 403 for r in Role},
}


@pytest.mark.parametrize("role", list(Role))
def test_the_foundation_pages_answer_each_role_as_specified(role, make_user, client_for):
    user = make_user(role, username=f"m_{role.value}", municipality="5001" if role == Role.MUNICIPAL_USER else None)
    client = client_for(user)
    got = {path: client.get(path).status_code for path in FOUNDATION_PAGES}
    assert got == {path: expected[role] for path, expected in FOUNDATION_PAGES.items()}


def test_a_municipal_user_never_sees_another_municipality(municipal_user, client_for):
    client = client_for(municipal_user)
    assert client.get("/kommuner/5006/").status_code == 404
    listing = client.get("/kommuner/").content.decode()
    assert "/kommuner/5001/" in listing
    assert "/kommuner/5006/" not in listing
    contacts = without_tokens(client.get("/kommuner/kontaktpersoner/").content.decode())
    assert "5006" not in contacts


def test_a_county_user_cannot_open_a_municipality_of_another_county(adviser, client_for):
    assert client_for(adviser).get("/kommuner/4601/").status_code == 404


def test_an_unknown_municipality_number_gives_a_norwegian_404(adviser, client_for):
    response = client_for(adviser).get("/kommuner/9999/")
    assert response.status_code == 404
    assert "Fant ikke siden" in response.content.decode()


def test_a_user_without_a_county_sees_no_county_data(make_user, client_for):
    from integrering.core.models import User

    user = User.objects.create_user("teknisk", password="x" * 20)
    client = client_for(user)
    assert client.get("/").status_code == 200
    assert client.get("/kommuner/").status_code == 403


def test_an_auditor_reads_the_audit_log_and_the_figures_but_no_participant():
    """Least privilege (README «Roles»): the audit log and aggregated figures, never a participant's data."""
    assert POLICY[Role.AUDITOR] == {
        Perm.HOME,
        Perm.VIEW_MUNICIPALITIES,
        Perm.VIEW_SETTLEMENT,
        Perm.VIEW_COMPLIANCE,
        Perm.VIEW_AUDIT,
        Perm.VIEW_PLANS,  # the plan, its reports and the annual report: no personal data of participants
        # Regional activities hold counts, never persons (issue 13).
        Perm.VIEW_REGIONAL,
        # Grant cases are organisations' public-money cases, checked by auditors (no participant's data).
        Perm.VIEW_GRANTS,
    }


def test_only_the_municipality_registers_the_programme_decision():
    """Issue 11 §6: the § 12 decision on a participant is the municipality's; a counsellor can no longer register it."""
    holders = {role for role, perms in POLICY.items() if Perm.REGISTER_PROGRAMME_DECISION in perms}
    assert holders == {Role.MUNICIPAL_USER}
    assert Perm.EDIT_PARTICIPANTS in POLICY[Role.CAREER_COUNSELLOR]


def test_the_readme_roles_table_names_every_role_and_the_auditors_limits():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme.split("### Roles", 1)[1].split("\n\n", 2)[1]
    first_column = " ".join(line.split("|")[1] for line in table.splitlines() if line.startswith("| "))
    from django.utils import translation

    with translation.override("en"):
        missing = [str(role.label) for role in Role if str(role.label).lower() not in first_column.lower()]
    assert not missing, f"Roles missing from the README's roles table: {missing}"
    auditor_row = next(line for line in table.splitlines() if line.startswith("| auditor |"))
    assert "no participant pages" in auditor_row
    assert "masked" in auditor_row


# Single sign-on (accounts/oidc/): public addresses (the person is not logged in yet), answering 404 while it is
# off. With it on, tests/accounts/oidc/test_sso_flow.py checks what each answers, against a real provider.
OIDC_ROUTES = {"oidc/authenticate/", "oidc/callback/", "oidc/ingen-tilgang/"}


def test_the_single_sign_on_addresses_are_public_and_absent_while_it_is_off(client, adviser, client_for):
    public_routes = {route for route, callback in PATTERNS if getattr(callback, "is_public", False)}
    assert public_routes >= OIDC_ROUTES
    for who in (client, client_for(adviser)):
        assert {route: who.get("/" + route).status_code for route in OIDC_ROUTES} == dict.fromkeys(OIDC_ROUTES, 404)
