"""Payments of grants: instalments, attest and approval by two different caseworkers, paid, the finance export."""
