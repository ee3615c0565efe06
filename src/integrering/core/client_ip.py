"""The client's IP address for django-axes (lockouts per user and address), trusting only configured proxies.

``TRUSTED_PROXIES`` (``DJANGO_TRUSTED_PROXIES``: addresses or networks, e.g. ``127.0.0.1,::1`` for an nginx on
the same machine) lists the reverse proxies in front of the app. ``X-Forwarded-For`` is read only when the
connection itself comes from one of them; then the client is the right-most entry that is not a trusted
proxy (each proxy appends the address it saw; everything further left was written by the client and may be
made up). A connection from anywhere else is the client: whatever ``X-Forwarded-For`` it sends is ignored, so
a client cannot escape the lockout by inventing addresses.
"""

from __future__ import annotations

import functools
import ipaddress

from django.conf import settings

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@functools.cache
def proxy_networks(values: tuple[str, ...]) -> tuple[Network, ...]:
    """Addresses/networks (``10.0.0.5``, ``10.0.0.0/24``, ``::1``; checked when the settings load)."""
    return tuple(ipaddress.ip_network(value.strip(), strict=False) for value in values)


def _address(value: str | None) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address((value or "").strip())
    except ValueError:
        return None


def _trusted(address, networks: tuple[Network, ...]) -> bool:
    return address is not None and any(address in network for network in networks)


def client_ip(request) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    networks = proxy_networks(tuple(settings.TRUSTED_PROXIES))
    if not _trusted(_address(remote), networks):
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    client = remote
    for entry in reversed(forwarded):
        address = _address(entry)
        if address is None:
            break  # not an address: what is left of it cannot be trusted either
        client = str(address)
        if not _trusted(address, networks):
            break
    return client
