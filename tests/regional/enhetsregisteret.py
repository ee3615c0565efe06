"""Enhetsregisteret-shaped CSV for tests and benchmarks: the bulk download's header names, `,`, quoted."""

import csv
import gzip
import io

from integrering.regional.organisations.numbers import fictional_orgnr

HEADER = [
    "organisasjonsnummer",
    "navn",
    "organisasjonsform.kode",
    "organisasjonsform.beskrivelse",
    "registreringsdatoEnhetsregisteret",
    "hjemmeside",
    "postadresse.adresse",
    "postadresse.poststed",
    "postadresse.postnummer",
    "postadresse.kommune",
    "postadresse.kommunenummer",
    "forretningsadresse.adresse",
    "forretningsadresse.poststed",
    "forretningsadresse.postnummer",
    "forretningsadresse.kommune",
    "forretningsadresse.kommunenummer",
    "registrertIFrivillighetsregisteret",
    "konkurs",
    "underAvvikling",
]


def orgnr(seed: int) -> str:
    """A 9-digit number with a valid check digit (fictional), from ``seed``."""
    return fictional_orgnr(seed, start=90_000_000)


def row(
    number: str, name: str, *, form="FLI", municipality="5001", postal="", voluntary=True, bankrupt=False, winding=False
):
    return {
        "organisasjonsnummer": number,
        "navn": name,
        "organisasjonsform.kode": form,
        "organisasjonsform.beskrivelse": "Forening/lag/innretning" if form == "FLI" else "Annet",
        "registreringsdatoEnhetsregisteret": "2001-02-03",
        "hjemmeside": "www.eksempel.no",
        "postadresse.adresse": "Postboks 1" if postal else "",
        "postadresse.poststed": "TRONDHEIM" if postal else "",
        "postadresse.postnummer": "7001" if postal else "",
        "postadresse.kommune": "",
        "postadresse.kommunenummer": postal,
        "forretningsadresse.adresse": "Gata 1" if municipality else "",
        "forretningsadresse.poststed": "TRONDHEIM" if municipality else "",
        "forretningsadresse.postnummer": "7010" if municipality else "",
        "forretningsadresse.kommune": "",
        "forretningsadresse.kommunenummer": municipality,
        "registrertIFrivillighetsregisteret": "true" if voluntary else "false",
        "konkurs": "true" if bankrupt else "false",
        "underAvvikling": "true" if winding else "false",
    }


def csv_bytes(rows, *, gzipped=False) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=HEADER, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    data = buffer.getvalue().encode("utf-8")
    return gzip.compress(data) if gzipped else data
