"""Both written forms are complete: every catalogue (the project's and each app's) in bokmål and nynorsk has every
entry translated, none fuzzy, and every translation keeps its source's placeholders and HTML tags.

A catalogue is required once it has been translated; REQUIRED lists them. A catalogue not listed yet is still
checked for the placeholders of what is translated (a wrong placeholder is a crash, not a missing word)."""

import re
from pathlib import Path

import polib
import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "integrering"
APPS = ["accounts", "settlement", "guidance", "grants", "regional", "plans", "api"]
LANGUAGES = ["nb", "nn"]

# (catalogue, language): "project" is src/integrering/locale, otherwise the app's own locale folder.
# The nynorsk catalogues translated so far; every catalogue in bokmål is required. Add a catalogue here once its
# nynorsk is complete (then the test keeps it complete).
NYNORSK_COMPLETE = ["project", "accounts", "api", "settlement", "guidance", "plans", "regional", "grants"]
REQUIRED = {(c, "nb") for c in ["project", *APPS]} | {(c, "nn") for c in NYNORSK_COMPLETE}


def catalogue_path(catalogue: str, language: str) -> Path:
    base = SRC if catalogue == "project" else SRC / catalogue
    return base / "locale" / language / "LC_MESSAGES" / "django.po"


ALL = [(c, lang) for c in ["project", *APPS] for lang in LANGUAGES]

# %(name)s, %s, %d, %% (python-format), {name} / {0} (str.format), and HTML tags by name.
_PERCENT = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifrx%]")
_BRACES = re.compile(r"(?<!\{)\{[A-Za-z_0-9.]*\}(?!\})")
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")


def placeholders(text: str, entry: polib.POEntry) -> list[str]:
    found = _PERCENT.findall(text) if "python-format" in entry.flags or "%(" in entry.msgid else []
    if "python-brace-format" in entry.flags:
        found += _BRACES.findall(text)
    found += [f"<{tag.lower()}>" for tag in _TAG.findall(text)]
    return sorted(found)


def problems(path: Path, *, complete: bool) -> list[str]:
    out = []
    for entry in polib.pofile(str(path)):
        if entry.obsolete:
            continue
        if complete and (not entry.translated() or "fuzzy" in entry.flags):
            out.append(f"untranslated or fuzzy: {entry.msgid!r}")
            continue
        if entry.msgid_plural:
            # The singular form may say «one» instead of the count; the plural must keep every placeholder.
            source = placeholders(entry.msgid_plural, entry)
            for index, text in entry.msgstr_plural.items():
                got = placeholders(text, entry)
                if text and (
                    got != source if index else not set(got) <= set(source) | set(placeholders(entry.msgid, entry))
                ):
                    out.append(f"placeholders differ in form {index}: {entry.msgid!r} → {text!r}")
        elif entry.msgstr and placeholders(entry.msgstr, entry) != placeholders(entry.msgid, entry):
            out.append(f"placeholders differ: {entry.msgid!r} → {entry.msgstr!r}")
    return out


@pytest.mark.parametrize("catalogue,language", ALL, ids=[f"{c}-{lang}" for c, lang in ALL])
def test_the_catalogue_exists_with_two_plural_forms(catalogue, language):
    po = polib.pofile(str(catalogue_path(catalogue, language)))
    assert "nplurals=2; plural=(n != 1);" in po.metadata["Plural-Forms"]
    assert po.metadata["Language"] == language


@pytest.mark.parametrize("catalogue,language", ALL, ids=[f"{c}-{lang}" for c, lang in ALL])
def test_the_catalogue_is_complete_and_keeps_placeholders(catalogue, language):
    complete = (catalogue, language) in REQUIRED
    found = problems(catalogue_path(catalogue, language), complete=complete)
    assert not found, f"{catalogue} ({language}):\n" + "\n".join(found[:50])


def test_the_nynorsk_catalogues_have_the_same_entries_as_the_bokmal_ones():
    for catalogue in ["project", *APPS]:
        nb = {(e.msgctxt, e.msgid) for e in polib.pofile(str(catalogue_path(catalogue, "nb"))) if not e.obsolete}
        nn = {(e.msgctxt, e.msgid) for e in polib.pofile(str(catalogue_path(catalogue, "nn"))) if not e.obsolete}
        assert nb == nn, f"{catalogue}: run make messages"


def test_a_required_nynorsk_catalogue_is_not_bokmal_copied():
    """A nynorsk translation identical to the bokmål one is fine for a word that is the same in both (a name, a
    number, «Kommune»), but a catalogue where most are identical was copied, not translated."""
    for catalogue, language in REQUIRED:
        if language != "nn":
            continue
        nb = {e.msgid: e.msgstr for e in polib.pofile(str(catalogue_path(catalogue, "nb"))) if e.msgstr}
        nn = {e.msgid: e.msgstr for e in polib.pofile(str(catalogue_path(catalogue, "nn"))) if e.msgstr}
        same = [m for m in nn if nb.get(m) == nn[m] and len(nn[m].split()) > 3]
        assert len(same) < max(5, len(nn) // 10), f"{catalogue}: {len(same)} long strings same as bokmål: {same[:10]}"
