from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from integrering.core.permissions import Perm, is_municipal_only, public, requires
from integrering.municipalities import selectors as municipality_selectors


@requires(Perm.HOME)
def home(request):
    today = timezone.localdate()
    if is_municipal_only(request.user):
        # A municipal user is nobody's contact person: their start page is their own municipality.
        own = municipality_selectors.municipalities_for_user(request.user, year=today.year)
        return render(
            request,
            "core/home.html",
            {
                "own_municipality": municipality_selectors.with_year_figures(own, today.year).first(),
                "today": today,
            },
        )
    mine = municipality_selectors.with_year_figures(
        municipality_selectors.municipalities_of_contact(request.user, today), today.year
    )
    return render(request, "core/home.html", {"my_municipalities": mine, "today": today})


@public
def health(request):
    return HttpResponse("ok", content_type="text/plain")


login = public(auth_views.LoginView.as_view(redirect_authenticated_user=True))
_logout = auth_views.LogoutView.as_view()


@public
def logout(request):
    """POST logs out (Django's LogoutView); a GET (a typed or bookmarked address) asks with a button."""
    if request.method == "POST":
        return _logout(request)
    if not request.user.is_authenticated:
        return redirect("login")
    return render(request, "registration/logout.html")


password_change = requires(Perm.HOME)(auth_views.PasswordChangeView.as_view(success_url="/passord/endret/"))
password_change_done = requires(Perm.HOME)(auth_views.PasswordChangeDoneView.as_view())
