"""HTML → tagged PDF (PDF/UA-1: a structure tree; language and title from the HTML's ``lang`` and ``<title>``) with
WeasyPrint, for every PDF the app makes: the letter to IMDi and the year's figures, the grants' decision letters and
recommendation, the plans' period reports and the annual report. The HTML comes from the apps' templates."""

import logging


def html_pdf(html: str, *, base_url: str | None = None) -> bytes:
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)  # no «Step 1 …» lines on the command line
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url).write_pdf(pdf_variant="pdf/ua-1")
