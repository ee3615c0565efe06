"""The navigation, by area of responsibility, showing only what the user may open."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from integrering.core.permissions import Perm, permissions_of

# (area, [(label, url name, permission)]). Later apps add their areas here.
NAVIGATION = [
    (
        _("Municipalities"),
        [
            (_("Municipalities"), "municipalities:list", Perm.VIEW_MUNICIPALITIES),
            (_("Contact persons"), "municipalities:contacts", Perm.VIEW_MUNICIPALITIES),
        ],
    ),
    (
        _("Settlement"),
        [
            (_("Settlement years"), "settlement:years", Perm.VIEW_SETTLEMENT),
            (_("Distribution criteria"), "settlement:criteria", Perm.EDIT_SETTLEMENT),
        ],
    ),
    (
        _("Career guidance"),
        [
            (_("Queue"), "guidance:queue", Perm.MANAGE_GUIDANCE),
            (_("Participants"), "guidance:participants", Perm.VIEW_PARTICIPANTS),
            (_("Norwegian training (§ 30)"), "guidance:training", Perm.MANAGE_TRAINING),
            (_("Compliance"), "guidance:compliance", Perm.VIEW_COMPLIANCE),
        ],
    ),
    (
        _("Administration"),
        [
            (_("Users"), "core:users", Perm.MANAGE_USERS),
            (_("Audit log"), "core:audit", Perm.VIEW_AUDIT),
        ],
    ),
]


def _url(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"navigation": []}
    perms = permissions_of(user)
    areas = []
    for area, items in NAVIGATION:
        links = [(label, url) for label, name, perm in items if perm in perms and (url := _url(name))]
        if links:
            areas.append({"label": area, "links": links})
    return {"navigation": areas, "user_permissions": {p.value for p in perms}}
