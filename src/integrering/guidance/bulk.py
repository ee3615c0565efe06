"""Writing many rows in few queries, still audited: for the import and the nightly re-evaluation.

    changes_save(model, pairs, fields) -> int      # UPDATE the new objects of (old, new) pairs and audit them,
                                                   # in one transaction; returns the number of audit entries
    untracked_update(model, objects, fields)       # UPDATE fields the audit log does not track (a cache, the last
                                                   # activity); any tracked field is refused (ValueError)
    audit_log_bulk(pairs, *, action)               # auditlog entries for (old or None, new) pairs

No raw ``UPDATE`` here writes a tracked field without its audit entry.

``bulk_update`` builds a CASE expression per field and row, which is slow for thousands of rows;
``save()`` writes one audit entry per row through signals (several queries each). These helpers write
the same audit entries as ``save()`` would (the same diff, the same ``get_additional_data``), in bulk.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from auditlog.cid import get_cid
from auditlog.diff import model_instance_diff
from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction


@transaction.atomic
def changes_save(model, pairs: Sequence[tuple], fields: Sequence[str]) -> int:
    """Write ``fields`` of each pair's new object and the audit entries ``save()`` would write, all or nothing."""
    _rows_update(model, [new for _, new in pairs], fields)
    return audit_log_bulk(pairs, action=LogEntry.Action.UPDATE)


def untracked_update(model, objects: Sequence, fields: Sequence[str]) -> None:
    """Write ``fields`` the audit log does not track (derived or bookkeeping data); a tracked one is refused."""
    from auditlog.registry import auditlog

    excluded = set(auditlog.get_model_fields(model)["exclude_fields"]) if auditlog.contains(model) else set()
    tracked = set(fields) - excluded if auditlog.contains(model) else set()
    if tracked:
        raise ValueError(f"{model.__name__}: {sorted(tracked)} are audited; write them with changes_save()")
    _rows_update(model, objects, fields)


def _rows_update(model, objects: Sequence, fields: Sequence[str]) -> None:
    if not objects:
        return
    meta = model._meta
    columns = [meta.get_field(name) for name in fields]
    quote = connection.ops.quote_name
    sql = (
        f"UPDATE {quote(meta.db_table)} SET "
        + ", ".join(f"{quote(c.column)} = %s" for c in columns)
        + f" WHERE {quote(meta.pk.column)} = %s"
    )
    params = [[c.get_db_prep_save(getattr(o, c.attname), connection) for c in columns] + [o.pk] for o in objects]
    with connection.cursor() as cursor:
        for start in range(0, len(params), 2000):
            cursor.executemany(sql, params[start : start + 2000])


def audit_log_bulk(pairs: Iterable[tuple], *, action: int) -> int:
    """Write the audit entries ``save()`` would have written for each (old, new) pair; returns how many.

    Without an actor: these are command-line writes (the import), like ``save()`` outside a request.
    """
    entries = []
    use_json = getattr(settings, "AUDITLOG_STORE_JSON_CHANGES", False)
    cid = get_cid()
    content_types: dict = {}
    concrete: dict = {}
    for old, new in pairs:
        model = type(new)
        if model not in concrete:
            # Only the model's own columns: reverse relations would cost a query per row (and say nothing).
            concrete[model] = {name for f in model._meta.concrete_fields for name in (f.name, f.attname)}
        changes = model_instance_diff(old, new, fields_to_check=concrete[model], use_json_for_changes=use_json)
        if not changes:
            continue
        if model not in content_types:
            content_types[model] = ContentType.objects.get_for_model(model)
        extra = new.get_additional_data() if hasattr(new, "get_additional_data") else None
        entries.append(
            LogEntry(
                content_type=content_types[model],
                object_pk=str(new.pk),
                object_id=new.pk,
                object_repr=str(new),
                action=action,
                changes=changes,
                additional_data=extra,
                cid=cid,
            )
        )
    LogEntry.objects.bulk_create(entries, batch_size=1000)
    return len(entries)
