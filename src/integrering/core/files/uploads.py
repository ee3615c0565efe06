"""An upload handler that never keeps more of a file than the largest upload the app accepts: an attachment
(``UPLOAD_MAX_BYTES``) or a file to import (:class:`integrering.tabular.Limits`, 20 MB). Each reader still checks
its own limit on the real ``size``, and, for imports, on the bytes it reads (at most its limit + 1, which are kept).

Django writes an upload to memory or a temporary file before any view sees it. This handler (in
``FILE_UPLOAD_HANDLERS`` after the in-memory one, which only takes small requests) writes a file to its temporary
file up to the limit and then only counts the rest, so a too-large upload costs no more disk than the limit and
its ``size`` (the real length) makes :func:`integrering.core.files.services.upload_check` refuse it with a clear
message. The reverse proxy's body limit (README «Production») stops still larger requests before the app.
"""

from __future__ import annotations

from django.core.files.uploadhandler import TemporaryFileUploadHandler

from integrering.core.files.services import upload_max_bytes
from integrering.tabular.limits import Limits


class SizeLimitedUploadHandler(TemporaryFileUploadHandler):
    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0
        self.limit = max(upload_max_bytes(), Limits().max_bytes)

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:  # None: the chunk goes no further
        room = self.limit + 1 - self.received
        if room > 0:
            self.file.write(raw_data[:room])
        self.received += len(raw_data)

    def file_complete(self, file_size: int):
        self.file.seek(0)
        self.file.size = self.received
        return self.file
