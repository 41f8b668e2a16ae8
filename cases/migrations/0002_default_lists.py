"""The managed lists a fresh install starts with (editors may add more)."""

from django.db import migrations

from cases.default_lists import ensure_default_lists


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]
    operations = [migrations.RunPython(ensure_default_lists, migrations.RunPython.noop)]
