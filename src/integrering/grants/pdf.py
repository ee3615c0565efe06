"""HTML → tagged PDF (PDF/UA-1) with WeasyPrint, for the decision letters and the recommendation list (as the
settlement letter and the plans' reports do)."""

from __future__ import annotations

import logging


def html_pdf(html: str) -> bytes:
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)  # no «Step 1 …» lines on the command line
    from weasyprint import HTML

    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
