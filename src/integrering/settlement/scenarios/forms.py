"""Forms for scenarios (criteria with weights and exponents, a constraints table per municipality),
sensitivity and comparison."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from integrering.settlement.criteria.models import POPULATION
from integrering.settlement.limits import MAX_WEIGHT, persons_field
from integrering.settlement.scenarios.models import Method, Scenario

CONSTRAINT_KEYS = ("excluded", "fixed", "minimum", "cap", "reason")


def _small(field: forms.Field, label: str) -> forms.Field:
    field.widget.attrs.update({"aria-label": label})
    return field


class ScenarioForm(forms.Form):
    """``criteria``: [(code, name)] offered; ``municipalities``: [(number, name)] of the year."""

    name = forms.CharField(label=_("Name"), max_length=120)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    method = forms.ChoiceField(label=_("Method"), choices=Method.choices, initial=Method.OPTIMAL)
    total = persons_field(
        forms.IntegerField(label=_("Total to distribute"), required=False, help_text=_("Empty: the year's total."))
    )
    min_lot = persons_field(
        forms.IntegerField(
            label=_("Minimum lot"), initial=10, help_text=_("Every municipality gets 0 or at least this many.")
        )
    )
    minors_min_lot = persons_field(
        forms.IntegerField(
            label=_("Minimum lot for unaccompanied minors"),
            required=False,
            initial=0,
            help_text=_(
                "A municipality that gets unaccompanied minors gets at least this many. Empty or 0: no minimum. "
                "The year's frame for unaccompanied minors is spread over the municipalities that can take them."
            ),
        )
    )
    base = forms.DecimalField(
        label=_("Base per participating municipality"), min_value=0, max_digits=8, decimal_places=2, initial=Decimal(0)
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, criteria: list[tuple[str, str]], municipalities: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        self.municipalities = municipalities
        for code, name in criteria:
            self.fields[f"crit_{code}_use"] = _small(
                forms.BooleanField(required=False), _("Use %(name)s") % {"name": name}
            )
            self.fields[f"crit_{code}_weight"] = _small(
                forms.FloatField(min_value=0, max_value=MAX_WEIGHT, initial=1.0, required=False),
                _("Weight of %(name)s") % {"name": name},
            )
            self.fields[f"crit_{code}_exponent"] = _small(
                forms.FloatField(min_value=0.01, max_value=5, initial=1.0, required=False),
                _("Exponent of %(name)s") % {"name": name},
            )
        for number, name in municipalities:
            label = f"{number} {name}"
            self.fields[f"c_{number}_excluded"] = _small(
                forms.BooleanField(required=False), _("Exclude %(m)s") % {"m": label}
            )
            for key, text in (
                ("fixed", _("Fixed number for %(m)s")),
                ("minimum", _("Minimum for %(m)s")),
                ("cap", _("Cap for %(m)s")),
            ):
                self.fields[f"c_{number}_{key}"] = _small(
                    persons_field(forms.IntegerField(required=False)), text % {"m": label}
                )
            self.fields[f"c_{number}_reason"] = _small(
                forms.CharField(max_length=300, required=False), _("Reason for %(m)s") % {"m": label}
            )

    @classmethod
    def initial_from(cls, scenario: Scenario) -> dict:
        initial = {
            k: getattr(scenario, k)
            for k in ("name", "description", "method", "total", "min_lot", "minors_min_lot", "base", "version")
        }
        for c in scenario.criteria:
            initial[f"crit_{c['code']}_use"] = True
            initial[f"crit_{c['code']}_weight"] = c.get("weight", 1.0)
            initial[f"crit_{c['code']}_exponent"] = c.get("exponent", 1.0)
        for number, c in (scenario.constraints or {}).items():
            for key in CONSTRAINT_KEYS:
                initial[f"c_{number}_{key}"] = c.get(key)
        return initial

    def criteria_rows(self) -> list[dict]:
        return [
            {
                "code": code,
                "name": name,
                "use": self[f"crit_{code}_use"],
                "weight": self[f"crit_{code}_weight"],
                "exponent": self[f"crit_{code}_exponent"],
            }
            for code, name in self.criteria
        ]

    def constraint_rows(self) -> list[dict]:
        return [
            {"number": number, "name": name, **{k: self[f"c_{number}_{k}"] for k in CONSTRAINT_KEYS}}
            for number, name in self.municipalities
        ]

    def clean(self):
        data = super().clean()
        chosen = [code for code, _name in self.criteria if data.get(f"crit_{code}_use")]
        if not chosen:
            raise forms.ValidationError(_("Choose at least one criterion."))
        for number, _name in self.municipalities:
            needs_reason = data.get(f"c_{number}_excluded") or data.get(f"c_{number}_fixed") is not None
            if needs_reason and not (data.get(f"c_{number}_reason") or "").strip():
                self.add_error(f"c_{number}_reason", _("An exclusion or a fixed number needs a reason."))
            cap, minimum = data.get(f"c_{number}_cap"), data.get(f"c_{number}_minimum")
            if cap is not None and minimum is not None and minimum > cap:
                self.add_error(f"c_{number}_cap", _("The cap is lower than the municipality's minimum."))
        return data

    def scenario_values(self) -> dict:
        """The cleaned data in the shape of the Scenario fields."""
        data = self.cleaned_data
        criteria = []
        for code, _name in self.criteria:
            if data.get(f"crit_{code}_use"):
                weight = data.get(f"crit_{code}_weight")
                exponent = data.get(f"crit_{code}_exponent")
                criteria.append(
                    {
                        "code": code,
                        "weight": 1.0 if weight is None else weight,
                        "exponent": 1.0 if exponent is None else exponent,
                    }
                )
        constraints = {}
        for number, _name in self.municipalities:
            c = {k: data.get(f"c_{number}_{k}") for k in CONSTRAINT_KEYS}
            c["excluded"] = bool(c["excluded"])
            c["reason"] = (c["reason"] or "").strip()
            if c["excluded"] or any(c[k] is not None for k in ("fixed", "minimum", "cap")) or c["reason"]:
                constraints[number] = c
        return {
            "name": data["name"],
            "description": data.get("description", ""),
            "method": data["method"],
            "total": data.get("total"),
            "min_lot": data["min_lot"],
            "minors_min_lot": data.get("minors_min_lot") or 0,
            "base": data["base"],
            "criteria": criteria,
            "constraints": constraints,
        }


def criteria_choices(definitions) -> list[tuple[str, str]]:
    return [(POPULATION, str(_("Population 1 January")))] + [(d.code, d.name) for d in definitions]


class SensitivityForm(forms.Form):
    draws = forms.IntegerField(
        label=_("Number of draws"),
        min_value=1,
        max_value=200,
        initial=50,
        help_text=_("Each draw is a full distribution; 50 draws take a few seconds."),
    )
    spread = forms.IntegerField(label=_("Spread of the weights (± per cent)"), min_value=0, max_value=90, initial=20)
    seed = forms.IntegerField(label=_("Seed"), min_value=0, initial=1)


class CompareForm(forms.Form):
    a = forms.TypedChoiceField(label=_("Scenario A"), coerce=int)
    b = forms.TypedChoiceField(label=_("Scenario B"), coerce=int)

    def __init__(self, *args, scenarios, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(s.pk, s.name) for s in scenarios]
        self.fields["a"].choices = choices
        self.fields["b"].choices = choices
        if len(choices) > 1:
            self.fields["a"].initial, self.fields["b"].initial = choices[1][0], choices[0][0]
