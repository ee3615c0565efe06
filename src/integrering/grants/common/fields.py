"""Form fields for the small structured lists of a scheme or a call, typed one item per line.

CriteriaField        "code;name;weight"   -> [{"code", "name", "weight"}]
ReasonsField         "code;text"          -> [{"code", "text"}]
PercentListField     "75, 25"             -> [75, 25]
DateListField        "01.04.2026, 01.10.2026" -> ["2026-04-01", "2026-10-01"]
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

CODE = re.compile(r"^[A-Za-z0-9_.-]{1,20}$")


def _lines(value: str) -> list[list[str]]:
    return [[part.strip() for part in line.split(";")] for line in (value or "").splitlines() if line.strip()]


class CriteriaField(forms.CharField):
    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return "\n".join(f"{c['code']};{c['name']};{c['weight']}" for c in value)
        return value

    def to_python(self, value: Any) -> Any:
        criteria = []
        for number, parts in enumerate(_lines(super().to_python(value) or ""), start=1):
            if len(parts) != 3 or not CODE.match(parts[0]) or not parts[1] or not parts[2].isdigit():
                raise forms.ValidationError(
                    _("Line %(line)s: write code;name;weight (a whole number)."), params={"line": number}
                )
            criteria.append({"code": parts[0], "name": parts[1], "weight": int(parts[2])})
        return criteria


class ReasonsField(forms.CharField):
    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return "\n".join(f"{r['code']};{r['text']}" for r in value)
        return value

    def to_python(self, value: Any) -> Any:
        reasons = []
        for number, parts in enumerate(_lines(super().to_python(value) or ""), start=1):
            if len(parts) < 2 or not CODE.match(parts[0]) or not ";".join(parts[1:]).strip():
                raise forms.ValidationError(_("Line %(line)s: write code;text."), params={"line": number})
            reasons.append({"code": parts[0], "text": ";".join(parts[1:]).strip()})
        return reasons


class PercentListField(forms.CharField):
    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return ", ".join(str(p) for p in value)
        return value

    def to_python(self, value: Any) -> Any:
        parts = [p.strip() for p in (super().to_python(value) or "").split(",") if p.strip()]
        if not all(p.isdigit() for p in parts):
            raise forms.ValidationError(_("Write whole percentages separated by commas, e.g. 75, 25."))
        return [int(p) for p in parts]


class DateListField(forms.CharField):
    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return ", ".join(datetime.date.fromisoformat(d).strftime("%d.%m.%Y") for d in value)
        return value

    def to_python(self, value: Any) -> Any:
        dates = []
        for part in (p.strip() for p in (super().to_python(value) or "").split(",")):
            if not part:
                continue
            try:
                dates.append(datetime.datetime.strptime(part, "%d.%m.%Y").date().isoformat())
            except ValueError as error:
                raise forms.ValidationError(
                    _("«%(value)s» is not a date (dd.mm.yyyy)."), params={"value": part}
                ) from error
        return sorted(set(dates))


class MoneyLinesField(forms.CharField):
    """Lines «text;amount» in whole kroner (spaces and a trailing «kr» allowed) → [{key: text, "amount": n}]."""

    widget = forms.Textarea(attrs={"rows": 5})

    def __init__(self, *, key: str, **kwargs: Any) -> None:
        self.key = key
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return "\n".join(f"{line[self.key]};{line['amount']}" for line in value)
        return value

    def to_python(self, value: Any) -> Any:
        lines = []
        for number, parts in enumerate(_lines(super().to_python(value) or ""), start=1):
            amount = "".join(parts[-1].split()).removesuffix("kr").replace(".", "") if len(parts) >= 2 else ""
            if len(parts) < 2 or not ";".join(parts[:-1]).strip() or not amount.isdigit():
                raise forms.ValidationError(
                    _("Line %(line)s: write what;amount in whole kroner."), params={"line": number}
                )
            lines.append({self.key: ";".join(parts[:-1]).strip(), "amount": int(amount)})
        return lines
