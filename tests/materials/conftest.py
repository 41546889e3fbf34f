import pytest

from tests.factories.materials import MaterialIndexPageFactory


@pytest.fixture
def registry_page(home):
    """The material registry under the Finnish home page."""
    return MaterialIndexPageFactory(parent=home, title="Materiaalit", slug="materiaalit")
