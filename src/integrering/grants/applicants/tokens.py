"""The one-time link that confirms an applicant's e-mail address (valid 72 hours, stops working once used)."""

from django.contrib.auth.tokens import PasswordResetTokenGenerator

CONFIRMATION_HOURS = 72


class ConfirmationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "integrering.grants.applicants.ConfirmationTokenGenerator"

    def _make_hash_value(self, user, timestamp: int) -> str:
        # Activation changes is_active: a used link no longer matches.
        return f"{super()._make_hash_value(user, timestamp)}{user.is_active}"

    def check_token(self, user, token) -> bool:
        if not super().check_token(user, token):
            return False
        made = self._num_seconds(self._now()) - CONFIRMATION_HOURS * 3600
        try:
            from django.utils.http import base36_to_int

            return base36_to_int(str(token).split("-")[0]) >= made
        except ValueError:
            return False


confirmation_tokens = ConfirmationTokenGenerator()
