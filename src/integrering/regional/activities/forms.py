"""Forms of activities: the activity itself, its status, a follow-up action, an attachment, the list's filter."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from integrering.core.models import User
from integrering.core.registry import GRANT_KIND, linkable_kind
from integrering.core.roles import Role
from integrering.core.versioning import VersionedFormMixin
from integrering.core.widgets import DateInput
from integrering.municipalities.models import Municipality
from integrering.regional.activities.models import MAX_PARTICIPANTS, ActivityStatus, ActivityType
from integrering.regional.areas import PARTICIPANT_SECTORS, Area, TargetGroup, Topic
from integrering.regional.organisations.models import Organisation
from integrering.regional.partners.models import Partner
from integrering.regional.validation import NATIONAL_ID_HELP, FreeTextGuardMixin


def county_municipalities(county: Any) -> Any:
    return Municipality.objects.for_county(county).valid_in(timezone.localdate().year).order_by("number")


def county_staff(county: Any) -> Any:
    """The county's advisers and administrators (who may be responsible for an activity or own an action)."""
    roles = [Role.ADVISER, Role.COUNTY_ADMIN, Role.LEADER]
    return (
        User.objects.filter(county=county, is_active=True, roles__role__in=roles)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class ActivityForm(FreeTextGuardMixin, VersionedFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    activity_type = forms.ChoiceField(label=_("Type"), choices=ActivityType.choices)
    areas = forms.TypedMultipleChoiceField(
        label=_("Areas of responsibility"), choices=Area.choices, coerce=int, widget=forms.CheckboxSelectMultiple
    )
    start_date = forms.DateField(label=_("Date"), widget=DateInput())
    end_date = forms.DateField(label=_("Last day (if more than one day)"), required=False, widget=DateInput())
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    digital = forms.BooleanField(label=_("Digital"), required=False)
    description = forms.CharField(label=_("Description"), required=False, max_length=5000, widget=forms.Textarea)
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Municipalities involved or reached"),
        queryset=Municipality.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    advisers = forms.ModelMultipleChoiceField(
        label=_("Responsible advisers"), queryset=User.objects.none(), required=False
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Organisations involved"), queryset=Organisation.objects.none(), required=False
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Partners involved"), queryset=Partner.objects.none(), required=False
    )
    target_groups = forms.MultipleChoiceField(
        label=_("Target groups"), choices=TargetGroup.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics (area 3)"), choices=Topic.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, county, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipalities"].queryset = county_municipalities(county)
        self.fields["advisers"].queryset = county_staff(county)
        self.fields["organisations"].queryset = Organisation.objects.for_county(county).filter(in_register=True)
        self.fields["partners"].queryset = Partner.objects.for_county(county)
        for name, label in PARTICIPANT_SECTORS:
            self.fields[name] = forms.IntegerField(
                label=_("Participants: %(sector)s") % {"sector": label},
                min_value=0,
                max_value=MAX_PARTICIPANTS,
                initial=0,
                required=False,
                help_text=_("A count, never names."),
            )
        for name in ("title", "place", "description"):
            self.fields[name].help_text = NATIONAL_ID_HELP
        grants = linkable_kind(GRANT_KIND)
        if grants is not None:  # the grants app offers its awarded grants; without it there is nothing to choose
            self.fields["grant_id"] = forms.TypedChoiceField(
                label=_("Funded by the grant"),
                choices=[("", _("No grant"))] + [(str(pk), label) for pk, label in grants.options(county=county)],
                coerce=int,
                empty_value=None,
                required=False,
                help_text=_("One of the county's awarded grants."),
            )

    def keep_grant(self, grant_id: int | None, label: str) -> None:
        """An activity's grant stays choosable on its edit form, even if it is no longer among the options."""
        field = self.fields.get("grant_id")
        if not isinstance(field, forms.ChoiceField) or grant_id is None:
            return
        choices: list[tuple[Any, Any]] = list(field.choices)  # type: ignore[arg-type]  # a list of pairs, set above
        if str(grant_id) not in {str(value) for value, _label in choices}:
            field.choices = [*choices, (str(grant_id), label)]

    def clean(self):
        data = super().clean()
        for name, _label in PARTICIPANT_SECTORS:
            data[name] = data.get(name) or 0
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The last day cannot be before the first."))
        if data.get("topics") and Area.SOCIAL_CONTROL not in (data.get("areas") or []):
            self.add_error("topics", _("Topics belong to area 3 (negative social control)."))
        return data


def activity_initial(activity: Any) -> dict[str, Any]:
    initial = {name: getattr(activity, name) for name in ActivityForm.base_fields if hasattr(activity, name)}
    initial.update({name: getattr(activity, name) for name, _label in PARTICIPANT_SECTORS})
    initial["areas"] = activity.area_numbers
    initial["municipalities"] = list(activity.municipalities.all())
    initial["advisers"] = list(activity.advisers.all())
    initial["organisations"] = list(activity.organisations.all())
    initial["partners"] = list(activity.partners.all())
    initial["version"] = activity.version
    initial["grant_id"] = activity.grant_id
    return initial


class StatusForm(FreeTextGuardMixin, VersionedFormMixin, forms.Form):
    evaluation = forms.CharField(
        label=_("Evaluation note"),
        required=False,
        max_length=5000,
        widget=forms.Textarea,
    )


class FollowUpForm(FreeTextGuardMixin, forms.Form):
    description = forms.CharField(label=_("What is to be done"), max_length=300)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=User.objects.none())
    due_date = forms.DateField(label=_("Due date"), widget=DateInput())

    def __init__(self, *args, county, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = county_staff(county)


class AttachmentForm(FreeTextGuardMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    file = forms.FileField(
        label=_("File"), help_text=_("PDF, Word, PowerPoint, Excel, text, PNG or JPEG; at most 10 MB.")
    )


class ActivityFilterForm(forms.Form):
    area = forms.TypedChoiceField(
        label=_("Area"), choices=[("", _("All"))] + list(Area.choices), coerce=int, required=False, empty_value=None
    )
    type = forms.ChoiceField(label=_("Type"), choices=[("", _("All"))] + list(ActivityType.choices), required=False)
    kommune = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.none(),
        to_field_name="number",
        required=False,
        empty_label=_("All"),
    )
    fra = forms.DateField(label=_("From"), required=False, widget=DateInput())
    til = forms.DateField(label=_("To"), required=False, widget=DateInput())
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All"))] + list(ActivityStatus.choices), required=False
    )
    radgiver = forms.ModelChoiceField(
        label=_("Adviser"), queryset=User.objects.none(), required=False, empty_label=_("All")
    )

    def __init__(self, *args, county, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kommune"].queryset = Municipality.objects.for_county(county).order_by("number")
        self.fields["radgiver"].queryset = county_staff(county)
