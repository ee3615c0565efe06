"""Optimistic locking: no edit silently overwrites another.

A model that users edit inherits :class:`Versioned`. Its ``version`` counts the saves. An edit form carries
the version the user saw (:class:`VersionedFormMixin` adds it as a hidden field); the ``UPDATE`` then only
matches the row if nobody has saved it since (``WHERE id = … AND version = <seen>``) and raises
:class:`~integrering.core.exceptions.ConcurrentEdit` with the record as it is now when it matches nothing.
Saving goes through the model's ``save()``, so the audit log sees every change.

A service that changes a versioned record takes ``expected_version`` from its caller and sets it with
:func:`expect_version` before saving; a service that changes a record without a user's form in between
(a background job, an import of newer data) saves it as it is and simply bumps the version.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from integrering.core.exceptions import ConcurrentEdit


class Versioned(models.Model):
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self._state.adding:
            super().save(*args, **kwargs)
            return
        seen = self.version
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "version"}
        self.version = seen + 1
        self._versioned_seen = seen
        try:
            super().save(*args, **kwargs)
        except BaseException:
            self.version = seen
            raise
        finally:
            del self._versioned_seen

    def _do_update(self, base_qs, using, pk_val, values, update_fields, forced_update):
        seen = getattr(self, "_versioned_seen", None)
        if seen is None:
            return super()._do_update(base_qs, using, pk_val, values, update_fields, forced_update)
        if super()._do_update(base_qs.filter(version=seen), using, pk_val, values, update_fields, True):
            return True
        # Nothing matched: someone else saved (or deleted) the record since it was read. Never insert instead.
        current = type(self)._base_manager.using(using).filter(pk=pk_val).first()
        raise ConcurrentEdit(current=current)


def expect_version(instance: Versioned, version: int | None) -> None:
    """Make the next save of ``instance`` succeed only if the record is still at ``version``.

    ``None`` (no version posted: an old form, a script) checks against the version read from the database.
    """
    if version is not None:
        instance.version = version


class VersionedFormMixin(forms.Form):
    """A form field that carries the version the user saw; ``save()`` checks it (see module docstring).

    For a ``ModelForm`` of a :class:`Versioned` model, put this mixin first. For a plain form that edits a
    versioned record, pass ``version=record.version`` as initial data and hand ``cleaned_data["version"]``
    to the service.
    """

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if isinstance(instance, Versioned) and instance.pk and "version" not in self.initial:
            self.initial["version"] = instance.version

    def _post_clean(self) -> None:
        super()._post_clean()  # type: ignore[misc]
        instance = getattr(self, "instance", None)
        if isinstance(instance, Versioned) and instance.pk:
            expect_version(instance, self.cleaned_data.get("version"))


def changed_values(form: forms.BaseForm, current: models.Model | None) -> list[tuple[str, str, str]]:
    """(label, the user's value, the value saved by someone else) for each field of ``form`` that differs.

    Shown beside «Noen andre har endret dette …», so the second person sees what the first one saved.
    ``current`` None means the record was deleted. A field that is not an attribute of the record (roles
    kept in another table) gets its saved value from the form's ``conflict_values(current) -> {name: value}``
    when the form has one. A password field is never shown (neither the typed password nor the stored hash).
    """
    if current is None:
        return []
    provided = getattr(form, "conflict_values", None)
    overrides = provided(current) if callable(provided) else {}
    rows = []
    for name, field in form.fields.items():
        if name == "version" or isinstance(field.widget, forms.PasswordInput):
            continue
        if name in overrides:
            theirs = overrides[name]
        elif hasattr(current, name):
            theirs = getattr(current, name)
        else:
            continue
        mine = form.cleaned_data.get(name) if hasattr(form, "cleaned_data") else form.data.get(name)
        mine_text, theirs_text = _display(mine, field), _display(theirs, field)
        if mine_text != theirs_text:
            rows.append((str(field.label or name), mine_text, theirs_text))
    return rows


def _display(value: Any, field: forms.Field | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(sorted(_display(v, field) for v in value))
    if hasattr(value, "all") and callable(value.all):  # a related manager
        return ", ".join(sorted(str(v) for v in value.all()))
    choices = getattr(field, "choices", None)
    if field is not None and not isinstance(field, forms.ModelChoiceField) and choices:
        labels = {str(key): label for key, label in choices}
        return str(labels.get(str(value), value))
    return str(value)
