"""SVG bar charts computed on the server: geometry here, markup in the templates.

Each bar carries its value as text and in a <title>; the series differ by colour *and* pattern,
and a table with the same numbers follows each chart. An unknown value has no bar (its label says «–»), and a
year without figures is a gap in the row of years with a note (:func:`with_gaps`), never a bar of 0. The axes
are labelled; the SVG has a viewBox and scales to the width of its box (see settlement.css).
"""

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

SERIES = [
    ("requested", _("Requested"), "#3182bd", "solid"),
    ("decided", _("Decided"), "#e6550d", "hatch"),
    ("settled", _("Settled"), "#31a354", "dots"),
]
LABEL_WIDTH = 160
BAR = 9
GAP = 8
CHART_WIDTH = 480
PERSONS = _("Persons")
YEAR = _("Year")


@dataclass
class Bar:
    series: str
    label: str | Promise
    colour: str
    pattern: str
    value: int | None
    unknown: int  # for a sum: how many of the values it adds up are unknown
    x: float
    y: float
    width: float
    height: float
    text_x: float
    text_y: float


@dataclass
class Group:
    label: str
    y: float
    x: float = 0
    bars: list[Bar] = field(default_factory=list)
    gap: bool = False  # a year without figures: no bars, a note instead


@dataclass
class Chart:
    width: float
    height: float
    groups: list[Group]
    ticks: list[tuple[float, int]]
    horizontal: bool = True
    rotated: bool = False  # value labels turned upright (they say «n ukjente» as well as the value)
    x_label: str | Promise = ""
    y_label: str | Promise = ""
    axis_y: float = 0  # where the axis label stands (below the plot, or the y axis' middle)
    label_x: float = LABEL_WIDTH - 5  # the right end of a horizontal chart's group labels


def _nice_max(value: int) -> int:
    if value <= 10:
        return 10
    magnitude = 10 ** (len(str(value)) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return int(step * magnitude)
    return value


def _ticks(maximum: int, count: int = 5) -> list[int]:
    return [round(maximum * i / count) for i in range(count + 1)]


def horizontal_bars(items: list[tuple[str, dict[str, int | None]]]) -> Chart:
    """One group of three horizontal bars (requested, decided, settled) per label."""
    maximum = _nice_max(max([v for _, values in items for v in values.values() if v is not None] or [0]))
    plot = CHART_WIDTH - LABEL_WIDTH - 50
    group_height = len(SERIES) * BAR + GAP
    groups = []
    for index, (label, values) in enumerate(items):
        top = 24 + index * group_height
        group = Group(label, top + len(SERIES) * BAR / 2 + 4)
        for s, (series, label_, colour, pattern) in enumerate(SERIES):
            value = values.get(series)
            length = (value or 0) / maximum * plot
            y = top + s * BAR
            group.bars.append(
                Bar(
                    series,
                    label_,
                    colour,
                    pattern,
                    value,
                    0,
                    LABEL_WIDTH,
                    y,
                    round(length, 1),
                    BAR - 1,
                    LABEL_WIDTH + length + 4,
                    y + BAR - 1,
                )
            )
        groups.append(group)
    height = 24 + len(items) * group_height + 24
    ticks = [(LABEL_WIDTH + t / maximum * plot, t) for t in _ticks(maximum)]
    return Chart(CHART_WIDTH, height + 14, groups, ticks, x_label=PERSONS, axis_y=height + 8)


UNKNOWN_LABEL = 14  # characters of « (26 ukjente)» in a value label
CHAR_WIDTH = 6.2  # of the 11 px value labels


def _headroom(items: list[tuple], maximum: int, plot_height: float) -> float:
    """The room above the plot that the upright labels need where they stand higher than its top."""
    needed = 0.0
    for _label, values, unknown in items:
        for series, *_rest in SERIES:
            value = values.get(series)
            chars = len(f"{value:,}" if value is not None else "–") + (UNKNOWN_LABEL if unknown.get(series) else 0)
            above_bar = plot_height * (1 - (value or 0) / maximum)
            needed = max(needed, chars * CHAR_WIDTH + 6 - above_bar)
    return round(needed, 1)


def with_gaps(items: list[tuple]) -> tuple[list[tuple], list[str]]:
    """The items (label = a year) with a gap item for every year between them that has no figures (not in
    ``items``, or every value unknown), and the labels of those years for the note under the chart."""
    by_year = {int(item[0]): item for item in items}
    if not by_year:
        return [], []
    filled: list[tuple] = []
    missing: list[str] = []
    for year in range(min(by_year), max(by_year) + 1):
        item = by_year.get(year)
        if item is None or all(v is None for v in item[1].values()):
            filled.append((str(year), {}, {}, True))
            missing.append(str(year))
        else:
            filled.append(item)
    return filled, missing


def vertical_bars(items: list[tuple], *, height: float = 260) -> Chart:
    """One group of three vertical bars per label (year).

    ``items``: (label, values) or (label, values, unknown) where ``unknown`` says per series how many of
    the values in a sum are unknown; then the value labels stand upright and say so («32 (26 ukjente)»);
    (label, {}, {}, True) is a gap (:func:`with_gaps`): a year without figures, drawn without bars.
    """
    gaps = {item[0] for item in items if len(item) > 3 and item[3]}
    items = [(item[0], item[1], item[2] if len(item) > 2 else {}) for item in items]
    maximum = _nice_max(max([v for _, values, _u in items for v in values.values() if v is not None] or [0]))
    rotated = any(any(u.values()) for _, _v, u in items)
    plot_height = height - 50
    headroom = _headroom(items, maximum, plot_height) if rotated else 0
    left, bottom = 62, height + headroom - 30
    group_width = len(SERIES) * (BAR + 3) + 18
    groups = []
    for index, (label, values, unknown) in enumerate(items):
        x0 = left + 10 + index * group_width
        group = Group(label, bottom + 16, x=x0 + len(SERIES) * (BAR + 3) / 2, gap=label in gaps)
        groups.append(group)
        if group.gap:
            continue
        for s, (series, label_, colour, pattern) in enumerate(SERIES):
            value = values.get(series)
            length = (value or 0) / maximum * plot_height
            x = x0 + s * (BAR + 3)
            text_x = x + BAR / 2 + (3 if rotated else 0)  # an upright label: its baseline along the bar's middle
            group.bars.append(
                Bar(
                    series,
                    label_,
                    colour,
                    pattern,
                    value,
                    unknown.get(series, 0),
                    x,
                    round(bottom - length, 1),
                    BAR,
                    round(length, 1),
                    text_x,
                    bottom - length - 3,
                )
            )
    width = max(320, left + 20 + len(items) * group_width)
    ticks = [(bottom - t / maximum * plot_height, t) for t in _ticks(maximum)]
    return Chart(
        width,
        height + headroom + 14,
        groups,
        ticks,
        horizontal=False,
        rotated=rotated,
        x_label=YEAR,
        y_label=PERSONS,
        axis_y=round(bottom - plot_height / 2, 1),
    )
