"""Names sort in Norwegian order: … Z, Æ, Ø, Å."""

import random

from integrering.core.collation import norwegian_key, norwegian_sorted


def test_ae_oe_and_aa_come_after_z_in_that_order():
    names = ["Åfjord", "Ørland", "Verdal", "Æsir", "Zeta", "åse", "ørsta", "Ålesund", "Aure"]
    expected = ["Aure", "Verdal", "Zeta", "Æsir", "Ørland", "ørsta", "Åfjord", "Ålesund", "åse"]
    shuffled = random.Random(1).sample(names, len(names))
    assert norwegian_sorted(shuffled) == expected


def test_case_is_ignored_and_other_accents_sort_with_their_base_letter():
    assert norwegian_sorted(["Gausdal", "Gáivuotna", "gjesdal", "Čáhcesuolu", "Deatnu", "Bø"]) == [
        "Bø",
        "Čáhcesuolu",
        "Deatnu",
        "Gáivuotna",
        "Gausdal",
        "gjesdal",
    ]


def test_the_key_is_a_total_order_that_keeps_different_spellings_apart():
    assert norwegian_key("Å") != norwegian_key("å")
    assert norwegian_key(None) == ("", "")
