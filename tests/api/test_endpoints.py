"""The endpoints: the same figures as export-settlement (empty vs 0), scoped to the token's county and role."""

import pytest

from integrering.core.roles import Role
from integrering.settlement.figures import exports, imports, services
from integrering.settlement.recommendation.services import recommendation_make

pytestmark = pytest.mark.django_db


def load(county, text, year=2024):
    plan = imports.import_plan(county=county, year=year, content=text.encode(), filename="x.csv")
    assert plan.errors == []
    return services.figures_apply(county=county, year=year, rows=plan.rows)[0]


def test_the_figures_are_the_export_s_rows_with_empty_as_null_and_0_as_0(county, adviser, token_for, api_get):
    year = load(county, "kommunenummer;anmodet;vedtatt;bosatt\n5001;10;0;\n5006;;3;0\n")
    body = api_get("bosetting/2024", token_for(adviser)).json()
    rows = {r["kommunenummer"]: r for r in body["kommuner"]}
    assert (rows["5001"]["anmodet"], rows["5001"]["vedtatt"], rows["5001"]["bosatt"]) == (10, 0, None)
    assert (rows["5006"]["anmodet"], rows["5006"]["vedtatt"], rows["5006"]["bosatt"]) == (None, 3, 0)
    table = exports.settlement_table(year)
    columns = exports.HEADER
    assert [list(r.values()) for r in body["kommuner"]] == table.rows[:-1]
    assert list(body["kommuner"][0]) == columns
    assert list(body["sum"].values()) == table.rows[-1][2:]
    assert body["sum"]["bosatt"] == 0 and body["sum"]["anbefalt"] is None


def test_the_figures_carry_an_etag_and_answer_304_when_unchanged(county, adviser, token_for, api_get):
    load(county, "kommunenummer;anmodet\n5001;10\n")
    secret = token_for(adviser)
    first = api_get("bosetting/2024", secret)
    assert api_get("bosetting/2024", secret, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    load(county, "kommunenummer;anmodet\n5001;11\n")
    assert api_get("bosetting/2024", secret, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_another_county_s_year_is_404_and_its_municipalities_are_not_listed(
    county, other_county, make_user, token_for, api_get
):
    load(county, "kommunenummer;anmodet\n5001;10\n")
    stranger = make_user(Role.ADVISER, username="annet_fylke", county_obj=other_county)
    secret = token_for(stranger)
    assert api_get("bosetting/2024", secret).status_code == 404
    assert api_get("kommuner/5001?year=2024", secret).status_code == 404
    numbers = [m["kommunenummer"] for m in api_get("kommuner?year=2024", secret).json()["items"]]
    assert numbers and not any(n.startswith("50") for n in numbers)


def test_a_municipal_user_s_token_sees_its_municipality_but_not_the_county_s_figures(
    county, municipal_user, token_for, api_get
):
    load(county, "kommunenummer;anmodet\n5001;10\n")
    secret = token_for(municipal_user)
    assert [m["kommunenummer"] for m in api_get("kommuner?year=2024", secret).json()["items"]] == ["5001"]
    assert api_get("bosetting/2024", secret).status_code == 404
    assert api_get("bosetting/2024/anbefaling", secret).status_code == 404


def test_municipalities_have_their_name_in_the_year_sami_names_and_population(adviser, token_for, api_get):
    rows = {m["kommunenummer"]: m for m in api_get("kommuner?year=2024", token_for(adviser)).json()["items"]}
    assert len(rows) == 38
    trondheim = rows["5001"]
    assert trondheim["navn"].startswith("Trondheim") and trondheim["folketall"] > 200000
    assert any(m["andre_navn"] for m in rows.values())
    assert all(m["andre_navn"] != "" for m in rows.values())


def test_the_recommendation_appears_once_frozen(county, adviser, token_for, api_get):
    year = load(county, "kommunenummer;anmodet\n5001;10\n")
    secret = token_for(adviser)
    assert api_get("bosetting/2024/anbefaling", secret).status_code == 404
    recommendation_make(settlement_year=year, user=adviser, numbers={"5001": 40, "5006": 12}, reason="Test")
    body = api_get("bosetting/2024/anbefaling", secret).json()
    assert body["versjon"] == 1 and body["sum"] == 52
    assert [(r["kommunenummer"], r["anbefalt"]) for r in body["kommuner"]] == [("5001", 40), ("5006", 12)]


def test_the_years_list_the_county_s_years(county, adviser, token_for, api_get):
    load(county, "kommunenummer;anmodet\n5001;10\n", year=2023)
    assert {"aar": 2023, "fylke": "50"} in api_get("bosetting", token_for(adviser)).json()


@pytest.mark.parametrize(
    "path",
    [
        "kommuner?year=abc",
        "kommuner?year=99999999999999999999",
        "kommuner?year=-1",
        "bosetting/abc",
        "bosetting/99999999999999999999",
        "bosetting/2024/anbefaling?x=%00",
        "kommuner/%00?year=2024",
    ],
)
def test_bad_parameters_answer_4xx_in_norwegian_never_500(path, adviser, token_for, api_get, client):
    client.raise_request_exception = False
    response = api_get(path, token_for(adviser))
    assert 400 <= response.status_code < 500
    assert response.json()["detail"]


def test_create_api_token_then_get_gives_the_figures_export_settlement_writes(county, adviser, api_get, tmp_path):
    import csv
    import io

    from django.core.management import call_command

    load(county, "kommunenummer;anmodet;vedtatt;bosatt\n5001;10;0;\n5006;;3;0\n")
    out = io.StringIO()
    call_command("create-api-token", user="radgiver", name="Eksport", stdout=out)
    secret = out.getvalue().strip().splitlines()[-1]
    target = tmp_path / "bosetting.csv"
    call_command("export-settlement", county="50", year=2024, fmt="csv", output=str(target), stdout=io.StringIO())
    exported = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig")), delimiter=";"))

    body = api_get("bosetting/2024", secret).json()
    as_csv = [["" if v is None else str(v) for v in row.values()] for row in body["kommuner"]]
    total = ["", "Sum", *("" if v is None else str(v) for v in body["sum"].values())]
    assert [exported[0], *as_csv, total] == [list(body["kommuner"][0]), *exported[1:]]


def test_the_municipalities_are_paged_with_limit_and_offset(adviser, token_for, api_get):
    secret = token_for(adviser)
    page = api_get("kommuner?year=2024&limit=10&offset=30", secret).json()
    assert page["count"] == 38 and len(page["items"]) == 8
    assert api_get("kommuner?year=2024&limit=0", secret).status_code == 422
