"""Integrering: the county's tool for its duties in refugee integration."""
