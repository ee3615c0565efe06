from django.http import HttpResponse

from integrering.core.permissions import public


@public
def health(request):
    """For the load balancer and monitoring: the application answers (no database, no login)."""
    return HttpResponse("ok", content_type="text/plain")
