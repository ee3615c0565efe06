from integrering.guidance.cases.selectors import case_for_user, queue_for_counsellor  # noqa: F401
from integrering.guidance.compliance.selectors import compliance_for_user, municipality_summary  # noqa: F401
from integrering.guidance.participants.selectors import participant_for_user, participants_filter, participants_for_user  # noqa: F401
