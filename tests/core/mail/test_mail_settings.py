"""E-mail settings from the environment: which backend, which port, and clear errors for bad values."""

import os
import runpy
import subprocess
import sys

import pytest

import integrering.settings
from integrering.core.mail.checks import UNCONFIGURED_BACKEND, mail_settings_check
from integrering.env import ConfigError

PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "a-production-secret-key-that-is-long-enough-0123456789abcdef",
    "DJANGO_ALLOWED_HOSTS": "integrering.example.org",
}
DEVELOPMENT = {"DJANGO_DEBUG": "1"}
MAIL_VARIABLES = ("EMAIL_", "DEFAULT_FROM_EMAIL", "SERVER_EMAIL", "DJANGO_")


@pytest.fixture
def settings_from(monkeypatch):
    """settings_from(env) → the names settings.py defines when the environment is exactly ``env``."""

    def load(env: dict) -> dict:
        for name in list(os.environ):
            if name.startswith(MAIL_VARIABLES) and name != "DJANGO_SETTINGS_MODULE":
                monkeypatch.delenv(name)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        return runpy.run_path(integrering.settings.__file__)

    return load


@pytest.mark.parametrize(
    "env, backend, port",
    [
        (DEVELOPMENT, "django.core.mail.backends.console.EmailBackend", 25),
        (DEVELOPMENT | {"EMAIL_HOST": "smtp.example.org"}, "django.core.mail.backends.smtp.EmailBackend", 25),
        (DEVELOPMENT | {"EMAIL_HOST": "smtp.example.org", "EMAIL_USE_TLS": "1"}, "smtp.EmailBackend", 587),
        (DEVELOPMENT | {"EMAIL_HOST": "smtp.example.org", "EMAIL_USE_SSL": "ja"}, "smtp.EmailBackend", 465),
        (DEVELOPMENT | {"EMAIL_HOST": "smtp.example.org", "EMAIL_PORT": "2525"}, "smtp.EmailBackend", 2525),
        (PRODUCTION, UNCONFIGURED_BACKEND, 25),
    ],
    ids=["development console", "smtp", "starttls", "ssl", "own port", "production without a server"],
)
def test_the_backend_and_port_follow_the_environment(settings_from, env, backend, port):
    loaded = settings_from(env)
    assert loaded["EMAIL_BACKEND"].endswith(backend) and loaded["EMAIL_PORT"] == port


def test_the_server_is_reached_with_the_configured_credentials_and_timeout(settings_from):
    loaded = settings_from(
        PRODUCTION
        | {
            "EMAIL_HOST": "smtp.example.org",
            "EMAIL_USE_TLS": "1",
            "EMAIL_HOST_USER": "integrering",
            "EMAIL_HOST_PASSWORD": "hemmelig",
            "EMAIL_TIMEOUT": "20",
            "DEFAULT_FROM_EMAIL": "integrering@example.org",
        }
    )
    assert (loaded["EMAIL_HOST"], loaded["EMAIL_HOST_USER"], loaded["EMAIL_HOST_PASSWORD"]) == (
        "smtp.example.org",
        "integrering",
        "hemmelig",
    )
    assert loaded["EMAIL_TIMEOUT"] == 20 and loaded["EMAIL_USE_TLS"] and not loaded["EMAIL_USE_SSL"]


def test_the_sender_may_carry_a_display_name_and_the_server_address_defaults_to_it(settings_from):
    sender = "Trøndelag fylkeskommune <integrering@trondelag.example.no>"
    loaded = settings_from(DEVELOPMENT | {"DEFAULT_FROM_EMAIL": sender})
    assert loaded["DEFAULT_FROM_EMAIL"] == loaded["SERVER_EMAIL"] == sender


@pytest.mark.parametrize(
    "env, words",
    [
        ({"EMAIL_USE_TLS": "1", "EMAIL_USE_SSL": "1"}, "EMAIL_USE_TLS og EMAIL_USE_SSL kan ikke begge være 1"),
        ({"EMAIL_PORT": "70000"}, "EMAIL_PORT må være et portnummer fra 1 til 65535"),
        ({"EMAIL_PORT": "smtp"}, "EMAIL_PORT må være et heltall"),
        ({"EMAIL_TIMEOUT": "0"}, "EMAIL_TIMEOUT må være minst 1"),
        ({"EMAIL_USE_TLS": "kanskje"}, "EMAIL_USE_TLS må være 0 eller 1"),
        ({"EMAIL_HOST_USER": "integrering"}, "EMAIL_HOST_USER og EMAIL_HOST_PASSWORD må settes sammen"),
        ({"EMAIL_HOST_PASSWORD": "hemmelig"}, "EMAIL_HOST_USER og EMAIL_HOST_PASSWORD må settes sammen"),
        ({"DEFAULT_FROM_EMAIL": "integrering"}, "DEFAULT_FROM_EMAIL må være én e-postadresse"),
        ({"DEFAULT_FROM_EMAIL": "a@example.org, b@example.org"}, "DEFAULT_FROM_EMAIL må være én e-postadresse"),
        ({"SERVER_EMAIL": "drift@"}, "SERVER_EMAIL må være én e-postadresse"),
    ],
    ids=["tls and ssl", "port too high", "port not a number", "timeout", "tls not a boolean", "user alone",
         "password alone", "sender not an address", "two senders", "server address"],
)  # fmt: skip
def test_a_bad_mail_setting_is_a_configuration_error_naming_it(settings_from, env, words):
    with pytest.raises(ConfigError) as raised:
        settings_from(DEVELOPMENT | env)
    assert words in str(raised.value) and "hemmelig" not in str(raised.value)


def test_production_with_a_mail_server_needs_its_own_sender_address(settings_from):
    with pytest.raises(ConfigError, match="DEFAULT_FROM_EMAIL må være satt"):
        settings_from(PRODUCTION | {"EMAIL_HOST": "smtp.example.org"})


def test_a_bad_mail_setting_stops_the_command_with_exit_2_and_no_traceback():
    env = {k: v for k, v in os.environ.items() if not k.startswith(MAIL_VARIABLES)}
    result = subprocess.run(
        [sys.executable, "-m", "integrering.cli", "check"],
        env=env | DEVELOPMENT | {"EMAIL_USE_TLS": "1", "EMAIL_USE_SSL": "1"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "konfigurasjonsfeil: EMAIL_USE_TLS og EMAIL_USE_SSL" in result.stderr and "Traceback" not in result.stderr


def test_the_deploy_check_warns_when_production_has_no_mail_server():
    env = {k: v for k, v in os.environ.items() if not k.startswith(MAIL_VARIABLES)} | PRODUCTION
    result = subprocess.run(
        [sys.executable, "-m", "integrering.cli", "check", "--deploy"], env=env, capture_output=True, text=True
    )
    assert "integrering.W001" in result.stderr and "EMAIL_HOST er ikke satt" in result.stderr
    assert "integrering send-test-email --to ADRESSE" in result.stderr


def test_the_check_warns_when_the_password_would_travel_unencrypted(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD = "smtp.example.org", "i", "hemmelig"
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    [warning] = mail_settings_check()
    assert warning.id == "integrering.W002" and "ukryptert" in warning.msg and "hemmelig" not in warning.msg
    settings.EMAIL_USE_TLS = True
    assert mail_settings_check() == []
    settings.EMAIL_USE_TLS, settings.EMAIL_HOST = False, "localhost"
    assert mail_settings_check() == []


def test_the_check_is_quiet_in_development_without_a_mail_server(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    settings.EMAIL_HOST = settings.EMAIL_HOST_PASSWORD = ""
    assert mail_settings_check() == []
