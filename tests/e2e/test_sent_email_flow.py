"""A county administrator checks the county's e-mail: a test message through a real SMTP server, then its record."""

from playwright.sync_api import expect

from integrering.core.roles import Role
from tests.core.mail.conftest import point_django_at, smtp_server  # noqa: F401 — the SMTP server fixture


def test_an_administrator_sends_a_test_e_mail_and_finds_it_in_the_list(
    page,
    e2e_db,
    e2e_user,
    login,
    assert_accessible,
    settings,
    smtp_server,  # noqa: F811
):
    point_django_at(settings, smtp_server.port)
    admin = e2e_user("epostadmin", Role.COUNTY_ADMIN)
    login(page, "epostadmin")

    page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Sendt e-post").click()
    page.wait_for_url("**/admin/e-post/")
    expect(page.get_by_text("Ingen e-post passer med filteret.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Send en prøve-e-post til meg").click()
    page.wait_for_url("**/admin/e-post/")
    expect(page.get_by_text(f"En prøve-e-post ble sendt til {admin.email}.")).to_be_visible()
    [received] = smtp_server.received
    assert received.rcpt_tos == [admin.email] and received.message["Subject"] == "Prøve-e-post fra Integrering"
    row = page.locator("tbody tr").first
    expect(row).to_contain_text(admin.email)
    expect(row).to_contain_text("Sendt")
    assert_accessible(page)

    page.get_by_label("Status").select_option("failed")
    page.get_by_role("button", name="Filtrer").click()
    expect(page.get_by_text("Ingen e-post passer med filteret.")).to_be_visible()
    page.get_by_label("Status").select_option("sent")
    page.get_by_role("button", name="Filtrer").click()

    page.get_by_role("link", name="Prøve-e-post fra Integrering").click()
    page.wait_for_url("**/admin/e-post/*/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Prøve-e-post fra Integrering")
    expect(page.get_by_text(f"Bruker {admin.pk}").first).to_be_visible()
    assert_accessible(page)
