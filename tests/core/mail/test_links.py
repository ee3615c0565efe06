"""Links in e-mails are absolute: ``SITE_URL`` when it is set (not a request's ``Host``), else the request's
address; every message with a link goes through ``core.mail.links.absolute_url``."""

import io

from django.core import mail
from django.core.management import call_command

from integrering.core.mail.links import absolute_url


def test_site_url_wins_over_the_requests_address(settings):
    settings.SITE_URL = "https://integrering.fylke.no"
    assert absolute_url("/planer/tiltak/3/", base_url="http://forfalsket.example/") == (
        "https://integrering.fylke.no/planer/tiltak/3/"
    )
    settings.SITE_URL = ""
    assert (
        absolute_url("/planer/tiltak/3/", base_url="http://127.0.0.1:8000/") == "http://127.0.0.1:8000/planer/tiltak/3/"
    )
    assert absolute_url("/planer/tiltak/3/") == "/planer/tiltak/3/"


def test_the_invitation_link_uses_site_url(settings, make_user, county_admin, django_capture_on_commit_callbacks):
    from integrering.accounts import services
    from integrering.core.roles import Role

    settings.SITE_URL = "https://integrering.fylke.no"
    user = make_user(Role.ADVISER, username="ny")
    user.email = "ny@example.org"
    user.set_unusable_password()
    user.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.user_invite(user=user, base_url="http://forfalsket.example/", by=county_admin)
    assert "https://integrering.fylke.no/" in mail.outbox[-1].body
    assert "forfalsket" not in mail.outbox[-1].body


def test_the_plan_digest_links_are_absolute(settings, county, adviser, django_capture_on_commit_callbacks):
    import datetime

    from django.utils import timezone

    from integrering.plans.measures.models import Measure
    from integrering.plans.measures.services import measure_create
    from integrering.plans.plans.services import focus_area_create, goal_create, plan_create

    settings.SITE_URL = "https://integrering.fylke.no"
    adviser.email = "radgiver@example.org"
    adviser.save()
    year = timezone.localdate().year
    plan = plan_create(
        county=county,
        title="Plan",
        slug="plan",
        first_year=year - 1,
        last_year=year + 1,
        status="adopted",
        adopted_on=datetime.date(year - 1, 1, 1),
        adopted_by="Fylkestinget",
    )
    goal = goal_create(
        focus_area=focus_area_create(plan=plan, identifier="1", title="B", area="settlement"),
        identifier="1.1",
        title="M",
    )
    measure = measure_create(goal=goal, identifier="1.1.1", title="Dialog", primary_person=adviser)
    Measure.objects.filter(pk=measure.pk).update(created_at=timezone.now() - datetime.timedelta(days=200))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send-plan-digest", stdout=io.StringIO())
    assert f"https://integrering.fylke.no/planer/tiltak/{measure.pk}/" in mail.outbox[-1].body
