"""The client's address for the log-in lockout, behind trusted reverse proxies only."""


def test_without_trusted_proxies_the_forwarded_header_is_ignored(rf, settings):
    from integrering.core.client_ip import client_ip

    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4", REMOTE_ADDR="10.0.0.5")) == "10.0.0.5"
    settings.TRUSTED_PROXY_COUNT = 2
    assert (
        client_ip(rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 1.2.3.4, 10.0.0.9", REMOTE_ADDR="10.0.0.5")) == "1.2.3.4"
    )
    assert client_ip(rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4", REMOTE_ADDR="10.0.0.5")) == "10.0.0.5"
