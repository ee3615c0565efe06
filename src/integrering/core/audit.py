"""Audit: changes of records (django-auditlog) and reads of personal data (PersonalDataAccess).

Apps register their models with :func:`track` in ``AppConfig.ready``. A model may define
``get_additional_data()`` returning ``{"county": "<number>"}`` so that changes made without a
logged-in user (imports from the command line) still show in the county's audit page.
"""

from collections.abc import Iterable

from auditlog.registry import auditlog


def track(model, **options) -> None:
    if not auditlog.contains(model):
        auditlog.register(model, **options)


def register_models() -> None:
    from integrering.core.models import County, User, UserRole

    track(User, exclude_fields=["password", "last_login"])
    track(UserRole)
    track(County)


def personal_data_read_log(
    *, user, action: str, record_type: str, record_ids: Iterable, description: str = "", county=None
):
    """Record that ``user`` read personal data of the given records (a page view or an export).

    ``user`` is None for a command-line export; then ``county`` says whose data it was.
    """
    from integrering.core.models import PersonalDataAccess

    return PersonalDataAccess.objects.create(
        user=user,
        county_id=county.pk if county is not None else user.county_id,
        action=action,
        record_type=record_type,
        record_ids=sorted({int(i) if str(i).isdigit() else str(i) for i in record_ids}, key=str),
        description=description[:255],
    )
