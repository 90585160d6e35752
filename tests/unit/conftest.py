"""Fixtures of the packing-station tests (tests.pack_desk): the box types and the desk."""

from __future__ import annotations

import pytest

from app.store.open import Store
from app.usecases.pack_station import PackStation
from tests.factories import Catalogue
from tests.pack_desk import add_boxes, packing_desk


@pytest.fixture
def boxed(store: Store, catalogue: Catalogue) -> Catalogue:
    """The catalogue, with the three test box types, a supervisor and a second packer."""
    return add_boxes(store, catalogue)


@pytest.fixture
def desk(store: Store, boxed: Catalogue) -> PackStation:
    return packing_desk(store)
