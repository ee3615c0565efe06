"""The county administrator's page of API tokens: who has one, when it was last used; revoke it."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from integrering.api import selectors
from integrering.api.services import api_token_revoke
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
