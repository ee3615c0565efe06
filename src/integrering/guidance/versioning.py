"""Optimistic lock for the guidance records that carry a ``version`` (participant, case, enrolment).

version_check(instance, version)   # ``version`` (if given) must match the stored one, else ConcurrentEdit
version_bump(instance, version)    # the same check, then the caller's save writes version + 1
"""

from integrering.guidance.errors import ConcurrentEdit


def version_check(instance, version: int | None) -> None:
    """Optimistic lock: ``version`` (if given) must match the stored one."""
    if version is not None:
        stored = type(instance).objects.filter(pk=instance.pk).values_list("version", flat=True).first()
        if stored != version:
            raise ConcurrentEdit("Noen andre har endret dette i mellomtiden. Last siden på nytt og prøv igjen.")


def version_bump(instance, version: int | None) -> None:
    """Optimistic lock: ``version`` must match the stored one; the save bumps it."""
    version_check(instance, version)
    instance.version += 1
