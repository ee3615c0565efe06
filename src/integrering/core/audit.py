"""Audit: changes of records (django-auditlog) and reads of personal data (PersonalDataAccess).

Apps register their models with :func:`track` in ``AppConfig.ready``. A model may define
``get_additional_data()`` returning ``{"county": "<number>"}`` so that changes made without a
logged-in user (imports from the command line) still show in the county's audit page.
"""

from collections.abc import Iterable

from auditlog.registry import auditlog
from django.utils.translation import gettext_lazy as _

from integrering.core.models import County, PersonalDataAccess, User, UserRole
from integrering.core.registry import read_action_register

# How the audit page names a read (``PersonalDataAccess.action``); apps may register more, unknown ones show as stored.
READ_ACTIONS = {
    "view": _("Opened the page"),
    "view_national_id": _("Saw the identity number"),
    "list": _("Saw in a list"),
    "export": _("Exported"),
}


def track(model, **options) -> None:
    """Log every create/update/delete of ``model``'s records (its own fields; reverse relations are not
    fields of the record and would log as «app.Model.None»)."""
    if auditlog.contains(model):
        return
    reverse = [f.name for f in model._meta.get_fields() if f.auto_created and not f.concrete]
    if "include_fields" not in options:
        options["exclude_fields"] = [*options.get("exclude_fields", []), *reverse]
    auditlog.register(model, **options)


def tracked_models() -> list:
    """The models whose changes are in the audit log (what the record-type filter offers)."""
    return list(auditlog.get_models())


def register_models() -> None:
    for code, label in READ_ACTIONS.items():
        read_action_register(code, label)
    track(User, exclude_fields=["password", "last_login", "version"])
    track(UserRole)
    track(County)


def personal_data_list_log(*, user, record_ids: Iterable, description: str):
    """Record that a list page showed ``user`` these participants (names, birth dates); nothing if it was empty."""
    ids = list(record_ids)
    if ids:
        personal_data_read_log(
            user=user, action="list", record_type="participant", record_ids=ids, description=description
        )


def personal_data_read_log(
    *, user, action: str, record_type: str, record_ids: Iterable, description: str = "", county=None
):
    """Record that ``user`` read personal data of the given records (a page view or an export).

    ``user`` is None for a command-line export; then ``county`` says whose data it was.
    """
    return PersonalDataAccess.objects.create(
        user=user,
        county_id=county.pk if county is not None else user.county_id,
        action=action,
        record_type=record_type,
        record_ids=sorted({int(i) if str(i).isdigit() else str(i) for i in record_ids}, key=str),
        description=description[:255],
    )
