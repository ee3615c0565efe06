"""The county's integration plan: focus areas, goals, measures, indicators, period reports, the annual report."""
