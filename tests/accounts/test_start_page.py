"""The start page: the panels the apps register, one set per role (issue 11 §1), and the areas."""

import datetime as _dt

import pytest
from django.utils import timezone

from integrering.core.models import PersonalDataAccess
from integrering.core.roles import Role


def test_the_start_page_shows_my_municipalities(make_user, client_for):
    import datetime

    from integrering.municipalities.models import Municipality
    from integrering.municipalities.services import contact_assign

    user = make_user(Role.ADVISER, username="kp")
    contact_assign(
        person=user,
        municipalities=Municipality.objects.filter(number__in=["5006", "5007"]),
        start=datetime.date(2020, 1, 1),
    )
    page = client_for(user).get("/").content.decode()
    assert "Mine kommuner" in page and "/kommuner/5006/" in page and "/kommuner/5007/" in page
    assert "/kommuner/5001/" not in page


def test_a_municipal_users_start_page_shows_their_own_municipality(municipal_user, client_for):
    page = client_for(municipal_user).get("/").content.decode()
    assert "Min kommune" in page and 'href="/kommuner/5001/"' in page and "Trondheim - Tråante" in page
    assert "Mine kommuner" not in page and "Du er ikke kontaktperson" not in page


def test_the_start_page_says_which_year_the_municipalitys_population_is_from(municipal_user, client_for):
    import datetime

    page = client_for(municipal_user).get("/").content.decode()
    assert f"1. januar {datetime.date.today().year}" in page


# --- Every role starts on its own work (issue 11 §1) -----------------------------------------------------

TODAY = timezone.localdate()


@pytest.fixture
def settlement_data(county, other_county):
    """This year: 5001 requested 90, no decision; 5006 decided 40 of 50; 5007 decided 20 of 20. Last year 5001
    decided 77. Another county's year with a figure that must never show."""
    from integrering.municipalities.models import Municipality
    from integrering.settlement.figures.models import SettlementFigure
    from integrering.settlement.years.models import SettlementYear, Stage

    this = SettlementYear.objects.create(
        county=county,
        year=TODAY.year,
        stage_override=Stage.REQUESTED,  # the figures say «settling» (5006 has settled some)
        stage_override_reason="Vedtakene følges opp",
        decision_deadline=TODAY + _dt.timedelta(days=30),
        recommendation_deadline=TODAY - _dt.timedelta(days=60),
    )
    last = SettlementYear.objects.create(county=county, year=TODAY.year - 1)
    m = {n: Municipality.objects.get(number=n) for n in ("5001", "5006", "5007")}
    SettlementFigure.objects.create(settlement_year=this, municipality=m["5001"], recommended=95, requested=90)
    SettlementFigure.objects.create(
        settlement_year=this, municipality=m["5006"], recommended=45, requested=50, decided=40, settled=12
    )
    SettlementFigure.objects.create(settlement_year=this, municipality=m["5007"], requested=20, decided=20)
    SettlementFigure.objects.create(settlement_year=last, municipality=m["5001"], requested=80, decided=77, settled=71)
    other = SettlementYear.objects.create(county=other_county, year=TODAY.year)
    foreign = Municipality.objects.filter(county=other_county).order_by("number").first()
    SettlementFigure.objects.create(settlement_year=other, municipality=foreign, requested=4321)
    return {"this": this, "foreign": foreign}


@pytest.fixture
def guidance_data(county, municipal_user):
    """Two participants referred in 5001 (the earlier settled has the earlier deadline) and one in 5006, not referred."""
    from integrering.guidance.cases.services import referral_create
    from tests.guidance.factories import participant_make

    first = participant_make(county, reference="TRD-1")
    second = participant_make(county, reference="TRD-2", settlement_date=_dt.date(2022, 3, 1))
    participant_make(county, reference="STK-1", municipality="5006")
    for p in (first, second):
        referral_create(participant=p, user=municipal_user)
    return [first, second]


def _page(client_for, user) -> str:
    response = client_for(user).get("/")
    assert response.status_code == 200
    return response.content.decode()


