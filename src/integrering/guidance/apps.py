from django.apps import AppConfig


class GuidanceConfig(AppConfig):
    name = "integrering.guidance"
    label = "guidance"
    verbose_name = "Karriereveiledning"
