"""Counties (the tenants), users with roles, and the log of reads of personal data."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from integrering.core.files.models import StoredFile  # noqa: F401 — a model of this app, in core/files
from integrering.core.joblock import JobLock  # noqa: F401 — a model of this app, in core/joblock.py
from integrering.core.letterhead.models import CountyLetterSettings  # noqa: F401 — a model of this app, in core/letterhead
from integrering.core.mail.models import SentEmail  # noqa: F401 — a model of this app, kept in core/mail
from integrering.core.roles import Role
from integrering.core.versioning import Versioned


class County(models.Model):
    """A county authority (fylkeskommune). Every record in the application belongs to one county."""

    number = models.CharField(_("county number"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100)
    valid_from = models.PositiveSmallIntegerField(_("valid from year"))
    valid_to = models.PositiveSmallIntegerField(_("valid to year"), null=True, blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("county")
        verbose_name_plural = _("counties")

    def __str__(self) -> str:
        return f"{self.number} {self.name}"


class User(Versioned, AbstractUser):
    """A person who logs in. Belongs to one county; a municipal user also to one municipality.

    Versioned: user administration never overwrites what another administrator saved since the form was
    opened (a stale form cannot re-activate a user someone just deactivated).
    """

    _role_cache: frozenset[Role] | None  # role_set's cache (None: not read yet)

    county = models.ForeignKey(
        County, on_delete=models.PROTECT, null=True, blank=True, related_name="users", verbose_name=_("county")
    )
    # A lazy string reference on purpose: ``core`` is the bottom layer and its Python code imports no app
    # above it (the layers contract in pyproject.toml). The column stays on the user because the permission
    # policy (``core.permissions``) and every app's selectors scope a municipal user by
    # ``user.municipality_id``. Moving it to a model of ``municipalities`` would need migrations across the
    # layers (a data migration there, and a core migration that depends on it to drop the column) and a
    # lookup through an upper app wherever the policy asks. Migration 0002, which adds the column, names
    # ``municipalities`` as a dependency: that is data for Django's migration graph, not a Python import.
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="municipal_users",
        verbose_name=_("municipality"),
    )
    # The interface language the user chose with the switch in the header (bokmål or nynorsk); empty: the
    # browser's (Accept-Language). core/middleware.py's UserLanguageMiddleware applies it on every request.
    language = models.CharField(_("language"), max_length=8, blank=True, default="", choices=settings.LANGUAGES)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            # «ADMIN» and «admin» would be two people who look like one in every list.
            models.UniqueConstraint(
                Lower("username"),
                name="unique_username_ignoring_case",
                violation_error_message=_(
                    "A user with that username already exists (upper and lower case count as the same)."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def save(self, *args, **kwargs) -> None:
        # Logging in stamps last_login: not an edit of the user, so it neither needs nor changes the version
        # (an administrator's open form stays valid when the user logs in). The same for the user's own
        # choice of language.
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and set(update_fields) <= {"last_login", "language"}:
            models.Model.save(self, *args, **kwargs)
            return
        super().save(*args, **kwargs)

    def get_additional_data(self) -> dict | None:
        # Changes made from the command line (create-county-admin) still show on the county's audit page.
        return {"county": self.county.number} if self.county is not None else None

    @property
    def role_set(self) -> frozenset[Role]:
        cached = getattr(self, "_role_cache", None)
        if cached is None:
            cached = frozenset(Role(r) for r in self.roles.values_list("role", flat=True))
            self._role_cache = cached
        return cached


class UserRole(models.Model):
    """One role held by a user. A user may hold several."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="roles", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="unique_user_role")]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self) -> str:
        return f"{self.user}: {self.get_role_display()}"

    def get_additional_data(self) -> dict | None:
        return self.user.get_additional_data()


class PersonalDataAccess(models.Model):
    """One read of personal data (a participant's page, an export): who, when, what, which persons.

    Append-only for users: no view changes or deletes these rows.
    """

    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    # Empty for a read from the command line (an export run by the operating system user).
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    county = models.ForeignKey(County, on_delete=models.PROTECT, null=True, related_name="+")
    action = models.CharField(_("action"), max_length=64)
    record_type = models.CharField(_("record type"), max_length=64)
    record_ids = models.JSONField(_("records"), default=list)
    description = models.CharField(_("description"), max_length=255, blank=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("read of personal data")
        verbose_name_plural = _("reads of personal data")
        # The audit page reads one county's log, newest first.
        indexes = [models.Index(fields=["county", "-at"], name="core_pda_county_at")]

    def __str__(self) -> str:
        return f"{timezone.localtime(self.at):%d.%m.%Y %H:%M} {self.user} {self.action}"


class AuditEntryScope(models.Model):
    """Which county, and which participant, one change entry of the audit log (django-auditlog) concerns.

    Written with every entry (``core.audit``): the county from the record (``get_additional_data``) or else the
    acting user's; the participant for records registered with ``personal_record_register``. The audit page
    reads a county's changes through the index (county, newest first) instead of searching the entries' JSON,
    and «who has seen or changed this person» through ``participant_id``.
    """

    entry = models.OneToOneField(
        "auditlog.LogEntry", on_delete=models.CASCADE, primary_key=True, related_name="scope", verbose_name=_("change")
    )
    county = models.ForeignKey(County, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("county"))
    participant_id = models.BigIntegerField(_("participant"), null=True, blank=True, db_index=True)
    at = models.DateTimeField(_("time"))

    class Meta:
        indexes = [models.Index(fields=["county", "-at"], name="core_auditscope_county_at")]
        verbose_name = _("scope of a change")
        verbose_name_plural = _("scopes of changes")

    def __str__(self) -> str:
        return f"{self.entry_id} {self.county_id}"
