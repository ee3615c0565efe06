"""The guidance app's models, one module per sub-domain, imported here so that Django and the migrations find
them under the app label ``guidance`` (moving a model between the sub-domain modules changes no migration).
"""

from integrering.guidance.cases.models import (
    CaseStatus,
    GuidanceCase,
    GuidanceSession,
    Recommendation,
    Referral,
    ReferralStatus,
    SessionMode,
)
from integrering.guidance.compliance.models import ParticipantFinding
from integrering.guidance.participants.models import Participant
from integrering.guidance.training.models import TargetLevel, TrainingEnrolment

__all__ = [
    "CaseStatus",
    "GuidanceCase",
    "GuidanceSession",
    "Participant",
    "ParticipantFinding",
    "Recommendation",
    "Referral",
    "ReferralStatus",
    "SessionMode",
    "TargetLevel",
    "TrainingEnrolment",
]
