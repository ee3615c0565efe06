"""The county's Norwegian and social studies for participants in full-time upper secondary (§ 30 second
paragraph): enrolments with hours and absence, and the export of completed guidance and absence to the
municipality (``exports``).
"""
