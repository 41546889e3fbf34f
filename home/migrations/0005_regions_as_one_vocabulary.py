"""Pilot reports store the regions' shared slugs (`cms.vocabulary.Region`), the ones practices use.

Until now pilots stored English slugs ("southwest-finland") and practices Finnish ones
("varsinais-suomi"), so one region had two filter addresses. The live rows, every stored
revision (an editor may revert to one) and wagtail-localize's copy of the source content
(translations are synchronised from it) are rewritten.
"""

import json

from django.db import migrations, models

ENGLISH_TO_SHARED = {
    "southwest-finland": "varsinais-suomi",
    "south-karelia": "etela-karjala",
    "south-savo": "etela-savo",
    "north-savo": "pohjois-savo",
    "north-karelia": "pohjois-karjala",
    "central-finland": "keski-suomi",
    "south-ostrobothnia": "etela-pohjanmaa",
    "ostrobothnia": "pohjanmaa",
    "central-ostrobothnia": "keski-pohjanmaa",
    "north-ostrobothnia": "pohjois-pohjanmaa",
    "lapland": "lappi",
    "aland": "ahvenanmaa",
}


def rename(apps, mapping):
    PilotReportPage = apps.get_model("home", "PilotReportPage")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    for old, new in mapping.items():
        PilotReportPage.objects.filter(region=old).update(region=new)
    content_type = ContentType.objects.filter(app_label="home", model="pilotreportpage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        region = revision.content.get("region")
        if region in mapping:
            revision.content["region"] = mapping[region]
            revision.save(update_fields=["content"])
    for source in TranslationSource.objects.filter(specific_content_type=content_type).iterator():
        content = json.loads(source.content_json)
        if content.get("region") in mapping:
            content["region"] = mapping[content["region"]]
            source.content_json = json.dumps(content)
            source.save(update_fields=["content_json"])


def forwards(apps, schema_editor):
    rename(apps, ENGLISH_TO_SHARED)


def backwards(apps, schema_editor):
    rename(apps, {new: old for old, new in ENGLISH_TO_SHARED.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_homepage_upcoming_events"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.AlterField(
            model_name="pilotreportpage",
            name="region",
            field=models.CharField(
                choices=[
                    ("national", "National"),
                    ("uusimaa", "Uusimaa"),
                    ("varsinais-suomi", "Southwest Finland"),
                    ("satakunta", "Satakunta"),
                    ("kanta-hame", "Kanta-Häme"),
                    ("pirkanmaa", "Pirkanmaa"),
                    ("paijat-hame", "Päijät-Häme"),
                    ("kymenlaakso", "Kymenlaakso"),
                    ("etela-karjala", "South Karelia"),
                    ("etela-savo", "South Savo"),
                    ("pohjois-savo", "North Savo"),
                    ("pohjois-karjala", "North Karelia"),
                    ("keski-suomi", "Central Finland"),
                    ("etela-pohjanmaa", "South Ostrobothnia"),
                    ("pohjanmaa", "Ostrobothnia"),
                    ("keski-pohjanmaa", "Central Ostrobothnia"),
                    ("pohjois-pohjanmaa", "North Ostrobothnia"),
                    ("kainuu", "Kainuu"),
                    ("lappi", "Lapland"),
                    ("ahvenanmaa", "Åland"),
                ],
                max_length=30,
                verbose_name="region",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
