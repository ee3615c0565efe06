"""Norwegian error pages: 400, 403 (also a failed CSRF check), 404 and 500."""

from django.shortcuts import render


def bad_request(request, exception=None):
    # Standalone (no base layout): a 400 may come before the middleware set up the user or the session.
    return render(request, "errors/400.html", status=400)


def forbidden(request, exception=None):
    return render(request, "errors/403.html", status=403)


def csrf_failure(request, reason: str = ""):
    """The form's security token was missing or stale (an old tab, cookies blocked): say what to do."""
    return render(request, "errors/403_csrf.html", status=403)


def not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    return render(request, "errors/500.html", status=500)
