"""core.registry: what the apps above core register from their AppConfig.ready(), in order, once per key."""

import pytest

from integrering.core import registry
from integrering.core.permissions import Perm


@pytest.fixture
def clean_registry(monkeypatch):
    """Empty registries for the test; the apps' registrations are back afterwards."""
    for name in ("_NAVIGATION", "_DEMO", "_START_PANELS", "_READ_ACTIONS"):
        monkeypatch.setattr(registry, name, {})


def test_areas_come_in_their_order_and_a_second_registration_replaces_the_first(clean_registry):
    registry.navigation_register(key="b", label="B", order=200, links=[])
    registry.navigation_register(key="a", label="A", order=300, links=[])
    registry.navigation_register(key="b", label="B2", order=100, links=[registry.NavLink("x", "home", Perm.HOME)])
    assert [(area.key, area.label, len(area.links)) for area in registry.navigation_areas()] == [
        ("b", "B2", 1),
        ("a", "A", 0),
    ]


def test_demo_loaders_and_start_panels_come_in_their_order(clean_registry):
    registry.demo_register(key="late", order=300, load=lambda **kw: None)
    registry.demo_register(key="early", order=200, load=lambda **kw: None)
    registry.start_panel_register(key="z", order=1, render=lambda request: None)
    registry.start_panel_register(key="y", order=2, render=lambda request: None)
    assert [loader.key for loader in registry.demo_loaders()] == ["early", "late"]
    assert [panel.key for panel in registry.start_panels()] == ["z", "y"]


def test_an_unregistered_read_action_is_shown_as_stored(clean_registry):
    registry.read_action_register("view", "Åpnet siden")
    assert registry.read_action_label("view") == "Åpnet siden"
    assert registry.read_action_label("unknown") == "unknown"


def test_the_installed_apps_have_registered_their_areas_with_administration_last():
    keys = [area.key for area in registry.navigation_areas()]
    assert {"municipalities", "settlement", "guidance", "administration"} <= set(keys)
    assert keys[-1] == "administration"
