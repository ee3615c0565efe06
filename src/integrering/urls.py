from django.contrib import admin
from django.urls import include, path

from integrering.accounts import views as accounts_views
from integrering.core import views as core_views

urlpatterns = [
    path("", accounts_views.home, name="home"),
    path("logg-inn/", accounts_views.login, name="login"),
    path("logg-ut/", accounts_views.logout, name="logout"),
    path("passord/", accounts_views.password_change, name="password_change"),
    path("invitasjon/<uidb64>/<token>/", accounts_views.invitation_accept, name="invitation_accept"),
    path("passord/endret/", accounts_views.password_change_done, name="password_change_done"),
    path("helse/", core_views.health, name="health"),
    path("sprak/", core_views.language_switch, name="language_switch"),
    path("kommuner/", include("integrering.municipalities.urls")),
    path("bosetting/", include("integrering.settlement.urls")),
    path("veiledning/", include("integrering.guidance.urls")),
    path("tilskudd/", include("integrering.grants.urls")),
    path("regionalt/", include("integrering.regional.urls")),
    path("planer/", include("integrering.plans.urls")),
    path("admin/", include("integrering.accounts.urls")),
    path("admin/api-tokener/", include("integrering.api.admin_urls")),
    path("api/v1/", include("integrering.api.urls", namespace="api")),
    path("admin/", include("integrering.core.urls")),
    # Django's own admin, for technical superusers only (is_staff); not part of the county's UI.
    path("django-admin/", admin.site.urls),
    # Single sign-on with OpenID Connect (accounts/oidc/; 404 unless OIDC_RP_CLIENT_ID is set).
    path("oidc/", include("integrering.accounts.oidc.urls")),
]

handler400 = "integrering.core.errors.bad_request"
handler403 = "integrering.core.errors.forbidden"
handler404 = "integrering.core.errors.not_found"
handler500 = "integrering.core.errors.server_error"
