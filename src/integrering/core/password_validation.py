"""The project's own password rule, next to Django's validators (settings.AUTH_PASSWORD_VALIDATORS).

Django's similarity check compares whole strings, so «ny4ny4ny4ny4» passes for the user «ny4»; a password
that merely repeats the username or a name is refused here.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MIN_PART = 3  # shorter usernames and names («Bo») occur inside too many good passwords


class ContainsUserAttributeValidator:
    attributes = ("username", "first_name", "last_name")

    def validate(self, password: str, user=None) -> None:
        if user is None:
            return
        lowered = password.casefold()
        for name in self.attributes:
            value = (getattr(user, name, "") or "").casefold()
            if len(value) >= MIN_PART and value in lowered:
                raise ValidationError(
                    _("The password must not contain your username or name."), code="password_contains_user_attribute"
                )

    def get_help_text(self) -> str:
        return _("Your password must not contain your username or name.")
