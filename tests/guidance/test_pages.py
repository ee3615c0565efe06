"""Every guidance page renders for a career counsellor (each sub-domain's pages test what they show)."""

from tests.guidance.factories import case_of


def test_every_page_renders_for_a_counsellor(referred, counsellor, client_for):
    client = client_for(counsellor)
    case = case_of(referred)
    for url in [
        "/veiledning/deltakere/",
        f"/veiledning/deltakere/{referred.pk}/",
        "/veiledning/deltakere/ny/",
        f"/veiledning/deltakere/{referred.pk}/endre/",
        "/veiledning/ko/",
        "/veiledning/ko/?mine=1",
        f"/veiledning/saker/{case.pk}/book/",
        f"/veiledning/saker/{case.pk}/samtale/",
        f"/veiledning/saker/{case.pk}/fullfor/",
        f"/veiledning/saker/{case.pk}/tildel/",
        "/veiledning/etterlevelse/",
    ]:
        assert client.get(url).status_code == 200, url
    # The § 12 decision is the municipality's (issue 11 §6): not a counsellor's page.
    assert client.get(f"/veiledning/deltakere/{referred.pk}/vedtak/").status_code == 403
