from django.conf import settings

from integrering.core.exceptions import ApplicationError


class ContentSecurityPolicyMiddleware:
    """Sends the Content-Security-Policy header on every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        return response


class PrivateCacheMiddleware:
    """``Cache-Control: no-store, private`` on every response to a logged-in user.

    What a logged-in user sees may be personal data (a participant's page, a list, an export, an htmx
    fragment, the audit log): no browser cache, shared proxy or back button may keep it. Marking every
    authenticated response is simpler and safer than remembering it in each view that reads personal
    data; pages for logged-in users are not worth caching anyway. Static files (WhiteNoise, earlier in the
    chain) and the anonymous pages keep their own caching.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response.headers["Cache-Control"] = "no-store, private"
        return response


class ApplicationErrorMiddleware:
    """An :class:`ApplicationError` that escapes a view becomes a page (or an htmx fragment) with the reason.

    Views with a form show the error at the form instead (``core.error_handling.form_error_add``); this is the
    net under everything else, so that broken rules never give a 500. A SQLite database that stays locked
    longer than the busy timeout is answered the same way, as «busy, try again» (503).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from integrering.core.error_handling import application_error_response, busy_error

        error = exception if isinstance(exception, ApplicationError) else busy_error(exception)
        if error is None:
            return None
        return application_error_response(request, error)
