"""The annual report's page (a year, each section's introduction editable) and its download (JSON, PDF, DOCX)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from integrering.core.languages import letter_language
from integrering.core.permissions import Perm, has_perm, requires
from integrering.plans.annual_report.builder import annual_report_build, section_titles
from integrering.plans.annual_report.render import FORMATS, _sections, annual_report_render
from integrering.plans.annual_report.services import introduction_set


class IntroductionForm(forms.Form):
    section = forms.CharField(widget=forms.HiddenInput)
    text = forms.CharField(
        label=gettext_lazy("Introduction"), required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 4})
    )


def _year(request) -> int:
    try:
        year = int(request.GET.get("aar") or timezone.localdate().year - 1)
    except ValueError:
        year = timezone.localdate().year - 1
    return min(max(year, 2000), 2100)


@requires(Perm.VIEW_PLANS)
def annual_report(request):
    year = _year(request)
    county = request.user.county
    can_edit = has_perm(request.user, Perm.EDIT_PLANS)
    if request.method == "POST" and can_edit:
        form = IntroductionForm(request.POST)
        if form.is_valid() and form.cleaned_data["section"] in section_titles():
            introduction_set(
                county=county, year=year, section=form.cleaned_data["section"], text=form.cleaned_data["text"]
            )
            messages.success(request, _("The introduction was saved."))
            return redirect(f"{request.path}?aar={year}")
        return HttpResponse(_("Unknown section."), status=400, content_type="text/plain; charset=utf-8")
    report = annual_report_build(county=county, year=year)
    sections = [
        s
        | {
            "key": key,
            "form": IntroductionForm(initial={"section": key, "text": s["introduction"]}, auto_id=f"{key}_%s"),
        }
        for key, s in zip(report["sections"], _sections(report), strict=True)
    ]
    return render(
        request,
        "plans/annual_report.html",
        {"report": report, "sections": sections, "year": year, "can_edit": can_edit},
    )


@requires(Perm.VIEW_PLANS)
def annual_report_download(request, year: int, fmt: str):
    if fmt not in FORMATS:
        # An unknown format (an old or mistyped link): the report's page, where the formats are offered.
        return redirect(f"{reverse('plans:annual_report')}?aar={year}")
    # Written in the language asked for (``?sprak=nn``: nynorsk), else the page's.
    with translation.override(letter_language(request)):
        report = annual_report_build(county=request.user.county, year=year)
        body = annual_report_render(report, fmt)
    response = HttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="arsrapport-{request.user.county.number}-{year}.{fmt}"'
    return response
