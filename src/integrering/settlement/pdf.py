"""HTML → PDF with WeasyPrint, for the year's figures and the letter to IMDi (rendered from templates)."""

import logging


def html_pdf(html: str, *, base_url: str | None = None, pdf_variant: str | None = None) -> bytes:
    """``pdf_variant="pdf/ua-1"``: a tagged, accessible PDF (structure tree; language and title from the
    HTML's ``lang`` and ``<title>``)."""
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)  # no «Step 1 …» lines on the command line
    from weasyprint import HTML

    options = {"pdf_variant": pdf_variant} if pdf_variant else {}
    return HTML(string=html, base_url=base_url).write_pdf(**options)
