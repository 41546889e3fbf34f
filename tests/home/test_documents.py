"""Documents are downloaded, never rendered in the site's origin, and their links show type and size."""

import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from tests.factories.home import DocumentFactory, PilotReportPageFactory, ProjectPageFactory

Document = get_document_model()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("hyokkays.html", b"<html><script>alert(document.cookie)</script></html>"),
        ("kuva.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ],
)
def test_html_and_svg_documents_are_served_as_attachments(client, settings, tmp_path, filename, content):
    # Served from disk as in production (the test settings' in-memory storage has no files to send).
    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    # The upload form refuses these extensions; a document could still reach the
    # library another way (an older upload, an import), so serving must be safe too.
    settings.WAGTAILDOCS_EXTENSIONS = [*settings.WAGTAILDOCS_EXTENSIONS, "html", "svg"]
    document = Document.objects.create(title="Vaarallinen", file=ContentFile(content, name=filename))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.django_db
def test_html_upload_is_refused_by_default(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("x.html", b"<script></script>", content_type="text/html")},
    )
    assert not Document.objects.filter(file__endswith=".html").exists()
    assert response.status_code == 200
    assert response.json()["success"] is False


@pytest.mark.django_db
def test_document_links_show_type_and_size(client, home):
    document = DocumentFactory(title="Mallinnusraportti", file__data=b"%PDF-1.4\n" + b"x" * 2000)
    project = ProjectPageFactory(
        parent=home,
        documents=[("documents", {"title": "Raportit", "documents": [document]})],
    )
    pilot = PilotReportPageFactory(
        parent=project, documents=[("documents", {"title": "Raportit", "documents": [document]})]
    )
    for page in (project, pilot):
        html = client.get(page.url).content.decode()
        assert f'href="{document.url}"' in html
        assert re.search(r"\(PDF, 2[.,]0\xa0\w+\)", html), "type and size after the link"
