"""Reminders (idempotent, for a daily timer) and the lapse of grants not accepted in time."""
