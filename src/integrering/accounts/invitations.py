"""The one-time link of an invitation: a password-reset token that is valid 72 hours.

The token is Django's password-reset token under its own salt: it hashes the user's password and last log-in,
so it stops working as soon as the password is set (or another invitation changes nothing: the same user
state gives a link that still expires 72 hours after it was made).
"""

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.http import base36_to_int

INVITATION_HOURS = 72


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "integrering.accounts.invitations.InvitationTokenGenerator"
    timeout_seconds = INVITATION_HOURS * 3600

    def check_token(self, user, token) -> bool:
        if not (user and token) or "-" not in str(token):
            return False
        try:
            made = base36_to_int(str(token).split("-")[0])
        except ValueError:
            return False
        if self._num_seconds(self._now()) - made > self.timeout_seconds:
            return False
        # Django's own check (hash, and its own timeout which is not shorter than ours by default).
        return super().check_token(user, token)


invitation_tokens = InvitationTokenGenerator()
