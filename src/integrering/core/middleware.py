from django.conf import settings
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header

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


# «no» (Norwegian, no written form named) is bokmål; «nb-NO», «nn-NO» are their languages.
_BROWSER_LANGUAGES = {"nb": "nb", "no": "nb", "nn": "nn"}


def browser_language(accept_language: str) -> str | None:
    """The first of bokmål and nynorsk the browser asks for (``Accept-Language``), or None."""
    for code, _quality in parse_accept_lang_header(accept_language):
        language = _BROWSER_LANGUAGES.get(code.lower().split("-")[0])
        if language is not None:
            return language
    return None


class UserLanguageMiddleware:
    """The interface language: the logged-in user's saved choice; otherwise the switch's cookie; otherwise the
    browser's ``Accept-Language`` (``nn`` → nynorsk, ``nb``/``no`` → bokmål); otherwise bokmål.

    Runs after Django's LocaleMiddleware (which reads the cookie and Accept-Language, and sets
    ``Content-Language`` and ``Vary`` on the response) and after AuthenticationMiddleware; URLs carry no language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = self._language(request)
        if language is not None:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)

    @staticmethod
    def _language(request) -> str | None:
        supported = {code for code, _name in settings.LANGUAGES}
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language in supported:
            return user.language
        if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) in supported:
            return None  # LocaleMiddleware has applied it
        return browser_language(request.headers.get("Accept-Language", ""))
