"""The client's address for the log-in lockout: X-Forwarded-For only from the configured proxies."""

import pytest

from integrering.core.client_ip import client_ip


def _ip(rf, remote, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return client_ip(rf.get("/", REMOTE_ADDR=remote, **extra))


def test_without_trusted_proxies_the_forwarded_header_is_ignored(rf, settings):
    settings.TRUSTED_PROXIES = []
    assert _ip(rf, "10.0.0.5", "1.2.3.4") == "10.0.0.5"


def test_a_client_that_is_not_a_trusted_proxy_cannot_name_another_address(rf, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "::1"]
    # gunicorn reached directly (not through the proxy): the header is the client's invention.
    assert _ip(rf, "203.0.113.9", "198.51.100.7") == "203.0.113.9"
    assert _ip(rf, "203.0.113.9", "127.0.0.1") == "203.0.113.9"


def test_behind_the_trusted_proxy_the_client_is_the_right_most_untrusted_entry(rf, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/24"]
    assert _ip(rf, "127.0.0.1", "203.0.113.9") == "203.0.113.9"
    # Whatever the client put in front is ignored; a chain of trusted proxies is walked through.
    assert _ip(rf, "127.0.0.1", "6.6.6.6, 203.0.113.9, 10.0.0.7") == "203.0.113.9"
    # A proxy that sent no header (or garbage) leaves the proxy's own address.
    assert _ip(rf, "127.0.0.1") == "127.0.0.1"
    assert _ip(rf, "127.0.0.1", "not-an-address") == "127.0.0.1"
    assert _ip(rf, "127.0.0.1", "6.6.6.6, garbage, 203.0.113.9") == "203.0.113.9"


def test_ipv6_proxies_and_clients(rf, settings):
    settings.TRUSTED_PROXIES = ["::1"]
    assert _ip(rf, "::1", "2001:db8::5") == "2001:db8::5"
    assert _ip(rf, "2001:db8::9", "2001:db8::5") == "2001:db8::9"


@pytest.mark.parametrize(
    "value, fails",
    [("127.0.0.1, 10.0.0.0/8, ::1", False), ("", False), ("127.0.0.1, proxy.example.no", True)],
)
def test_the_proxies_setting_takes_addresses_and_networks_only(value, fails):
    from tests.core.test_settings import run_cli

    result = run_cli("check", env={"DJANGO_DEBUG": "1", "DJANGO_TRUSTED_PROXIES": value})
    if fails:
        assert result.returncode == 2
        assert "DJANGO_TRUSTED_PROXIES" in result.stderr and "proxy.example.no" in result.stderr
        assert "Traceback" not in result.stderr
    else:
        assert result.returncode == 0, result.stderr


def test_the_old_proxy_count_setting_stops_start_up_with_a_pointer_to_the_new_one():
    from tests.core.test_settings import run_cli

    result = run_cli("check", env={"DJANGO_DEBUG": "1", "DJANGO_TRUSTED_PROXY_COUNT": "1"})
    assert result.returncode == 2 and "DJANGO_TRUSTED_PROXIES" in result.stderr
