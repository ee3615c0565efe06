from django.apps import AppConfig


class SettlementConfig(AppConfig):
    name = "integrering.settlement"
    label = "settlement"
    verbose_name = "Bosetting"
