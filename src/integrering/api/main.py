"""The read API for other systems, ``/api/v1/`` (Django Ninja, OpenAPI 3 at ``/api/v1/openapi.json``).

Extension point: a domain app's data joins the API as a router module in this package that reads through
the app's selectors (``api`` is the top layer and may import every domain app), added to :data:`ROUTERS`.
The public grants list (``api/grants.py``) and the activity summaries per municipality (``api/regional.py``)
came that way.

Personal data (participants) is never in this API.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Router, Swagger
from ninja.errors import AuthenticationError, Throttled, ValidationError

from integrering.api import grants, municipalities, regional, settlement
from integrering.api.auth import TokenAuth
from integrering.api.errors import MISSING
from integrering.api.throttling import TokenRateThrottle
from integrering.core.exceptions import ApplicationError

ROUTERS: list[tuple[str, Router]] = [
    ("/kommuner", municipalities.router),
    ("/bosetting", settlement.router),
    ("/tilskudd", grants.router),
    ("/aktiviteter", regional.router),
]


def build_api() -> NinjaAPI:
    api = NinjaAPI(
        title="Integrering API",
        version="1",
        description=(
            "Read API for other systems: municipalities, settlement figures and recommendations, the grants "
            "awarded, and regional activities per municipality."
        ),
        auth=TokenAuth(),
        urls_namespace="api",
        docs=Swagger(settings={"persistAuthorization": False}),
        docs_url="/docs",
        openapi_url="/openapi.json",
        throttle=[TokenRateThrottle()],
    )
    for prefix, router in ROUTERS:
        api.add_router(prefix, router)
    _handle_errors(api)
    return api


def _handle_errors(api: NinjaAPI) -> None:
    @api.exception_handler(ApplicationError)
    def application_error(request: HttpRequest, error: ApplicationError) -> HttpResponse:
        return api.create_response(request, {"detail": str(error), "code": error.code}, status=error.status)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
        return api.create_response(request, {"detail": str(MISSING), "code": "token_rejected"}, status=401)

    @api.exception_handler(Throttled)
    def throttled(request: HttpRequest, error: Throttled) -> HttpResponse:
        wait = int(error.wait or 60) + 1
        response = api.create_response(
            request,
            {
                "detail": _("Too many calls with this token: wait %(seconds)s seconds.") % {"seconds": wait},
                "code": "throttled",
            },
            status=429,
        )
        response["Retry-After"] = str(wait)
        return response

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, error: Http404) -> HttpResponse:
        return api.create_response(request, {"detail": str(error) or _("Not found."), "code": "not_found"}, status=404)

    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, error: ValidationError) -> HttpResponse:
        # Pydantic's messages are English; say in Norwegian which parameter is wrong, keep the location.
        fields = [".".join(str(p) for p in e.get("loc", ()) if p not in ("query", "path")) for e in error.errors]
        return api.create_response(
            request,
            {
                "detail": _("Invalid value for: %(fields)s.") % {"fields": ", ".join(f for f in fields if f)},
                "code": "invalid",
                "fields": fields,
            },
            status=422,
        )


api = build_api()
