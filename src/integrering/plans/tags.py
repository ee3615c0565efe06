"""What another app's page shows of the plan: the measures a record serves, and where to edit that (registered
with ``core.registry.measure_tags_register``)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from integrering.core.permissions import Perm, has_perm
from integrering.plans.measures.selectors import measures_serving


def measure_tags(*, user: Any, kind: str, object_id: int) -> tuple[list[tuple[str, str]], str | None]:
    if not has_perm(user, Perm.VIEW_PLANS):
        return [], None
    measures = measures_serving(user=user, kind=kind, object_id=object_id)
    tags = [(f"{m.identifier} {m.title}", reverse("plans:measure", args=[m.pk])) for m in measures]
    edit = f"{reverse('plans:record_tags')}?type={kind}&id={object_id}" if has_perm(user, Perm.EDIT_PLANS) else None
    return tags, edit
