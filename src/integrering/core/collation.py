"""Norwegian alphabetical order: A … Z, Æ, Ø, Å (a plain sort puts Å before Æ and Ø).

``norwegian_key`` is a sort key for names: case is ignored, Æ/Ø/Å (and Ä/Ö as Æ/Ø) come after Z in that
order, and other accented letters sort with their base letter (Sami «Gáivuotna» with G-a, «Čáhcesuolu»
with C).
"""

import unicodedata

# After «z» in code-point order: «{» < «|» < «}».
_AFTER_Z = {"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}"}
# Letters without a decomposition that belong with a base letter.
_BASE = {"đ": "d", "ŋ": "n", "ŧ": "t", "ł": "l"}


def _letter(ch: str) -> str:
    if ch in _AFTER_Z:
        return _AFTER_Z[ch]
    if ch in _BASE:
        return _BASE[ch]
    return "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))


def norwegian_key(text) -> tuple[str, str]:
    """Sort key for ``text`` in Norwegian order; ties are broken by the text itself, so the order is stable."""
    text = str(text or "")
    return "".join(_letter(ch) for ch in text.casefold()), text


def norwegian_sorted(items, *, key=str, reverse: bool = False) -> list:
    """``items`` sorted in Norwegian order of ``key(item)``."""
    return sorted(items, key=lambda item: norwegian_key(key(item)), reverse=reverse)


def sorted_choices(objects, label, empty_label="---------") -> list[tuple]:
    """Select options (pk, label) in Norwegian order of their labels, after the empty option ``empty_label``."""
    labelled = sorted(((obj.pk, label(obj)) for obj in objects), key=lambda pair: norwegian_key(pair[1]))
    return [("", empty_label), *labelled]
