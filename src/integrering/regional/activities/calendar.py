"""The calendar: a month of activities on a page, and each user's planned activities as an ICS feed at a secret
address that the user can renew (the old address then stops working)."""

from __future__ import annotations

import calendar
import datetime
import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from integrering.regional.activities.models import Activity, ActivityStatus


class CalendarFeed(models.Model):
    """The secret part of one user's ICS address."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="regional_calendar_feed"
    )
    token = models.CharField(_("secret"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("made"), auto_now=True)

    unguarded_fields = ("token",)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return str(self.user_id)


def feed_for(user: Any, *, renew: bool = False) -> CalendarFeed:
    feed = CalendarFeed.objects.filter(user=user).first()
    if feed is None:
        return CalendarFeed.objects.create(user=user, token=secrets.token_urlsafe(32))
    if renew:
        feed.token = secrets.token_urlsafe(32)
        feed.save(update_fields=["token", "created_at"])
    return feed


def month_weeks(year: int, month: int, activities: list[Activity]) -> list[list[dict[str, Any]]]:
    """The month as weeks (Monday first) of days, each with the activities that take place that day."""
    by_day: dict[datetime.date, list[Activity]] = {}
    for activity in activities:
        last = activity.end_date or activity.start_date
        day = activity.start_date
        while day <= last and (day - activity.start_date).days < 62:
            by_day.setdefault(day, []).append(activity)
            day += datetime.timedelta(days=1)
    return [
        [{"date": day, "in_month": day.month == month, "activities": by_day.get(day, [])} for day in week]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    ]


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """RFC 5545: lines longer than 75 octets are folded (CRLF and a space)."""
    out, current = [], ""
    for char in line:
        if len((current + char).encode("utf-8")) > 75:
            out.append(current)
            current = " " + char
        else:
            current += char
    out.append(current)
    return "\r\n".join(out)


def ics_for(user: Any, *, base_url: str) -> str:
    """The user's planned activities (as responsible adviser), from 30 days back, as an iCalendar file."""
    since = timezone.localdate() - datetime.timedelta(days=30)
    activities = Activity.objects.filter(
        county_id=user.county_id, advisers=user, status=ActivityStatus.PLANNED, start_date__gte=since
    ).order_by("start_date")[:500]
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Integrering//Regionalt arbeid//NB", "CALSCALE:GREGORIAN"]
    for activity in activities:
        end = (activity.end_date or activity.start_date) + datetime.timedelta(days=1)
        lines += [
            "BEGIN:VEVENT",
            f"UID:regional-activity-{activity.pk}@integrering",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{activity.start_date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{end:%Y%m%d}",
            f"SUMMARY:{_escape(activity.title)}",
            f"LOCATION:{_escape(activity.place)}",
            f"URL:{base_url.rstrip('/')}/regionalt/aktiviteter/{activity.pk}/",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
