"""The county's letter settings: the letterhead (proper name, address, organisation number, contact), the
signer's and case officer's titles, the addressee, and the body text of the letter with the recommendation
(with placeholders for the numbers). Edited by the county administrator under Administration → Brevoppsett."""
