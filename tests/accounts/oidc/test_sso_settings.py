"""Single sign-on is configured from the environment only; a bad or incomplete setting stops start-up, naming it."""

import pytest

from tests.core.test_settings import PRODUCTION, run_cli

DEV = {"DJANGO_DEBUG": "1"}
SSO = {
    "OIDC_RP_CLIENT_ID": "integrering",
    "OIDC_RP_CLIENT_SECRET": "hemmelig",
    "OIDC_DISCOVERY_URL": "https://login.example.org/tenant/v2.0/.well-known/openid-configuration",
    "OIDC_COUNTY": "50",
}


@pytest.mark.parametrize(
    "env,words",
    [
        ({"LOCAL_PASSWORD_LOGIN_FOR_STAFF": "0"}, "LOCAL_PASSWORD_LOGIN_FOR_STAFF=0 krever felles pålogging"),
        ({**SSO, "OIDC_DISCOVERY_URL": ""}, "sett også OIDC_DISCOVERY_URL"),
        ({**SSO, "OIDC_RP_CLIENT_SECRET": ""}, "OIDC_RP_CLIENT_SECRET må være satt"),
        ({**SSO, "OIDC_COUNTY": ""}, "OIDC_COUNTY må være satt"),
        ({**SSO, "OIDC_COUNTY": "x1"}, "OIDC_COUNTY må være et fylkesnummer"),
        ({**SSO, "OIDC_GROUP_ROLES": "abc"}, "OIDC_GROUP_ROLES må være par gruppe=rolle"),
    ],
)
def test_an_incomplete_or_bad_setting_stops_start_up_naming_it(env, words):
    result = run_cli("check", env=DEV | env)
    assert result.returncode == 2, result.stdout + result.stderr
    assert words in result.stderr
    assert "Traceback" not in result.stderr


def test_production_wants_the_provider_over_https():
    env = PRODUCTION | SSO | {"OIDC_DISCOVERY_URL": "http://login.example.org/.well-known/openid-configuration"}
    result = run_cli("check", env=env)
    assert result.returncode == 2
    assert "OIDC_DISCOVERY_URL må være en https://-adresse" in result.stderr


SHOW = """
import django
django.setup()
from django.conf import settings
print(settings.OIDC_ENABLED, settings.OIDC_GROUP_ROLES, settings.OIDC_ALLOWED_EMAIL_DOMAINS)
print(settings.CONTENT_SECURITY_POLICY)
"""


def test_a_complete_configuration_is_read(tmp_path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "OIDC_"))}
    env |= (
        DEV
        | SSO
        | {
            "DJANGO_SETTINGS_MODULE": "integrering.settings",
            "OIDC_GROUP_ROLES": "g-1=adviser, g-2=county_admin",
            "OIDC_ALLOWED_EMAIL_DOMAINS": "Fylke.no,@example.no",
        }
    )
    result = subprocess.run([sys.executable, "-c", SHOW], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    first, csp = result.stdout.splitlines()[:2]
    assert first == "True {'g-1': 'adviser', 'g-2': 'county_admin'} ['fylke.no', 'example.no']"
    # Log-out is a form that ends at the provider: the policy lets forms go there, and nowhere else.
    assert "form-action 'self' https://login.example.org;" in csp
