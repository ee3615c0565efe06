"""Rate limit per token (``API_CALLS_PER_MINUTE``): a client over the limit gets 429 with the seconds to wait."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from ninja.throttling import SimpleRateThrottle


class TokenRateThrottle(SimpleRateThrottle):
    scope = "api-token"

    def __init__(self) -> None:
        super().__init__(f"{settings.API_CALLS_PER_MINUTE}/m")

    def get_cache_key(self, request: HttpRequest) -> str | None:
        self.num_requests = settings.API_CALLS_PER_MINUTE  # read per call: a changed setting applies at once
        token = getattr(request, "api_token", None)
        if token is None:
            return None  # not authenticated: the 401 comes first
        return self.cache_format % {"scope": self.scope, "ident": token.pk}
