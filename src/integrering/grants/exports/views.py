"""The grants report as XLSX (the same rows as ``integrering grants-report``)."""

from django.http import HttpResponse

from integrering.core.permissions import Perm, requires
from integrering.grants.exports.selectors import grants_report_rows, grants_report_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@requires(Perm.VIEW_GRANTS)
def report_xlsx(request, year: int):
    rows, sums = grants_report_rows(county=request.user.county_id, year=year, scheme_code=request.GET.get("ordning"))
    response = HttpResponse(grants_report_xlsx(rows, sums), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="tilskudd-{year}.xlsx"'
    return response
