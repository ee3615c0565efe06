"""HTML → PDF with WeasyPrint, for the year's figures and the letter to IMDi (rendered from templates)."""

import logging


def html_pdf(html: str, *, base_url: str | None = None) -> bytes:
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)  # no «Step 1 …» lines on the command line
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url).write_pdf()
