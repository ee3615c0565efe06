"""Shared fixtures: reference data loaded once per session, the demo county, users by role."""

import os

import pytest
from hypothesis import settings as hypothesis_settings

from integrering.accounts.services import user_save
from integrering.core.models import County, User
from integrering.core.roles import Role
from integrering.municipalities.models import Municipality
from integrering.municipalities.reference_data import reference_data_load

PASSWORD = "testpassord-som-er-langt-nok"

# Property tests explore new random examples on every local run; CI sets HYPOTHESIS_PROFILE=ci so the
# gate is reproducible (the same examples every run, no example database carried between machines).
hypothesis_settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The shipped reference data is in every test's database (tests roll back around it)."""
    with django_db_blocker.unblock():
        reference_data_load()


_DB_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "live_server"}


@pytest.fixture(autouse=True)
def _reference_data(request, django_db_blocker):
    """Reload the reference data if a transactional test (a browser test) flushed it.

    Runs before the test's own transaction begins, so what it loads is committed and stays for the
    tests that follow; it costs one query when the data is there.
    """
    if not (_DB_FIXTURES & set(request.fixturenames) or request.node.get_closest_marker("django_db")):
        return
    with django_db_blocker.unblock():
        if not County.objects.filter(number="50").exists():
            reference_data_load()


@pytest.fixture(autouse=True)
def _axes_off(settings):
    # Lockout is tested explicitly; elsewhere force_login/login must not trip it.
    settings.AXES_ENABLED = False


@pytest.fixture
def county(db) -> County:
    return County.objects.get(number="50")


@pytest.fixture
def other_county(db) -> County:
    return County.objects.get(number="46")


@pytest.fixture
def make_user(db, county):
    """make_user(Role.ADVISER, username=..., municipality="5001", county=...) → a saved user."""

    def make(*roles: Role, username: str | None = None, municipality: str | None = None, county_obj=None):
        name = username or "_".join(r.value for r in roles) or "norole"
        user = User(username=name, first_name=name.title(), email=f"{name}@example.org")
        if municipality:
            user.municipality = Municipality.objects.get(number=municipality)
        return user_save(user=user, county=county_obj or county, roles=set(roles), password=PASSWORD)

    return make


@pytest.fixture
def adviser(make_user):
    return make_user(Role.ADVISER, username="radgiver")


@pytest.fixture
def county_admin(make_user):
    return make_user(Role.COUNTY_ADMIN, username="admin")


@pytest.fixture
def municipal_user(make_user):
    return make_user(Role.MUNICIPAL_USER, username="kommune5001", municipality="5001")


@pytest.fixture
def client_for(client):
    """client_for(user) → the test client logged in as ``user``."""

    def login(user):
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return login


@pytest.fixture(autouse=True)
def _private_files(settings, tmp_path_factory):
    # Uploaded files (core/files) go to a temporary folder, never into the checkout's var/media.
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def _language_reset():
    """Each test starts and ends in the site's language. A request in nynorsk (the user's choice, the switch)
    leaves nynorsk active in the thread, as Django's locale middleware does; without this, a later test's command
    in the same worker would print nynorsk."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()
