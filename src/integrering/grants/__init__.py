"""Grant schemes: schemes, calls, applications, assessment, decisions, payments, reports."""
