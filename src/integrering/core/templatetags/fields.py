from django import template

register = template.Library()


@register.filter
def ds(field):
    """Render a form field with Designsystemet's classes and accessible error/help references."""
    widget = field.field.widget
    input_type = getattr(widget, "input_type", None)
    attrs = {}
    if input_type not in ("checkbox", "radio"):
        attrs["class"] = "ds-input"
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_hjelp")
    if field.errors:
        attrs["aria-invalid"] = "true"
        described.append(f"{field.auto_id}_feil")
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)


@register.filter
def summary_label(field) -> str:
    """The field's name in the error summary: its label, or the aria-label of a field in a table row that has no
    label of its own («Begrunnelse for 5001 Trondheim» rather than the generated «C 5001 reason»)."""
    return field.field.widget.attrs.get("aria-label") or field.label
