"""The menu and the start page are composed from what the apps register, showing only what the user may open."""

import pytest

from integrering.core import registry
from integrering.core.roles import Role


def _menu(client) -> dict[str, list[str]]:
    return {
        str(area["label"]): [str(label) for label, _url in area["links"]]
        for area in client.get("/").context["navigation"]
    }


def test_only_an_administrator_sees_the_administration_area_and_only_an_auditor_besides_sees_the_audit_log(
    make_user, client_for
):
    admin = _menu(client_for(make_user(Role.COUNTY_ADMIN, username="a")))
    assert admin["Administrasjon"] == ["Brukere", "Revisjonslogg", "Sendt e-post", "Brevoppsett"]
    auditor = _menu(client_for(make_user(Role.AUDITOR, username="r")))
    assert auditor["Administrasjon"] == ["Revisjonslogg"]
    adviser = _menu(client_for(make_user(Role.ADVISER, username="b")))
    assert "Administrasjon" not in adviser and "Kommuner" in adviser


def test_the_administration_links_lead_to_the_same_addresses_as_before(make_user, client_for):
    client = client_for(make_user(Role.COUNTY_ADMIN, username="a"))
    areas = {str(area["label"]): area["links"] for area in client.get("/").context["navigation"]}
    assert [url for _label, url in areas["Administrasjon"]] == [
        "/admin/brukere/",
        "/admin/revisjon/",
        "/admin/e-post/",
        "/admin/brevoppsett/",
    ]


def test_an_anonymous_visitor_gets_no_menu(client):
    assert client.get("/logg-inn/").context["navigation"] == []


@pytest.fixture
def extra_panels(monkeypatch):
    panels = dict(registry._START_PANELS)
    monkeypatch.setattr(registry, "_START_PANELS", panels)
    return panels


def test_the_start_page_shows_each_registered_panel_that_has_something_for_the_user(
    extra_panels, make_user, client_for, tmp_path, settings
):
    (tmp_path / "panel.html").write_text("<p>Panel for {{ who }}</p>")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}]
    registry.start_panel_register(key="test-shown", order=1, render=lambda request: ("panel.html", {"who": "deg"}))
    registry.start_panel_register(key="test-hidden", order=2, render=lambda request: None)
    page = client_for(make_user(Role.ADVISER, username="b")).get("/").content.decode()
    assert "<p>Panel for deg</p>" in page
    assert page.index("<p>Panel for deg</p>") < page.index("Mine kommuner")  # order 1 before the municipalities' 100
