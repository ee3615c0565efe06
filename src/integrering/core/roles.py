"""The roles a user can hold (domain.md §1)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COUNTY_ADMIN = "county_admin", _("County administrator")
    ADVISER = "adviser", _("Integration adviser")
    CAREER_COUNSELLOR = "career_counsellor", _("Career counsellor")
    SCHOOL_COORDINATOR = "school_coordinator", _("Upper-secondary coordinator")
    GRANT_CASEWORKER = "grant_caseworker", _("Grant caseworker")
    LEADER = "leader", _("Leader")
    AUDITOR = "auditor", _("Auditor")
    MUNICIPAL_USER = "municipal_user", _("Municipal user")
    # Grants: a person of an organisation, business or municipality that applies (registers themselves).
    APPLICANT = "applicant", _("Applicant")
