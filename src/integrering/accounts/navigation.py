"""The navigation, by area of responsibility, showing only what the user may open (a context processor).

Each app registers its area in ``AppConfig.ready()`` (``core.registry.navigation_register``); this top
layer composes them for the menu in ``base.html`` and the start page.
"""

from django.urls import reverse

from integrering.core.permissions import permissions_of
from integrering.core.registry import navigation_areas


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"navigation": []}
    perms = permissions_of(user)
    areas = []
    for area in navigation_areas():
        links = [(link.label, reverse(link.url_name)) for link in area.links if link.permission in perms]
        if links:
            areas.append({"label": area.label, "links": links})
    return {"navigation": areas, "user_permissions": {p.value for p in perms}}
