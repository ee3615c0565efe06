from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from integrering.core.languages import supported_languages
from integrering.core.models import User
from integrering.core.permissions import public


@public
def health(request):
    """For the load balancer and monitoring: the application answers (no database, no login)."""
    return HttpResponse("ok", content_type="text/plain")


@public
@require_POST
def language_switch(request):
    """The language switch in the header: the chosen language (``language``: nb or nn) is saved on a logged-in
    user and, for everyone, in the language cookie; then back to ``next`` (this site only, else the start page).
    An unknown language changes nothing."""
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("home")
    response = redirect(target)
    language = request.POST.get("language", "")
    if language not in supported_languages():
        return response
    if request.user.is_authenticated:
        User.objects.filter(pk=request.user.pk).update(language=language)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
