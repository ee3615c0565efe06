"""The client's IP address for django-axes (lockouts per user and address) behind trusted reverse proxies.

With ``DJANGO_TRUSTED_PROXY_COUNT`` = N > 0, each of the N proxies in front of the app appends the address
it saw to X-Forwarded-For, so the client is the N-th entry from the right; entries further left were sent
by the client and are not trusted. Without proxies (N = 0) it is REMOTE_ADDR.
"""

from django.conf import settings


def client_ip(request) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    return forwarded[-count] if len(forwarded) >= count else remote
