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
