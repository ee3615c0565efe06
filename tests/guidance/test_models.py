import pytest

pytestmark = pytest.mark.django_db
