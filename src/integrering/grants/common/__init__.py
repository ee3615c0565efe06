"""Shared pieces of the grants app (form fields, the page shape)."""
