"""graphbuild: Chinese financial news → deal records → money-flow graph → money loops.

The Python API mirrors the command line::

    from graphbuild import extract_paths, build_graph, find_loops
    deals = extract_paths(["seeds"]).deals
    graph = build_graph(deals)
    loops = find_loops(graph, max_length=4)
"""
from __future__ import annotations

__version__ = "0.1.0"

_API = {
    "extract_paths": "graphbuild.extract",
    "extract_text": "graphbuild.extract",
    "build_graph": "graphbuild.graph",
    "read_graph": "graphbuild.graph",
    "write_graph": "graphbuild.graph",
    "find_loops": "graphbuild.loops",
    "write_loops": "graphbuild.loops",
    "write_report": "graphbuild.report",
    "write_html": "graphbuild.view",
    "export_to_neo4j": "graphbuild.neo4j_export",
    "write_cypher": "graphbuild.cypher_script",
    "run_all": "graphbuild.run",
    "read_deals": "graphbuild.jsonio",
    "write_deals": "graphbuild.jsonio",
}

__all__ = sorted(_API)


def __getattr__(name: str):
    """Import stages lazily so ``import graphbuild`` does not load spaCy."""
    if name in _API:
        import importlib

        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'graphbuild' has no attribute {name!r}")
