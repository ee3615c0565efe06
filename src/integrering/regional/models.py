"""The regional app's models, one module per sub-domain, imported here so that Django and the migrations find them
under the app label ``regional``."""

from integrering.regional.activities.calendar import CalendarFeed
from integrering.regional.activities.models import (
    Activity,
    ActivityArea,
    ActivityAttachment,
    ActivityStatus,
    ActivityType,
    FollowUpAction,
)
from integrering.regional.organisations.models import Organisation, OrganisationContact
from integrering.regional.partners.models import (
    ActionPoint,
    ActionStatus,
    Agreement,
    Forum,
    Meeting,
    Partner,
    PartnerKind,
)
from integrering.regional.requests.models import GuidanceRequest, RequestStatus, RequestTopic

__all__ = [
    "CalendarFeed",
    "ActionPoint",
    "ActionStatus",
    "Agreement",
    "Forum",
    "Meeting",
    "Partner",
    "PartnerKind",
    "Organisation",
    "OrganisationContact",
    "GuidanceRequest",
    "RequestStatus",
    "RequestTopic",
    "Activity",
    "ActivityArea",
    "ActivityAttachment",
    "ActivityStatus",
    "ActivityType",
    "FollowUpAction",
]
