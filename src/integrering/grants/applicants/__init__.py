"""Applicants: people who register themselves, and the organisations they apply for."""
