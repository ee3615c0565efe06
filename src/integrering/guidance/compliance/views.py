"""Compliance: is the sequence mapping → guidance → decision kept, per municipality and for the county."""

from django.shortcuts import render

from integrering.core.permissions import Perm, has_perm, is_municipal_only, requires
from integrering.guidance.compliance import selectors
from integrering.guidance.compliance.describe import describe_versions


@requires(Perm.VIEW_COMPLIANCE)
def compliance(request):
    data = selectors.compliance_for_user(request.user)
    codes = [describe_versions(code, data.versions.get(code, ())) for code in data.codes]
    for row in (*data.rows, data.total):
        row.finding_cells = [(c["code"], row.open_findings.get(c["code"], 0)) for c in codes]
    return render(
        request,
        "guidance/compliance/compliance.html",
        {
            "data": data,
            "codes": codes,
            "can_view_participants": has_perm(request.user, Perm.VIEW_PARTICIPANTS),
            "municipal_only": is_municipal_only(request.user),
        },
    )
