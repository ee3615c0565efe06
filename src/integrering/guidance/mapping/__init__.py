"""Competence mapping (§§ 6 and 10): the municipality maps the participant's competence before the § 12 decision,
and career guidance builds on it.

The mapping itself is the municipality's and is not kept here; the county records only its date
(``Participant.mapping_date``). The date comes from the participant form and the import (``kartlagt_dato``)
as one of the participant's facts, or with a referral for career guidance (``services.mapping_date_set``,
``forms.MappingDateField``). The rules check the order mapping → guidance → decision (the findings
``MAPPING_MISSING``, ``GUIDANCE_BEFORE_MAPPING`` and ``DECISION_BEFORE_MAPPING``, see ``compliance``).
"""
