"""The grants app's models, defined in its sub-domain packages and gathered here (the migrations name them as
``grants.<Model>`` whichever package defines them)."""

from integrering.grants.applicants.models import Membership, Organisation
from integrering.grants.applications.models import Application, ReferenceCounter
from integrering.grants.applications.status import Status
from integrering.grants.assessment.models import Assessment, ImpartialityDeclaration
from integrering.grants.calls.models import Call
from integrering.grants.decisions.models import DecisionLetter, LetterKind
from integrering.grants.payments.models import Payment, PaymentStatus
from integrering.grants.reclaims.models import Reclaim, ReclaimStatus
from integrering.grants.reminders.models import SentReminder
from integrering.grants.reports.models import Report
from integrering.grants.reports.status import ReportKind, ReportStatus
from integrering.grants.schemes.models import ApplicantKind, Scheme

__all__ = [
    "ApplicantKind",
    "Application",
    "Assessment",
    "Call",
    "DecisionLetter",
    "ImpartialityDeclaration",
    "LetterKind",
    "Membership",
    "Organisation",
    "Payment",
    "PaymentStatus",
    "Reclaim",
    "ReclaimStatus",
    "ReferenceCounter",
    "Report",
    "ReportKind",
    "ReportStatus",
    "Scheme",
    "SentReminder",
    "Status",
]
