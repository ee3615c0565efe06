"""The stage of a year follows its data; the stored stage becomes a manual override with a reason (empty: none).

Every year's stored stage was set by hand or by freezing a recommendation; from now on it is computed, so the
existing values are not carried over as overrides (they had no reason)."""

from django.db import migrations, models


def _follow_the_data(apps, schema_editor):
    apps.get_model("settlement", "SettlementYear").objects.update(stage_override="")


class Migration(migrations.Migration):
    dependencies = [
        ("settlement", "0008_recommendation_minors_verbose_name"),
    ]

    operations = [
        migrations.RenameField(model_name="settlementyear", old_name="stage", new_name="stage_override"),
        migrations.AlterField(
            model_name="settlementyear",
            name="stage_override",
            field=models.CharField(
                blank=True,
                choices=[
                    ("planning", "Planning"),
                    ("recommended", "Recommended"),
                    ("requested", "Requested"),
                    ("decided", "Decided"),
                    ("settling", "Settling"),
                ],
                default="",
                help_text="Empty: the stage follows the registered figures.",
                max_length=16,
                verbose_name="stage set by hand",
            ),
        ),
        migrations.AddField(
            model_name="settlementyear",
            name="stage_override_reason",
            field=models.TextField(blank=True, verbose_name="reason for setting the stage by hand"),
        ),
        migrations.RunPython(_follow_the_data, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="settlementyear",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("stage_override", ""), models.Q(("stage_override_reason", ""), _negated=True), _connector="OR"
                ),
                name="settlement_year_stage_override_has_reason",
            ),
        ),
    ]
