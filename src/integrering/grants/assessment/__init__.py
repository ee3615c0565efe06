"""Screening, impartiality and assessment of applications."""
