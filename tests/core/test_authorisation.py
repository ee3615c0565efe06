"""Every URL pattern declares a permission, and every role gets exactly what the policy gives it."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from integrering.core.permissions import POLICY, Perm
from integrering.core.roles import Role
from tests.pages import without_tokens

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


def test_the_policy_gives_every_role_a_home():
    assert all(Perm.HOME in perms for perms in POLICY.values())


@pytest.mark.parametrize("route,callback", [p for p in PATTERNS if p[1].required_permission is not None])
def test_anonymous_users_are_sent_to_the_login_page(client, route, callback):
    response = client.get(sample_path(route))
    assert response.status_code == 302
    assert response.url.startswith("/logg-inn/")


@pytest.mark.parametrize("role", list(Role))
def test_each_role_gets_403_exactly_where_the_policy_denies_it(role, make_user, client_for):
    user = make_user(role, username=f"u_{role.value}", municipality="5001" if role == Role.MUNICIPAL_USER else None)
    client = client_for(user)
    wrong = []
    for route, callback in PATTERNS:
        perm = callback.required_permission
        if perm is None:
            continue
        response = client.get(sample_path(route))
        allowed = perm in POLICY[role]
        if not allowed and response.status_code != 403:
            wrong.append(f"{route}: expected 403, got {response.status_code}")
        if allowed and (response.status_code >= 500 or (response.status_code == 302 and "/logg-inn/" in response.url)):
            wrong.append(f"{route}: allowed by the policy, got {response.status_code}")
    assert not wrong, "\n".join(wrong)


FOUNDATION_PAGES = {
    "/": {r: 200 for r in Role},
    "/kommuner/": {r: 200 for r in Role},
    "/kommuner/5001/": {r: 200 for r in Role},
    "/kommuner/kontaktpersoner/": {r: 200 for r in Role},
    "/kommuner/kontaktpersoner/tildel/": {r: 200 if r == Role.COUNTY_ADMIN else 403 for r in Role},
    "/admin/brukere/": {r: 200 if r == Role.COUNTY_ADMIN else 403 for r in Role},
    "/admin/revisjon/": {r: 200 if r in (Role.COUNTY_ADMIN, Role.AUDITOR) else 403 for r in Role},
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
