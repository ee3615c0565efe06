"""The single sign-on pages: start (to the provider), callback (back from it), and «no access yet».

Every way a callback can go wrong — an error from the provider, a missing or wrong state, a nonce or signature
that does not match, a code used twice, a provider that does not answer, a person this application refuses —
ends on a page that says what happened, in Norwegian, never a 500.
"""

from __future__ import annotations

import logging
import re

import jwt
import requests
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from integrering.accounts.oidc import config
from integrering.core.exceptions import ApplicationError
from integrering.core.permissions import permissions_of, public

logger = logging.getLogger(__name__)


def failure_page(request, reason: str, *, status: int = 400) -> HttpResponse:
    """The log-in did not succeed: why, and a way back to the log-in page. Nothing of it stays in the session."""
    if hasattr(request, "session"):
        request.session.pop("oidc_id_token", None)
    return render(request, "accounts/oidc/failure.html", {"reason": reason}, status=status)


class _Start(OIDCAuthenticationRequestView):
    get_settings = staticmethod(config.setting)


class _Callback(OIDCAuthenticationCallbackView):
    get_settings = staticmethod(config.setting)

    def login_failure(self):
        return failure_page(self.request, _("The log-in did not succeed. Try again, or contact the administrator."))

    def login_success(self):
        if not permissions_of(self.user):
            # Known now, but without a role: not logged in; the administrator gives the role.
            self.request.session.pop("oidc_id_token", None)
            return redirect("oidc:no_access")
        return super().login_success()

    def get(self, request):
        error = request.GET.get("error")
        if error:
            super().get(request)  # forgets the state of this attempt and logs out, as the library does
            code = error if re.fullmatch(r"[a-z_]{1,64}", error) else "error"
            if code in ("access_denied", "consent_required", "login_required", "interaction_required"):
                reason = _("The log-in was cancelled or refused at the log-in service (%(code)s).")
            else:
                reason = _(
                    "The log-in service answered with an error (%(code)s). Try again, or contact the administrator."
                )
            return failure_page(request, reason % {"code": code}, status=400)
        if not request.GET.get("code") or not request.GET.get("state"):
            return failure_page(request, _("The answer from the log-in service is incomplete. Start the log-in again."))
        if request.GET["state"] not in (request.session.get("oidc_states") or {}):
            return failure_page(
                request,
                _(
                    "This log-in was not started from this browser, or it was used already or has expired "
                    "(the state does not match). Start the log-in again."
                ),
            )
        try:
            return super().get(request)
        except ApplicationError as refused:
            return failure_page(request, refused.user_message, status=refused.status)
        except (SuspiciousOperation, jwt.PyJWTError) as error:
            logger.warning("Single sign-on: the answer could not be verified: %s", error)
            return failure_page(
                request,
                _(
                    "The answer from the log-in service could not be verified, so you were not logged in. Start the log-in again."
                ),
            )
        except requests.RequestException as error:
            logger.warning("Single sign-on: the provider refused or did not answer: %s", error)
            return failure_page(
                request,
                _(
                    "The log-in service did not accept the log-in (it may have been used already or expired), or it "
                    "did not answer. Start the log-in again."
                ),
            )
        except Exception:  # noqa: BLE001 — the boundary to another system: a clear page, and the trace in the log
            logger.exception("Single sign-on: the callback failed")
            return failure_page(request, _("The log-in did not succeed. Try again, or contact the administrator."))


_start = _Start.as_view()
_callback = _Callback.as_view()


@public
def start(request):
    """To the provider's log-in (with state, nonce and PKCE in the session); ``?next=`` is where to go after."""
    if not config.enabled():
        raise Http404
    try:
        return _start(request)
    except ApplicationError as error:
        return failure_page(request, error.user_message, status=error.status)


@public
def callback(request):
    if not config.enabled():
        raise Http404
    try:
        return _callback(request)
    except ApplicationError as error:  # the discovery document, when the view is made
        return failure_page(request, error.user_message, status=error.status)


@public
def no_access(request):
    """The person is known now, but has no role: the county administrator gives one (README «Single sign-on»)."""
    if not config.enabled():
        raise Http404
    return render(request, "accounts/oidc/no_access.html", status=403)
