"""Which public pages the browser tests visit: one live page of each page type in each language."""

import sqlite3

PREFIX = {"fi": "", "sv": "/sv", "en": "/en"}


def pages_by_type(database):
    """{(app_label.model, language): public path} for the first live, translated page of each type."""
    connection = sqlite3.connect(database)
    rows = connection.execute(
        """
        SELECT ct.app_label || '.' || ct.model, l.language_code, p.url_path
        FROM wagtailcore_page p
        JOIN django_content_type ct ON ct.id = p.content_type_id
        JOIN wagtailcore_locale l ON l.id = p.locale_id
        WHERE p.live AND p.alias_of_id IS NULL AND p.depth > 1
        ORDER BY p.path
        """
    ).fetchall()
    connection.close()
    found = {}
    for page_type, language, url_path in rows:
        # url_path starts with the locale's home page slug: /etusivu/tietoa/ -> /tietoa/
        path = PREFIX[language] + "/" + url_path.strip("/").partition("/")[2]
        found.setdefault((page_type, language), path.rstrip("/") + "/")
    return found


def page_id(database, title, language):
    """The id of the page with this title in a language's tree (its alias too: aliases share titles)."""
    connection = sqlite3.connect(database)
    row = connection.execute(
        """
        SELECT p.id FROM wagtailcore_page p JOIN wagtailcore_locale l ON l.id = p.locale_id
        WHERE p.title = ? AND l.language_code = ? ORDER BY p.id LIMIT 1
        """,
        (title, language),
    ).fetchone()
    connection.close()
    return row[0] if row else None


def adoption_form_paths(database):
    """{language: the "We took this into use" form of the first live practice in that language}."""
    connection = sqlite3.connect(database)
    rows = connection.execute(
        """
        SELECT l.language_code, MIN(p.id)
        FROM wagtailcore_page p
        JOIN django_content_type ct ON ct.id = p.content_type_id
        JOIN wagtailcore_locale l ON l.id = p.locale_id
        WHERE p.live AND p.alias_of_id IS NULL AND ct.app_label = 'practices' AND ct.model = 'practicemodelpage'
        GROUP BY l.language_code
        """
    ).fetchall()
    connection.close()
    return {language: f"{PREFIX[language]}/adoption/{page}/" for language, page in rows}
