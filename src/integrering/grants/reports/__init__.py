"""Reports from the applicant: status reports at any time, the final report with accounts (planned against actual
per cost line) and, from the scheme's threshold, the accountant's confirmation; the caseworker approves a report or
asks for more."""
