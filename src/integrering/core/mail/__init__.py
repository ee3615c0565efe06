"""One way to send e-mail: ``core.mail.services.mail_send``.

A message is three templates under ``mail/<name>/`` — ``subject.txt``, ``body.txt`` and ``body.html`` (the
HTML extends ``mail/layout.html``, the text ``mail/layout.txt``) — rendered in the recipient's language and
sent as one multipart/alternative message through Django's mail API. Every message is recorded as a
:class:`~integrering.core.mail.models.SentEmail` (recipient, subject, template, context keys, county, the
record it concerns, status), never its body. See ``services.mail_send`` for when it is sent.
"""
