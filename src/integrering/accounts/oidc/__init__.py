"""Single sign-on with OpenID Connect (mozilla-django-oidc), configured from the environment (settings.py).

- ``config``: is it on, the provider's endpoints (its discovery document, fetched once), the settings;
- ``backend``: the authentication backend (the token, its checks, the claims) — who the person is;
- ``services``: which user that is (matched by e-mail, or created without roles), roles from groups, log-out;
- ``views``: start, callback (every failure a clear page), the no-access page.
"""
