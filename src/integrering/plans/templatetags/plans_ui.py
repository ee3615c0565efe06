"""The traffic light as a badge (a filter, not an include: the plan page shows hundreds of them)."""

from django import template
from django.utils.html import format_html

from integrering.plans.measures.models import Light

register = template.Library()
_LABELS = dict(Light.choices)


@register.filter
def light_badge(light: str) -> str:
    return format_html('<span class="light light--{}">{}</span>', light, _LABELS.get(light, light))
