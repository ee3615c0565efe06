"""Compliance: the participants' facts evaluated against the rules core (``integrering.legal``), the findings,
the county's compliance figures, the municipality page's aggregates and the guidance report.
"""
