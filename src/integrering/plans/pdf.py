"""HTML → tagged PDF (PDF/UA-1) with WeasyPrint, for the period reports and the annual report."""

from __future__ import annotations

import logging


def html_pdf(html: str) -> bytes:
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    from weasyprint import HTML

    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
