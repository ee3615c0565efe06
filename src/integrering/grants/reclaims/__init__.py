"""Reclaims (tilbakekrav) of unused or misused grant money: the amount (at most what is paid), the reason, a letter
with the right to appeal, and the repayment followed up."""
