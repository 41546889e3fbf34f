"""The SQL our database backends copy from modelsearch still matches the installed modelsearch.

`search/backends/postgres.py` and `sqlite.py` write modelsearch's index table with SQL of
their own, copied from (or relying on) modelsearch's sources of one release. When an
upgrade changes any of those sources, this fails and says what to re-check; after
re-checking, record the new hashes and version there.
"""

import hashlib
import importlib
import importlib.metadata
import importlib.util
import inspect
import pathlib
import re

import pytest

from search.backends import database, postgres, sqlite

COPIED = {**postgres.COPIED_FROM_MODELSEARCH, **sqlite.COPIED_FROM_MODELSEARCH}


def upstream_source(name):
    """The source of "module:qualified.name", or of a file of the modelsearch package ("modelsearch/x.py")."""
    if name.endswith(".py"):
        package_dir = pathlib.Path(importlib.util.find_spec("modelsearch").origin).parent
        return (package_dir / pathlib.Path(name).relative_to("modelsearch")).read_text()
    module_name, qualname = name.split(":")
    obj = importlib.import_module(module_name)
    for attribute in qualname.split("."):
        obj = getattr(obj, attribute)
    return inspect.getsource(obj)


@pytest.mark.parametrize("name", sorted(COPIED))
def test_the_copied_upstream_source_is_unchanged(name):
    recorded, what = COPIED[name]
    found = hashlib.sha256(upstream_source(name).encode()).hexdigest()
    assert found == recorded, (
        f"modelsearch {importlib.metadata.version('modelsearch')} changed {name} (recorded for "
        f"{database.MODELSEARCH_VERSION}). Re-check {what}; then record the new hash and version."
    )


def test_the_installed_modelsearch_is_the_version_pinned_and_recorded():
    requirements = (pathlib.Path(__file__).parents[2] / "requirements.txt").read_text()
    pinned = re.search(r"^modelsearch==(\S+)$", requirements, re.MULTILINE)
    assert pinned is not None, "modelsearch is not pinned in requirements.txt"
    assert pinned.group(1) == database.MODELSEARCH_VERSION == importlib.metadata.version("modelsearch")
