"""The list of years, creating a year, one year's page with the seed's figures, editing the frame."""

import io

import pytest

from integrering.settlement import demo
from integrering.settlement.models import Recommendation, SettlementYear


@pytest.fixture
def seeded(county):
    demo.load(county=county, stdout=io.StringIO())
    return SettlementYear.objects.get(county=county, year=2021)


def test_the_demo_shows_the_seeds_figures_and_total_619(seeded, adviser, client_for):
    response = client_for(adviser).get("/bosetting/2021/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "619" in html and ">Trondheim<" in html
    assert html.count('id="rad-50') == 38
    recommendation = Recommendation.objects.get(settlement_year=seeded, version=1)
    assert sum(recommendation.numbers.values()) == 619 and recommendation.run is None
    assert recommendation.reason == ""  # version 1 changes nothing: no «reason for the change»


def test_the_demo_is_idempotent(seeded, county):
    before = [(f.pk, f.version) for y in SettlementYear.objects.all() for f in y.figures.all()]
    demo.load(county=county, stdout=io.StringIO())
    assert [(f.pk, f.version) for y in SettlementYear.objects.all() for f in y.figures.all()] == before
    assert "DEMODATA" in SettlementYear.objects.get(year=2022).notes


def test_the_list_shows_the_years_and_an_adviser_creates_one(seeded, adviser, client_for):
    client = client_for(adviser)
    assert "/bosetting/2021/" in client.get("/bosetting/").content.decode()
    response = client.post(
        "/bosetting/ny/", {"year": "2030", "total": "500", "total_minors": "20", "frame_source": "IMDi"}
    )
    assert response.status_code == 302 and response.url == "/bosetting/2030/"
    assert SettlementYear.objects.get(year=2030).total == 500


def test_a_duplicate_or_bad_year_is_a_form_error(seeded, adviser, client_for):
    client = client_for(adviser)
    assert client.post("/bosetting/ny/", {"year": "2021"}).status_code == 400
    assert client.post("/bosetting/ny/", {"year": "abc"}).status_code == 400
    assert client.post("/bosetting/ny/", {"year": "2027", "total": "5", "total_minors": "9"}).status_code == 400


def test_a_leader_sees_the_year_but_cannot_create_or_edit(seeded, make_user, client_for):
    from integrering.core.roles import Role

    client = client_for(make_user(Role.LEADER, username="leder"))
    assert client.get("/bosetting/2021/").status_code == 200
    assert client.post("/bosetting/ny/", {"year": "2030"}).status_code == 403
    assert client.get("/bosetting/2021/rediger/").status_code == 403


def test_editing_the_frame_refuses_a_stale_version(seeded, adviser, client_for):
    client = client_for(adviser)
    data = {"total": "620", "stage": "decided", "version": str(seeded.version)}
    assert client.post("/bosetting/2021/rediger/", data).status_code == 302
    response = client.post("/bosetting/2021/rediger/", {**data, "total": "700"}, follow=True)
    assert "Someone else" in response.content.decode() or "noen andre" in response.content.decode().lower()
    assert SettlementYear.objects.get(pk=seeded.pk).total == 620


def test_a_year_of_another_county_is_not_found(other_county, adviser, client_for):
    SettlementYear.objects.create(county=other_county, year=2024)
    assert client_for(adviser).get("/bosetting/2024/").status_code == 404


@pytest.mark.parametrize(
    "source,date,shown",
    [
        ("", None, "<dd>–</dd>"),
        ("IMDi", None, "<dd>IMDi</dd>"),
        ("", "2024-03-01", "<dd>01.03.2024</dd>"),
        ("IMDi", "2024-03-01", "<dd>01.03.2024, IMDi</dd>"),
    ],
)
def test_the_frames_source_and_date_show_only_what_is_known(county, adviser, client_for, source, date, shown):
    SettlementYear.objects.create(county=county, year=2025, frame_source=source, frame_date=date)
    page = client_for(adviser).get("/bosetting/2025/").content.decode()
    assert f"<dt>Kilde for rammen</dt>{shown}" in page


def test_the_list_of_years_shows_frame_and_sums_newest_first_with_the_seeds_619(county, adviser, client_for):
    demo.load(county=county, stdout=io.StringIO())
    page = client_for(adviser).get("/bosetting/").content.decode()
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert [y for y in ("2023", "2022", "2021") if f">{y}</a>" in body] == ["2023", "2022", "2021"]
    assert body.index(">2023</a>") < body.index(">2022</a>") < body.index(">2021</a>")
    row_2021 = body.split(">2021</a>", 1)[1].split("</tr>", 1)[0]
    cells = [c.split("<", 1)[0] for c in row_2021.split('<td class="num">')[1:]]
    assert cells[:4] == ["619", "–", "619", "619"]  # frame, of which minors, recommended, requested
    assert "38 ukjente" in row_2021  # nobody has registered decisions for 2021


def test_a_municipal_user_sees_the_years_but_not_the_countys_sums(county, municipal_user, client_for):
    demo.load(county=county, stdout=io.StringIO())
    page = client_for(municipal_user).get("/bosetting/").content.decode()
    assert ">2021</a>" in page and "ukjente" not in page and "Registrer vedtaket" in page