PANELS = {
    "settlement-leader": 'id="start-bosetting-oversikt"',
    "compliance": 'id="start-etterlevelse"',
    "adviser": 'id="start-bosettingsaaret"',
    "municipal-settlement": 'id="start-bosetting-kommune"',
    "municipal-participants": 'id="start-deltakere"',
    "worklist": 'id="start-arbeidsliste"',
    "grants": 'id="start-tilskudd"',
    "training": 'id="start-opplaering"',
    "auditor": 'id="start-revisjon"',
}


def _panels(page: str) -> set[str]:
    return {key for key, marker in PANELS.items() if marker in page}


def test_a_leader_sees_the_countys_year_and_compliance(make_user, client_for, settlement_data, guidance_data):
    from integrering.core.roles import Role

    page = _page(client_for, make_user(Role.LEADER, username="leder"))
    assert _panels(page) == {"settlement-leader", "compliance"}
    assert "Bosetting" in page and "Kommuner som henger etter" in page
    lag = page.split("Kommuner som henger etter", 1)[1]
    assert "ingen vedtak" in lag and "vedtatt 40 av 50" in lag
    assert "Trondheim" in lag and "Steinkjer" in lag and "Namsos" not in lag
    # the sums: requested 90 + 50 + 20, decided 40 + 20
    assert ">160<" in page and ">60<" in page
    # another county's figures never show
    assert "4321" not in page and settlement_data["foreign"].norwegian_name not in page
    assert "<caption>" in page and "Andel" in page
    assert 'href="/kommuner/5006/"' in page


def test_an_adviser_sees_the_stage_the_next_step_and_the_deadlines(adviser, client_for, settlement_data):
    page = _page(client_for, adviser)
    assert "adviser" in _panels(page)
    assert "settlement-leader" not in _panels(page) and "worklist" not in _panels(page)
    assert "Neste steg:" in page and "Følg opp kommunenes vedtak" in page
    assert "passert" in page and "om 30 dager" in page
    assert "2 kommuner har ikke vedtak eller har vedtatt færre enn IMDi anmodet om" in page
    assert "Endret av andre de siste 7 dagene" in page


def test_an_adviser_sees_what_others_changed_lately(adviser, make_user, client_for, settlement_data):
    from auditlog.context import set_actor

    from integrering.core.roles import Role

    colleague = make_user(Role.ADVISER, username="kollega")
    year = settlement_data["this"]
    with set_actor(colleague):
        year.notes = "Ny merknad"
        year.save()
    page = _page(client_for, adviser)
    changes = page.split("Endret av andre", 1)[1].split("</section>", 1)[0]
    assert "Kollega" in changes and "Bosettingsår" in changes
    # one's own changes are not news
    with set_actor(adviser):
        year.notes = "Egen merknad"
        year.save()
    assert "Radgiver" not in _page(client_for, adviser).split("Endret av andre", 1)[1].split("</section>", 1)[0]


def test_a_municipal_user_sees_their_own_figures_and_what_awaits_them(
    municipal_user, client_for, settlement_data, guidance_data
):
    page = _page(client_for, municipal_user)
    assert _panels(page) == {"municipal-settlement", "municipal-participants"}
    settlement = page.split('id="start-bosetting-kommune"', 1)[1].split("</section>", 1)[0]
    assert "Venter på svar fra dere" in settlement and f"/bosetting/{TODAY.year}/vedtak/" in settlement
    assert ">90<" in settlement and ">77<" in settlement and ">71<" in settlement
    # not another municipality's figures
    assert ">50<" not in settlement and ">40<" not in settlement and "4321" not in page
    participants = page.split('id="start-deltakere"', 1)[1].split("</section>", 1)[0]
    assert "Henvist, venter hos fylkeskommunen" in participants
    counts = [c.split("<", 1)[0] for c in participants.split('class="num">')[1:]]
    assert counts[:3] == ["2", "0", "2"]  # 5006's participant is not counted
    # the link to register the decision leads to a page the municipal user may use
    assert client_for(municipal_user).get(f"/bosetting/{TODAY.year}/vedtak/").status_code == 200


