"""Shared fixtures: the bundled seed corpus run through the real pipeline."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def seed_deals():
    """Deals extracted from seeds/ by the real extraction pipeline."""
    from graphbuild.extract import extract_paths

    return extract_paths([SEEDS], progress=False).deals


@pytest.fixture(scope="session")
def seed_graph(seed_deals):
    """The seeds' deal graph (networkx.MultiDiGraph) built from seed_deals."""
    from graphbuild.graph import build_graph

    return build_graph(seed_deals)
