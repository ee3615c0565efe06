"""The county administrator's page of API tokens: who has one, when it was last used; make one, revoke one."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from integrering.api import selectors
from integrering.api.forms import TokenCreateForm
from integrering.api.services import api_token_create, api_token_revoke
from integrering.core.form_page import form_page
from integrering.core.permissions import Perm, requires


@requires(Perm.MANAGE_USERS)
@require_GET
def token_list(request):
    return render(request, "api/token_list.html", {"tokens": selectors.tokens_of_county(request.user)})


@requires(Perm.MANAGE_USERS)
@require_POST
def token_revoke(request, pk: int):
    token = api_token_revoke(token=selectors.token_of_county(request.user, pk))
    messages.success(request, _("The token «%(name)s» is revoked.") % {"name": token.name})
    return redirect("api_tokens:list")


@requires(Perm.MANAGE_USERS)
def token_create(request):
    """A token for a user of the county, through the same service as ``create-api-token``. The secret is shown on
    the page that answers the POST, once (not stored, not in a redirect, not cached); only its hash is kept."""
    form = TokenCreateForm(request.POST or None, county=request.user.county)

    def save(data):
        return api_token_create(user=data["user"], name=data["name"], expires=data.get("expires"))

    def shown_once(result):
        token, secret = result
        response = render(request, "api/token_created.html", {"token": token, "secret": secret})
        response["Cache-Control"] = "no-store"
        return response

    return form_page(
        request,
        form,
        "api/token_form.html",
        {},
        save=save,
        success=_("The token was made. Copy it now: it is not shown again."),
        done=shown_once,
    )
