"""Reads of API tokens: the county's, for its administrator (never the secret: only its hash is stored)."""

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from integrering.api.models import ApiToken


def tokens_of_county(user) -> QuerySet[ApiToken]:
    return ApiToken.objects.scoped_for(user).select_related("user").order_by("user__username", "name")


def token_of_county(user, pk: int) -> ApiToken:
    found = tokens_of_county(user).filter(pk=pk).first()
    if found is None:
        raise Http404(_("The API token was not found."))
    return found
