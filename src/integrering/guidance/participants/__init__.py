"""The participant register: the persons the county serves, their facts and the municipality's § 12 decision.

``models`` (``Participant``), ``services`` (register, change, decision; the log of a participant's page read),
``selectors`` (what a user may see, the list's filters), ``validation`` (the facts' checks), ``forms``,
``views`` (list, page, forms), ``imports`` (the municipalities' lists, CSV/XLSX) and ``anonymise`` (after
the retention period).
"""
