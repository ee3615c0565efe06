"""Saving the county's letter settings (one row per county, created on the first save)."""

from django.db import transaction

from integrering.core.exceptions import ConcurrentEdit
from integrering.core.letterhead.forms import CountyLetterSettingsForm
from integrering.core.letterhead.models import CountyLetterSettings


@transaction.atomic
def letter_settings_save(form: CountyLetterSettingsForm) -> CountyLetterSettings:
    """Save a valid form; :class:`~integrering.core.exceptions.ConcurrentEdit` (nothing written) when someone
    else saved since the form was opened (the version the form carries)."""
    instance = form.instance
    if instance.pk is None:
        existing = CountyLetterSettings.objects.filter(county_id=instance.county_id).first()
        if existing is not None:  # someone saved the county's first settings since this form was opened
            raise ConcurrentEdit(current=existing)
    return form.save()
