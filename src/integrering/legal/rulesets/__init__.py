"""Rule-set versions, one module per version, each named after the year it applies from.

A version module must not import from another version or from the registry: the registry imports the
versions, never the other way round, so adding a version cannot change an older one.
"""
