"""Administration → Brevoppsett: the county administrator edits the county's letter settings."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from integrering.core.error_handling import form_error_add
from integrering.core.exceptions import ConcurrentEdit
from integrering.core.letterhead.forms import CountyLetterSettingsForm
from integrering.core.letterhead.selectors import letter_settings_get
from integrering.core.letterhead.services import letter_settings_save
from integrering.core.permissions import Perm, requires


@requires(Perm.MANAGE_LETTERS)
def letter_settings_edit(request):
    instance = letter_settings_get(request.user.county)
    form = CountyLetterSettingsForm(request.POST or None, instance=instance)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                letter_settings_save(form)
            except ConcurrentEdit as error:
                form_error_add(form, error)
                status = error.status
            else:
                messages.success(request, _("The letter settings were saved."))
                return redirect("core:letter_settings")
    return render(request, "core/letter_settings.html", {"form": form}, status=status)
