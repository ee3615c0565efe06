"""The letter to IMDi with the county's recommendation for a year: HTML from a template, as PDF."""

from django.template.loader import render_to_string
from django.utils import timezone

from integrering.settlement.pdf import html_pdf
from integrering.settlement.recommendation.models import Recommendation


def letter_html(recommendation: Recommendation, rows: list[dict], total: int) -> str:
    """The letter to IMDi, dated the day the version was made (not the day it is downloaded): a letter
    downloaded again later is the same letter."""
    return render_to_string(
        "settlement/letters/letter_pdf.html",
        {
            "recommendation": recommendation,
            "settlement_year": recommendation.settlement_year,
            "rows": rows,
            "total": total,
            "dated": timezone.localtime(recommendation.chosen_at).date(),
        },
    )


def letter_pdf(recommendation: Recommendation, rows: list[dict], total: int) -> bytes:
    """The letter as PDF (``rows`` and ``total`` as ``recommendation.selectors.recommendation_rows`` gives them)."""
    return html_pdf(letter_html(recommendation, rows, total))
