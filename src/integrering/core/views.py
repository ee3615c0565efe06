from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from integrering.core.permissions import Perm, public, requires
from integrering.municipalities import selectors as municipality_selectors


@requires(Perm.HOME)
def home(request):
    today = timezone.localdate()
    mine = municipality_selectors.with_year_figures(
        municipality_selectors.municipalities_of_contact(request.user, today), today.year
    )
    return render(request, "core/home.html", {"my_municipalities": mine, "today": today})


@public
def health(request):
    return HttpResponse("ok", content_type="text/plain")


login = public(auth_views.LoginView.as_view(redirect_authenticated_user=True))
logout = public(auth_views.LogoutView.as_view())
password_change = requires(Perm.HOME)(auth_views.PasswordChangeView.as_view(success_url="/passord/endret/"))
password_change_done = requires(Perm.HOME)(auth_views.PasswordChangeDoneView.as_view())
