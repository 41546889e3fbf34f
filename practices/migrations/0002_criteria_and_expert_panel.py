"""The six criteria of a good practice, the "Expert panel" group and its review workflow.

The criteria are written in Finnish, the source language; their Swedish and English
versions are translations (the demo content makes them through wagtail-localize).
The group gets only admin access: the review task lets its members open, assess and
approve practices waiting for them, without any page permission of their own.
"""

import uuid

from django.db import migrations

CRITERIA = [
    (
        "goal_oriented",
        "Tavoitteellinen",
        "Käytäntö vähentää eriarvoisuutta ja parantaa maahan muuttaneiden hyvinvointia ja osallisuutta.",
    ),
    (
        "client_oriented",
        "Asiakaslähtöinen",
        "Käytäntö lähtee kotoutuvien ihmisten tarpeista ja elämäntilanteesta.",
    ),
    (
        "fits_situation",
        "Tilanteeseen sopiva",
        "Käytäntö ottaa huomioon myös vaikeat olosuhteet, joissa sitä toteutetaan.",
    ),
    (
        "effective",
        "Vaikuttava",
        "Käytäntö tuottaa asiakkaan näkökulmasta parempia tuloksia kuin aiemmat tavat toimia.",
    ),
    (
        "modellable",
        "Mallinnettava",
        "Käytännön olennaiset osat ja vaiheet, jotka johtavat tavoiteltuun tulokseen, on kuvattu selkeästi.",
    ),
    (
        "generalisable",
        "Yleistettävä",
        "Käytäntö toimii myös, kun se otetaan käyttöön toisessa paikassa tai organisaatiossa.",
    ),
]

GROUP_NAME = "Expert panel"
WORKFLOW_NAME = "Expert panel review"


def create(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Criterion = apps.get_model("practices", "Criterion")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Task = apps.get_model("practices", "ExpertPanelReviewTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    locale = Locale.objects.order_by("pk").filter(language_code="fi").first() or Locale.objects.order_by("pk").first()
    for order, (key, name, description) in enumerate(CRITERIA, start=1):
        if not Criterion.objects.filter(locale=locale, key=key).exists():
            Criterion.objects.create(
                locale=locale, translation_key=uuid.uuid4(), key=key, order=order, name=name, description=description
            )

    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(access_admin)

    task_type, _ = ContentType.objects.get_or_create(app_label="practices", model="expertpanelreviewtask")
    task = Task.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        task = Task.objects.create(name=WORKFLOW_NAME, content_type=task_type, active=True)
    task.groups.add(group)
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
        WorkflowTask.objects.create(workflow=workflow, task_id=task.pk, sort_order=0)


def remove(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("practices", "ExpertPanelReviewTask").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()
    apps.get_model("practices", "Criterion").objects.filter(key__in=[c[0] for c in CRITERIA]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0001_initial"),
        ("cms", "0002_locales"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
        # After Wagtail's own data migrations that give every group with admin access the
        # "choose" permissions: the panel has admin access only (it judges, it does not edit).
        ("wagtaildocs", "0011_add_choose_permissions"),
        ("wagtailimages", "0023_add_choose_permissions"),
    ]

    operations = [migrations.RunPython(create, remove)]
