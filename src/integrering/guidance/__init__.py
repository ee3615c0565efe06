"""Career guidance (§ 11) and the county's Norwegian training (§ 30): one Django app (label ``guidance``), split
by sub-domain. Find a feature by its folder:

    participants/  the participant register: facts, the § 12 decision, list and page, import, anonymisation
    mapping/       the competence-mapping date (§§ 6, 10) given with a referral
    cases/         referrals, guidance cases and sessions, the counsellor's queue
    training/      § 30 enrolments, and the export of completed guidance and absence to the municipality
    compliance/    evaluation by the rules core, findings, compliance figures, the municipality page's
                   section, the guidance report

What the sub-domains share sits at the top: ``models`` (imports every model, so that Django and the
migrations find them), ``urls`` (includes each sub-domain's URLs), ``errors``, ``versioning`` (the optimistic
lock), ``form_page`` (the one shape of a form page), ``bulk`` (audited bulk writes), ``demo``, the template
tags in ``templatetags/guidance_ui.py`` and the shared templates ``templates/guidance/_*.html``.
"""
