"""Adoption reports, and the "Comment moderators" group may moderate them (change permission).

Permissions are normally created after all migrations run, so the migration creates the
one it needs itself (get_or_create, matching what Django would create), as blog 0002 does.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


MODERATORS_GROUP = "Comment moderators"


def grant_moderators(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    report_type, _ = ContentType.objects.get_or_create(app_label="practices", model="adoptionreport")
    change, _ = Permission.objects.get_or_create(
        content_type=report_type, codename="change_adoptionreport", defaults={"name": "Can change adoption report"}
    )
    group, _ = Group.objects.get_or_create(name=MODERATORS_GROUP)
    group.permissions.add(change)


class Migration(migrations.Migration):

    dependencies = [
        ('practices', '0008_related_practices'),
        ('blog', '0002_comment_moderators_group'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='AdoptionReport',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('organisation', models.CharField(max_length=200, verbose_name='organisation')),
                ('municipality', models.CharField(max_length=100, verbose_name='municipality')),
                ('region', models.CharField(blank=True, choices=[('national', 'National'), ('uusimaa', 'Uusimaa'), ('varsinais-suomi', 'Southwest Finland'), ('satakunta', 'Satakunta'), ('kanta-hame', 'Kanta-Häme'), ('pirkanmaa', 'Pirkanmaa'), ('paijat-hame', 'Päijät-Häme'), ('kymenlaakso', 'Kymenlaakso'), ('etela-karjala', 'South Karelia'), ('etela-savo', 'South Savo'), ('pohjois-savo', 'North Savo'), ('pohjois-karjala', 'North Karelia'), ('keski-suomi', 'Central Finland'), ('etela-pohjanmaa', 'South Ostrobothnia'), ('pohjanmaa', 'Ostrobothnia'), ('keski-pohjanmaa', 'Central Ostrobothnia'), ('pohjois-pohjanmaa', 'North Ostrobothnia'), ('kainuu', 'Kainuu'), ('lappi', 'Lapland'), ('ahvenanmaa', 'Åland')], max_length=32, verbose_name='region')),
                ('adopted_on', models.DateField(help_text='The month it was taken into use (day 1).', verbose_name='taken into use')),
                ('adapted', models.TextField(blank=True, max_length=2000, verbose_name='what was adapted')),
                ('experiences', models.TextField(max_length=4000, verbose_name='experiences')),
                ('language', models.CharField(help_text='The language the report was written in.', max_length=8, verbose_name='language')),
                ('contact_name', models.CharField(max_length=200, verbose_name='contact name')),
                ('contact_email', models.EmailField(max_length=254, verbose_name='contact e-mail')),
                ('status', models.CharField(choices=[('held', 'Waiting for moderation'), ('approved', 'Approved'), ('rejected', 'Rejected')], default='held', max_length=10, verbose_name='status')),
                ('submitted_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='submitted at')),
                ('moderated_at', models.DateTimeField(blank=True, null=True, verbose_name='moderated at')),
                ('moderated_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='moderated by')),
                ('practice', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='adoption_reports', to='practices.practicemodelpage', verbose_name='practice')),
            ],
            options={
                'verbose_name': 'adoption report',
                'verbose_name_plural': 'adoption reports',
                'ordering': ['-adopted_on', '-pk'],
                'indexes': [models.Index(fields=['status', 'practice'], name='practices_adoption_status')],
            },
        ),
        migrations.RunPython(grant_moderators, migrations.RunPython.noop),
    ]
