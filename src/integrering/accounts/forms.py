"""Forms of the top layer: a user (administration and the command line), and the audit page's filter."""

import copy

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import validate_password
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from integrering.accounts.oidc import config as oidc_config
from integrering.accounts.oidc import services as oidc_services
from integrering.core import selectors as audit_selectors
from integrering.core.audit import tracked_models
from integrering.core.audit_display import record_type_name
from integrering.core.collation import sorted_choices
from integrering.core.models import County, User
from integrering.core.roles import Role
from integrering.core.versioning import VersionedFormMixin
from integrering.core.widgets import DateInput
from integrering.municipalities.forms import MunicipalityChoiceField, current_municipalities
from integrering.municipalities.models import Municipality


def username_taken(username: str, *, exclude_pk: int | None = None) -> bool:
    """True if another user has this username, ignoring case («ADMIN» is «admin»)."""
    same = User.objects.filter(username__iexact=username)
    if exclude_pk is not None:
        same = same.exclude(pk=exclude_pk)
    return same.exists()


class UserForm(VersionedFormMixin, forms.ModelForm):
    """A user of the county: details, active or not, roles, municipality, a new password.

    Carries the version the administrator saw: saving over another administrator's change (a deactivation,
    other roles) is refused with their values shown (``core.versioning``).
    """

    roles = forms.MultipleChoiceField(label=_("Roles"), choices=Role.choices, widget=forms.CheckboxSelectMultiple)
    municipality = MunicipalityChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.none(), required=False
    )
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput,
        required=False,
        help_text=_("Leave empty to keep the current password."),
    )

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "municipality", "is_active"]
        labels = {
            "username": _("Username"),
            "first_name": _("First name"),
            "last_name": _("Last name"),
            "email": _("E-mail"),
            "is_active": _("Active"),
        }

    def __init__(self, *args, county, acting_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.county = county
        self.acting_user = acting_user
        self.fields["municipality"].queryset = current_municipalities(county).filter(valid_to__isnull=True)
        if self.instance.pk:
            self.initial["roles"] = [r.value for r in self.instance.role_set]
        else:
            # A new user is normally invited by e-mail to choose their own password.
            self.fields["password"].help_text = _(
                "Leave empty to send an invitation by e-mail: a link, valid 72 hours, where the user chooses "
                "their own password."
            )
        self.fields["username"].help_text = _("At most 150 characters: letters, digits and @ . + - _ only.")
        self.fields["is_active"].help_text = _("Only an active user can log in.")

    def conflict_values(self, current: User) -> dict:
        """The roles as saved by someone else (they live in another table, not on the user)."""
        return {"roles": sorted(current.roles.values_list("role", flat=True))}

    def clean_username(self):
        username = self.cleaned_data["username"]
        if username_taken(username, exclude_pk=self.instance.pk):
            raise forms.ValidationError(
                _("A user with that username already exists (upper and lower case count as the same).")
            )
        return username

    def clean(self):
        cleaned = super().clean()
        roles = set(cleaned.get("roles") or [])
        if Role.MUNICIPAL_USER in roles and not cleaned.get("municipality"):
            self.add_error("municipality", _("A municipal user must belong to a municipality."))
        if Role.MUNICIPAL_USER not in roles and cleaned.get("municipality"):
            self.add_error("municipality", _("Only municipal users belong to a municipality."))
        if Role.MUNICIPAL_USER in roles and len(roles) > 1:
            self.add_error("roles", _("A municipal user cannot also hold county roles."))
        self._clean_own_account(cleaned, roles)
        if not self.instance.pk and not cleaned.get("password") and not cleaned.get("email") and "email" in cleaned:
            self.add_error("email", _("Give an e-mail address to send the invitation to, or a password."))
        if cleaned.get("password"):
            self._validate_password(cleaned)
        return cleaned

    def _clean_own_account(self, cleaned, roles) -> None:
        """An administrator cannot lock themselves out: no self-deactivation, no dropping their own admin role."""
        if self.acting_user is None or self.instance.pk != self.acting_user.pk:
            return
        if "is_active" in cleaned and not cleaned["is_active"]:
            self.add_error("is_active", _("You cannot deactivate yourself."))
        if Role.COUNTY_ADMIN in self.instance.role_set and Role.COUNTY_ADMIN not in roles and "roles" in cleaned:
            self.add_error("roles", _("You cannot remove your own administrator role. Ask another administrator."))

    def _validate_password(self, cleaned) -> None:
        # Check against the user as they will be saved (a new user's username and names are not on the
        # instance yet), so «ny4ny4ny4ny4» is refused for the user «ny4».
        candidate = copy.copy(self.instance)
        for name in ("username", "first_name", "last_name", "email"):
            if cleaned.get(name):
                setattr(candidate, name, cleaned[name])
        try:
            validate_password(cleaned["password"], candidate)
        except forms.ValidationError as error:
            self.add_error("password", error)


class CountyAdminForm(forms.Form):
    """The first county administrator, from the command line (``integrering create-county-admin``)."""

    username = forms.CharField(label=_("Username"), max_length=150, validators=[User.username_validator])
    county = forms.CharField(label=_("County"), max_length=2)
    email = forms.EmailField(label=_("E-mail"), required=False)
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    password = forms.CharField(label=_("Password"), strip=False)

    def clean_username(self):
        username = self.cleaned_data["username"]
        if username_taken(username):
            raise forms.ValidationError(
                _("A user with that username already exists (upper and lower case count as the same).")
            )
        return username

    def clean_county(self):
        number = self.cleaned_data["county"].strip().zfill(2)
        county = County.objects.filter(number=number).first()
        if county is None:
            raise forms.ValidationError(_("There is no county with number %(number)s.") % {"number": number})
        if county.valid_to is not None:
            raise forms.ValidationError(
                _("County %(county)s ceased to exist after %(year)s.") % {"county": county, "year": county.valid_to}
            )
        return county

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password") and cleaned.get("username"):
            candidate = User(**{k: cleaned.get(k) or "" for k in ("username", "first_name", "last_name", "email")})
            try:
                validate_password(cleaned["password"], candidate)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class AuditFilterForm(forms.Form):
    user = forms.ModelChoiceField(label=_("User"), queryset=User.objects.none(), required=False)
    date_from = forms.DateField(label=_("From date"), required=False, widget=DateInput)
    date_to = forms.DateField(label=_("To date"), required=False, widget=DateInput)
    record_type = forms.ModelChoiceField(label=_("Record type"), queryset=ContentType.objects.none(), required=False)
    participant = forms.IntegerField(
        label=_("Participant number"),
        required=False,
        min_value=1,
        help_text=_("Who has seen or changed this person: the changes of their records and the reads of their data."),
    )

    def __init__(self, *args, county, **kwargs):
        super().__init__(*args, **kwargs)
        users = User.objects.filter(county=county)
        self.fields["user"].queryset = users
        self.fields["user"].choices = sorted_choices(users, lambda u: u.username, _("All"))
        # Only the record types that are logged: a type that can never match is no filter.
        types = ContentType.objects.get_for_models(*tracked_models()).values()
        self.fields["record_type"].queryset = ContentType.objects.filter(pk__in=[t.pk for t in types])
        self.fields["record_type"].choices = sorted_choices(types, record_type_name, _("All"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_from"] > cleaned["date_to"]:
            self.add_error("date_to", _("The to date must be on or after the from date."))
        return cleaned

    def apply(self, entries, reads):
        data = self.cleaned_data
        if data.get("user"):
            entries, reads = entries.filter(actor=data["user"]), reads.filter(user=data["user"])
        if data.get("date_from"):
            entries = entries.filter(timestamp__date__gte=data["date_from"])
            reads = reads.filter(at__date__gte=data["date_from"])
        if data.get("date_to"):
            entries = entries.filter(timestamp__date__lte=data["date_to"])
            reads = reads.filter(at__date__lte=data["date_to"])
        if data.get("record_type"):
            entries = entries.filter(content_type=data["record_type"])
            reads = reads.filter(record_type=data["record_type"].model)
        if data.get("participant"):
            entries = audit_selectors.changes_of_participant(entries, data["participant"])
            reads = audit_selectors.reads_of_participant(reads, data["participant"])
        return entries, reads


class LoginForm(AuthenticationForm):
    """The password log-in; with LOCAL_PASSWORD_LOGIN_FOR_STAFF=0 the county's staff are sent to single sign-on."""

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not oidc_services.password_login_allowed(user):
            provider = oidc_config.provider_name() or _("single sign-on")
            raise forms.ValidationError(
                _(
                    "The county's staff log in with %(provider)s, not with a password: use the button «Log in with "
                    "%(provider)s»."
                ),
                code="sso_only",
                params={"provider": provider},
            )
