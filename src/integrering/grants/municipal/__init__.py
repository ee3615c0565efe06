"""The municipal user's read-only view of the grants that concern their municipality."""
