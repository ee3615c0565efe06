"""The one way a stored file leaves the application: a download of the bytes, after the caller's own permission
check on the owner (each app's download view looks the owner up among what the user may see, then calls this)."""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

from integrering.core.files.models import StoredFile
from integrering.core.files.services import file_open


def file_response(stored: StoredFile) -> FileResponse:
    """The file as an attachment (never shown inline), its checked content type, no sniffing, no caching."""
    try:
        handle = file_open(stored)
    except FileNotFoundError as error:
        raise Http404(_("The file is missing.")) from error
    response = FileResponse(handle, as_attachment=True, filename=stored.original_name)
    response["Content-Type"] = stored.content_type
    response["Content-Length"] = str(stored.size)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
