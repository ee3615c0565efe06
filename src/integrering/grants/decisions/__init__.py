"""Recommendation and batch decisions, with the budget guard."""
