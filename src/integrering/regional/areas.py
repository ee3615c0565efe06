"""The county's seven areas of responsibility in integration (domain.md §2), and what an activity counts."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Area(models.IntegerChoices):
    SETTLEMENT = 1, _("1 Settlement")
    GUIDANCE = 2, _("2 Guidance and competence building for municipalities")
    SOCIAL_CONTROL = 3, _("3 Preventing negative social control")
    VOLUNTARY = 4, _("4 Follow-up of voluntary organisations")
    GRANTS = 5, _("5 Grant schemes")
    SECTOR = 6, _("6 Cooperation with regional sector authorities")
    EXTENDED = 7, _("7 Extended duties (Integration Act § 4)")


# The four areas the regional app is the home of; the others have their own apps but an activity may serve them.
REGIONAL_AREAS = (Area.GUIDANCE, Area.SOCIAL_CONTROL, Area.VOLUNTARY, Area.SECTOR)


class Topic(models.TextChoices):
    """Topics of an activity in area 3 (the national action plans)."""

    SOCIAL_CONTROL = "negative_social_control", _("Negative social control")
    HONOUR_VIOLENCE = "honour_related_violence", _("Honour-related violence")
    FORCED_MARRIAGE = "forced_marriage", _("Forced marriage")
    FGM = "female_genital_mutilation", _("Female genital mutilation")
    STAY_ABROAD = "involuntary_stay_abroad", _("Involuntary stay abroad")


class TargetGroup(models.TextChoices):
    MUNICIPAL_STAFF = "municipal_staff", _("Municipal staff")
    REFUGEE_SERVICES = "refugee_services", _("Refugee services")
    SCHOOLS = "schools", _("Schools")
    NAV = "nav", _("NAV")
    HEALTH = "health", _("Health services")
    VOLUNTARY = "voluntary", _("Voluntary organisations")
    REFUGEES = "refugees", _("Refugees and immigrants")
    LEADERS = "leaders", _("Leaders and politicians")
    OTHERS = "others", _("Others")


# (model field, label): participants are counted by sector, never named.
PARTICIPANT_SECTORS = (
    ("participants_municipal_staff", _("municipal staff")),
    ("participants_refugee_services", _("refugee services")),
    ("participants_schools", _("schools")),
    ("participants_nav", _("NAV")),
    ("participants_health", _("health")),
    ("participants_voluntary", _("voluntary")),
    ("participants_themselves", _("participants themselves")),
    ("participants_others", _("others")),
)
