"""A real OpenID Connect provider (oidc-provider on Node, tests/accounts/oidc/provider.mjs) for the single sign-on
tests, started once per test process on a free port, and a «browser» that goes between it and the application."""

import contextlib
import json
import re
import select
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import requests

from integrering.accounts.oidc import config

ROOT = Path(__file__).resolve().parents[3]
APP = "http://testserver"
CLIENT = {
    "client_id": "integrering-test",
    "client_secret": "a-client-secret-for-the-tests-only-0123456789",
}


@contextlib.contextmanager
def provider_running(app: str = APP, **options):
    """Start the provider with the client registered for ``app`` (its callback and log-out addresses); its issuer."""
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "oidc-provider").is_dir():
        pytest.fail("The single sign-on tests need Node and node_modules/oidc-provider: run `make install`.")
    client = CLIENT | {
        "redirect_uris": [f"{app}/oidc/callback/"],
        "post_logout_redirect_uris": [f"{app}/logg-inn/"],
        **options,
    }
    with tempfile.TemporaryFile(mode="w+") as log:
        process = subprocess.Popen(
            [node, str(Path(__file__).with_name("provider.mjs")), json.dumps(client)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )
        try:
            ready, _, _ = select.select([process.stdout], [], [], 30)
            line = process.stdout.readline() if ready else ""
            if not line:
                log.seek(0)
                pytest.fail(f"The OpenID Connect provider did not start:\n{log.read()}")
            yield json.loads(line)["issuer"]
        finally:
            process.terminate()
            process.wait(timeout=10)
            process.stdout.close()


@pytest.fixture(scope="session")
def oidc_provider():
    """The provider's issuer address (http://127.0.0.1:PORT) for the test client's «testserver»."""
    with provider_running() as issuer:
        yield issuer


def sso_settings(settings, issuer: str) -> None:
    """Single sign-on on, against the local provider (through its discovery document), for county 50."""
    settings.OIDC_ENABLED = True
    settings.OIDC_RP_CLIENT_ID = CLIENT["client_id"]
    settings.OIDC_RP_CLIENT_SECRET = CLIENT["client_secret"]
    settings.OIDC_DISCOVERY_URL = f"{issuer}/.well-known/openid-configuration"
    settings.OIDC_PROVIDER_NAME = "Testpålogging"
    settings.OIDC_COUNTY = "50"
    settings.OIDC_ALLOWED_EMAIL_DOMAINS = ["fylke.no"]
    settings.OIDC_GROUP_ROLES = {}
    settings.LOCAL_PASSWORD_LOGIN_FOR_STAFF = True


@pytest.fixture
def sso(settings, oidc_provider, county):
    sso_settings(settings, oidc_provider)
    yield oidc_provider
    config.discovery_forget()


class Browser:
    """One person's browser: the Django test client for the application, a requests session for the provider.

    ``go(url)`` follows redirects across both, as a browser would, and returns the page it ends on.
    """

    def __init__(self, client, issuer: str):
        self.client = client
        self.client.raise_request_exception = False
        self.provider = requests.Session()
        self.issuer = issuer

    def go(self, url: str, *, steps: int = 20):
        for _ in range(steps):
            if url.startswith(self.issuer):
                response = self.provider.get(url, allow_redirects=False, timeout=10)
                if response.is_redirect:
                    url = urljoin(url, response.headers["Location"])
                    continue
                return response
            split = urlsplit(url)
            if split.netloc not in ("", "testserver"):
                raise AssertionError(f"The browser was sent elsewhere: {url}")
            response = self.client.get(url)
            if response.status_code in (301, 302, 303):
                url = urljoin(f"{APP}{split.path}", response["Location"])
                continue
            return response
        raise AssertionError("Too many redirects")

    def at_provider_login(self, page) -> bool:
        return isinstance(page, requests.Response) and "/interaction/" in page.url

    def submit_login(self, page, email: str, groups: str = ""):
        """Type the e-mail (and groups) into the provider's log-in form, then follow where it leads."""
        assert self.at_provider_login(page), page
        action = re.search(r'action="([^"]+)"', page.text).group(1)
        response = self.provider.post(
            urljoin(page.url, action), data={"login": email, "groups": groups}, allow_redirects=False, timeout=10
        )
        assert response.is_redirect, response.text
        return self.go(urljoin(page.url, response.headers["Location"]))

    def login(self, email: str, groups: str = "", start: str = "/oidc/authenticate/"):
        return self.submit_login(self.go(start), email, groups)

    def confirm_provider_logout(self, page):
        """The provider asks «sign out?»: answer yes, and follow where it leads."""
        form = re.search(r'<form[^>]*action="([^"]+)"', page.text)
        xsrf = re.search(r'name="xsrf" value="([^"]+)"', page.text)
        assert form and xsrf, page.text
        response = self.provider.post(
            urljoin(page.url, form.group(1)),
            data={"xsrf": xsrf.group(1), "logout": "yes"},
            allow_redirects=False,
            timeout=10,
        )
        assert response.is_redirect, response.text
        return self.go(urljoin(page.url, response.headers["Location"]))


@pytest.fixture
def person(client, sso):
    return Browser(client, sso)


def text(page) -> str:
    """The page's HTML, from the application or the provider."""
    return page.content.decode()
