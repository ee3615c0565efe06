import os
import re
import subprocess
import sys

import pytest

from integrering.env import ConfigError, env_bool, env_int, env_list, env_str

PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "a-production-secret-key-that-is-long-enough-0123456789abcdef",
    "DJANGO_ALLOWED_HOSTS": "integrering.example.org",
    # Without a mail server the deploy check warns (integrering.W001, tests/core/mail/test_mail_settings.py).
    "EMAIL_HOST": "smtp.example.org",
    "EMAIL_USE_TLS": "1",
    "DEFAULT_FROM_EMAIL": "Integrering <integrering@example.org>",
}


def run_cli(*args, env):
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")} | env
    full_env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "-m", "integrering.cli", *args], env=full_env, capture_output=True, text=True
    )


@pytest.fixture(scope="module")
def production_install(tmp_path_factory):
    """Production settings with their own var/ directory, static files collected as the README says."""
    env = PRODUCTION | {"INTEGRERING_VAR_DIR": str(tmp_path_factory.mktemp("var"))}
    result = run_cli("collectstatic", "--noinput", "-v0", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return env


def test_production_settings_pass_the_deploy_check(production_install):
    result = run_cli("check", "--deploy", "--fail-level", "WARNING", env=production_install)
    assert result.returncode == 0, result.stdout + result.stderr


LOGIN_PAGE_BEHIND_A_PROXY = """
import django
django.setup()
from django.test import Client
response = Client(HTTP_X_FORWARDED_PROTO="https").get("/logg-inn/", HTTP_HOST="integrering.example.org")
print(response.status_code)
print(response.content.decode())
"""


def test_production_serves_the_login_page_with_the_collected_designsystemet_css(production_install):
    env = production_install | {"DJANGO_SETTINGS_MODULE": "integrering.settings"}
    result = subprocess.run(
        [sys.executable, "-c", LOGIN_PAGE_BEHIND_A_PROXY],
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")} | env,
    )
    status, _, page = result.stdout.partition("\n")
    assert status == "200", result.stdout[-2000:] + result.stderr[-2000:]
    assert re.search(r'href="/static/vendor/designsystemet/theme/designsystemet\.[0-9a-f]{12}\.css"', page)


def test_the_checks_fail_when_the_designsystemet_css_is_missing(tmp_path):
    result = run_cli("check", env={"DJANGO_DEBUG": "1", "INTEGRERING_BASE_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "integrering.E001" in result.stderr and "Designsystemet-CSS mangler" in result.stderr
    assert "npm ci" in result.stderr


def test_the_deploy_check_fails_when_the_static_files_are_not_collected(tmp_path):
    env = PRODUCTION | {"INTEGRERING_VAR_DIR": str(tmp_path)}
    result = run_cli("check", "--deploy", env=env)
    assert result.returncode != 0
    assert "integrering.E002" in result.stderr and "collectstatic" in result.stderr


def test_a_base_directory_that_does_not_exist_is_a_configuration_error(tmp_path):
    result = run_cli("check", env={"DJANGO_DEBUG": "1", "INTEGRERING_BASE_DIR": str(tmp_path / "nei")})
    assert result.returncode == 2 and "INTEGRERING_BASE_DIR må være en mappe som finnes" in result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_SECRET_KEY"}
    result = run_cli("check", env=env)
    assert result.returncode == 2
    assert "DJANGO_SECRET_KEY må være satt" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_boolean_names_the_variable(monkeypatch):
    monkeypatch.setenv("DJANGO_DEBUG", "kanskje")
    with pytest.raises(ConfigError, match="DJANGO_DEBUG"):
        env_bool("DJANGO_DEBUG", False)


def test_typed_helpers_parse_good_values_and_reject_bad_ones(monkeypatch):
    monkeypatch.setenv("X_INT", "12")
    assert env_int("X_INT", 1) == 12
    monkeypatch.setenv("X_INT", "tolv")
    with pytest.raises(ConfigError, match="X_INT"):
        env_int("X_INT", 1)
    monkeypatch.setenv("X_INT", "0")
    with pytest.raises(ConfigError, match="minst 1"):
        env_int("X_INT", 1, minimum=1)
    monkeypatch.setenv("X_LIST", "a.no, b.no")
    assert env_list("X_LIST", []) == ["a.no", "b.no"]
    monkeypatch.setenv("X_LIST", " , ")
    with pytest.raises(ConfigError):
        env_list("X_LIST", [])
    monkeypatch.delenv("X_STR", raising=False)
    assert env_str("X_STR", "standard") == "standard"


def test_responses_carry_a_content_security_policy_without_inline_scripts(client):
    response = client.get("/logg-inn/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "<script>" not in response.content.decode()


@pytest.mark.parametrize(
    "url, words",
    [
        ("mysql://u:hemmelig@h/db", "DATABASE_URL må begynne med sqlite:/// eller postgres://"),
        ("u:hemmelig@h/db", "uten skjema"),
        ("postgres://u:hemmelig@h:ikkeport/db", "DATABASE_URL kan ikke tolkes"),
    ],
)
def test_an_unsupported_or_broken_database_url_is_a_configuration_error(url, words):
    result = run_cli("check", env={"DJANGO_DEBUG": "1", "DATABASE_URL": url})
    assert result.returncode == 2
    assert words in result.stderr
    assert "Traceback" not in result.stderr and "hemmelig" not in result.stderr


@pytest.mark.parametrize("level", ["debug", "Warning", "ERROR"])
def test_the_log_level_is_read_case_insensitively(level):
    result = run_cli("check", env={"DJANGO_DEBUG": "1", "LOG_LEVEL": level})
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_unknown_log_level_names_the_variable_and_exits_2():
    result = run_cli("check", env={"DJANGO_DEBUG": "1", "LOG_LEVEL": "foo"})
    assert result.returncode == 2
    assert "LOG_LEVEL må være en av DEBUG, INFO, WARNING, ERROR, CRITICAL (fikk «foo»)" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("url", ["sqlite:////finnes/ikke/integrering.sqlite3", "postgres://u:hemmelig@127.0.0.1:1/db"])
def test_a_database_that_cannot_be_reached_gives_a_norwegian_message_and_exit_2(url):
    result = run_cli("migrate", "--noinput", env={"DJANGO_DEBUG": "1", "DATABASE_URL": url})
    assert result.returncode == 2
    assert "integrering: databasefeil:" in result.stderr and "Sjekk DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr and "hemmelig" not in result.stderr


def test_a_site_url_that_is_not_an_address_names_the_variable_and_exits_2():
    result = run_cli("check", env={"DJANGO_DEBUG": "1", "SITE_URL": "integrering.fylke.no"})
    assert result.returncode == 2
    assert "SITE_URL må være adressen til applikasjonen" in result.stderr
    assert "Traceback" not in result.stderr
    assert run_cli("check", env={"DJANGO_DEBUG": "1", "SITE_URL": "https://integrering.fylke.no/"}).returncode == 0