def test_a_counsellor_sees_the_worklist_by_deadline_and_the_read_is_logged(
    make_user, client_for, settlement_data, guidance_data
):
    from integrering.core.roles import Role

    counsellor = make_user(Role.CAREER_COUNSELLOR, username="veileder")
    page = _page(client_for, counsellor)
    assert _panels(page) == {"worklist"}
    assert page.index("TRD-1") < page.index("TRD-2")  # overdue first
    assert "forsinket" in page and "STK-1" not in page
    assert PersonalDataAccess.objects.filter(user=counsellor, action="list").exists()


def test_a_county_administrator_sees_the_settlement_year_too(county_admin, client_for, settlement_data):
    assert _panels(_page(client_for, county_admin)) == {"adviser"}


def test_an_upper_secondary_coordinator_sees_the_training_in_numbers(make_user, client_for, county):
    from integrering.core.roles import Role
    from tests.guidance.factories import participant_make

    participant_make(county, reference="VGS-1", full_time_upper_secondary=True)
    page = _page(client_for, make_user(Role.SCHOOL_COORDINATOR, username="vgs"))
    assert _panels(page) == {"training"}
    training = page.split('id="start-opplaering"', 1)[1].split("</section>", 1)[0]
    assert "Norskopplæring (§ 30)" in training
    assert [c.split("<", 1)[0] for c in training.split('class="num">')[1:]] == ["1", "0", "0"]
    assert "VGS-1" not in page  # counts only


def test_a_grant_caseworker_gets_an_honest_empty_state(make_user, client_for):
    from integrering.core.roles import Role

    page = _page(client_for, make_user(Role.GRANT_CASEWORKER, username="tilskudd"))
    assert _panels(page) == {"grants"}
    assert "ikke i systemet ennå" in page


def test_an_auditor_sees_the_audit_log_and_what_they_may_read(make_user, client_for, settlement_data, guidance_data):
    from integrering.core.roles import Role

    page = _page(client_for, make_user(Role.AUDITOR, username="revisor"))
    assert _panels(page) == {"auditor"}
    assert 'href="/admin/revisjon/"' in page and "TRD-1" not in page


def test_the_leaders_start_page_has_a_fixed_number_of_queries(
    make_user, client_for, settlement_data, guidance_data, django_assert_max_num_queries, county
):
    from integrering.core.roles import Role
    from integrering.municipalities.models import Municipality
    from integrering.settlement.figures.models import SettlementFigure
    from tests.guidance.factories import participant_make

    client = client_for(make_user(Role.LEADER, Role.ADVISER, Role.CAREER_COUNSELLOR, username="alt"))
    client.get("/")
    with django_assert_max_num_queries(40) as before:
        client.get("/")
    for i, m in enumerate(Municipality.objects.filter(county=county).exclude(number__in=["5001", "5006", "5007"])[:8]):
        SettlementFigure.objects.create(settlement_year=settlement_data["this"], municipality=m, requested=5)
        participant_make(county, reference=f"X-{i}", municipality=m.number)
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get("/")


def test_with_the_demo_data_no_role_lands_on_an_empty_page(county, settings, monkeypatch, client):
    """Every demo user's start page has a panel of its own (the demo data: the whole county, every role)."""
    import io

    from django.core.management import call_command

    from integrering.core.models import User

    settings.DEBUG = True
    monkeypatch.setenv("DEMO_PASSWORD", "et-langt-demopassord-for-test")
    call_command("load-demo-data", stdout=io.StringIO())
    expected = {
        "leder": {"settlement-leader", "compliance"},
        "radgiver": {"adviser"},
        "admin": {"adviser"},
        "veileder": {"worklist"},
        "skolekoordinator": {"training"},
        "tilskudd": {"grants"},
        "revisor": {"auditor"},
        "kommune5001": {"municipal-settlement", "municipal-participants"},
    }
    for username, panels in expected.items():
        client.force_login(User.objects.get(username=username), backend="django.contrib.auth.backends.ModelBackend")
        response = client.get("/")
        assert response.status_code == 200, username
        assert _panels(response.content.decode()) == panels, username
