"""A participant's facts: the input to the rules.

Every fact except ``evaluation_date`` may be ``None``, meaning *unknown* (not registered). The rules
never report a finding that needs a fact they do not have, except those defined on absence
(``MAPPING_MISSING``, ``GUIDANCE_MISSING``, ``DECISION_OVERDUE`` without a decision).

Categorical facts are plain strings from the tuples below (the ``StrEnum`` members compare equal to
them), so a Django ``choices`` can be built from the ``*_LABELS`` dicts.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any

from integrering.i18n import gettext_noop


class PermitCategory(StrEnum):
    FLYKTNING = "flyktning"
    OVERFORINGSFLYKTNING = "overforingsflyktning"
    STERKE_MENNESKELIGE_HENSYN = "sterke_menneskelige_hensyn"
    BEGRENSET_BARNEFAMILIE = "begrenset_barnefamilie"
    KOLLEKTIV_BESKYTTELSE = "kollektiv_beskyttelse"
    FAMILIE_TIL_FLYKTNING = "familie_til_flyktning"
    SELVSTENDIG_GRUNNLAG = "selvstendig_grunnlag"
    ANNEN = "annen"


class EducationLevel(StrEnum):
    INGEN = "ingen"
    GRUNNSKOLE = "grunnskole"
    VIDEREGAENDE = "videregaende"
    HOYERE = "hoyere"


class EndGoal(StrEnum):
    VIDEREGAENDE = "videregaende"
    ARBEID = "arbeid"
    HOYERE_UTDANNING = "hoyere_utdanning"
    GRUNNSKOLE = "grunnskole"
    ANNET = "annet"


PERMIT_CATEGORIES: tuple[str, ...] = tuple(m.value for m in PermitCategory)
EDUCATION_LEVELS: tuple[str, ...] = tuple(m.value for m in EducationLevel)
END_GOALS: tuple[str, ...] = tuple(m.value for m in EndGoal)

# Keys are plain ``str`` values (not enum members), so they serialise anywhere (JSON, migrations). Values are English
# source strings (marked, not translated): show them through gettext (Django: ``gettext_lazy`` in the choices).
PERMIT_CATEGORY_LABELS: dict[str, str] = {
    PermitCategory.FLYKTNING.value: gettext_noop("Refugee"),
    PermitCategory.OVERFORINGSFLYKTNING.value: gettext_noop("Resettlement refugee"),
    PermitCategory.STERKE_MENNESKELIGE_HENSYN.value: gettext_noop("Residence on strong humanitarian grounds"),
    PermitCategory.BEGRENSET_BARNEFAMILIE.value: gettext_noop("Limited residence permit (family with children)"),
    PermitCategory.KOLLEKTIV_BESKYTTELSE.value: gettext_noop("Collective protection"),
    PermitCategory.FAMILIE_TIL_FLYKTNING.value: gettext_noop("Family member of a refugee"),
    PermitCategory.SELVSTENDIG_GRUNNLAG.value: gettext_noop("Independent basis of residence"),
    PermitCategory.ANNEN.value: gettext_noop("Other permit"),
}
EDUCATION_LEVEL_LABELS: dict[str, str] = {
    EducationLevel.INGEN.value: gettext_noop("No formal education"),
    EducationLevel.GRUNNSKOLE.value: gettext_noop("Primary and lower secondary school"),
    EducationLevel.VIDEREGAENDE.value: gettext_noop("Upper secondary education"),
    EducationLevel.HOYERE.value: gettext_noop("Higher education"),
}
END_GOAL_LABELS: dict[str, str] = {
    EndGoal.VIDEREGAENDE.value: gettext_noop("Completed upper secondary education"),
    EndGoal.ARBEID.value: gettext_noop("Work"),
    EndGoal.HOYERE_UTDANNING.value: gettext_noop("Higher education"),
    EndGoal.GRUNNSKOLE.value: gettext_noop("Primary and lower secondary school"),
    EndGoal.ANNET.value: gettext_noop("Other"),
}

_CHOICES = {
    "permit_category": PERMIT_CATEGORIES,
    "education_level": EDUCATION_LEVELS,
    "end_goal": END_GOALS,
}
_MONTHS = ("planned_duration_months", "extension_months")
_DATES = (
    "birth_date",
    "permit_date",
    "settlement_date",
    "mapping_date",
    "guidance_completed_date",
    "decision_date",
    "programme_start",
)


@dataclass(frozen=True)
class ParticipantFacts:
    """What is known about one participant, as of ``evaluation_date``.

    Dates are ``datetime.date`` (not ``datetime``); months are non-negative whole numbers. Invalid
    values raise ``ValueError`` when the object is made, so the rules only ever see valid facts.
    """

    evaluation_date: date
    birth_date: date | None = None
    permit_category: str | None = None
    permit_date: date | None = None
    settlement_date: date | None = None
    settled_by_agreement: bool | None = None
    education_level: str | None = None
    mapping_date: date | None = None
    guidance_completed_date: date | None = None
    decision_date: date | None = None
    programme_start: date | None = None
    end_goal: str | None = None
    planned_duration_months: int | None = None
    extension_months: int | None = None
    full_time_upper_secondary: bool | None = None

    def __post_init__(self) -> None:
        if not _is_date(self.evaluation_date):
            raise ValueError("evaluation_date must be a date")
        for name in _DATES:
            value = getattr(self, name)
            if value is not None and not _is_date(value):
                raise ValueError(f"{name} must be a date or None")
        for name, allowed in _CHOICES.items():
            value = getattr(self, name)
            if value is not None and value not in allowed:
                raise ValueError(f"{name} must be one of {allowed} or None, not {value!r}")
        for name in _MONTHS:
            value = getattr(self, name)
            if value is not None and (type(value) is not int or value < 0):
                raise ValueError(f"{name} must be a non-negative int or None")
        for name in ("settled_by_agreement", "full_time_upper_secondary"):
            value = getattr(self, name)
            if value is not None and type(value) is not bool:
                raise ValueError(f"{name} must be a bool or None")


def _is_date(value: object) -> bool:
    # datetime is a subclass of date; a time of day has no place among these facts.
    return type(value) is date


#: Events a case goes through, each with the facts that only exist once it has happened.
_EVENTS: dict[str, tuple[str, ...]] = {
    "mapping_date": (),
    "guidance_completed_date": (),
    "decision_date": ("end_goal", "planned_duration_months", "extension_months"),
    "programme_start": (),
}


def facts_as_of(facts: ParticipantFacts) -> ParticipantFacts:
    """The facts as they stood on their ``evaluation_date``: events dated after it had not yet happened.

    A competence mapping, completed guidance, decision or programme start dated after the evaluation date
    becomes unknown; a later decision takes its end goal, duration and extension with it. Facts without a
    date of their own (birth, permit, settlement, education, full-time upper secondary) are kept: whether a
    person was settled yet is for the caller to decide (``settlement_date``).
    """
    later: dict[str, Any] = {}  # field name → None (typed Any: dataclasses.replace checks each field's type)
    for name, belonging in _EVENTS.items():
        day = getattr(facts, name)
        if day is not None and day > facts.evaluation_date:
            later |= dict.fromkeys((name, *belonging))
    return replace(facts, **later) if later else facts
