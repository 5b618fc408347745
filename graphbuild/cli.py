"""The ``graphbuild`` command: thin click commands over the library functions.

Each command parses options, calls one library function and prints where the
output went. Problems the user can fix are shown as one line, no traceback.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from graphbuild.errors import GraphbuildError


def _fail(e: GraphbuildError) -> None:
    click.echo(f"graphbuild: error: {e}", err=True)
    sys.exit(1)


class _Group(click.Group):
    """Turns GraphbuildError from any command into a one-line message."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except GraphbuildError as e:
            _fail(e)


paths_argument = click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
entities_option = click.option(
    "--entities",
    "entities_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Extra entity catalog (JSON) to extend the bundled one.",
)
quiet_option = click.option("-q", "--quiet", is_flag=True, help="No progress display.")


@click.group(cls=_Group)
@click.version_option(package_name="graphbuild")
def main() -> None:
    """Build a graph of money flows from Chinese financial news and find money loops."""


@main.command()
@paths_argument
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="deals.jsonl to write.")
@entities_option
@click.option("--no-prefilter", is_flag=True, help="Send every sentence to spaCy, not only candidate sentences.")
@click.option("--learned", is_flag=True, help="Add the learned name tagger and pair classifier to the rules (more deals found, slower).")
@quiet_option
def extract(paths, output, entities_file, no_prefilter, learned, quiet):
    """Extract deal records from text or HTML files and folders."""
    from graphbuild.extract import extract_paths
    from graphbuild.jsonio import write_deals

    result = extract_paths(
        paths, entities_file=entities_file, prefilter=not no_prefilter, progress=not quiet, learned=learned
    )
    n = write_deals(result.deals, output)
    for line in result.errors:
        click.echo(f"graphbuild: error: {line}", err=True)
    if not quiet:
        click.echo(f"{n} deals from {result.documents} documents -> {output}")
    if result.errors:
        sys.exit(2)


@main.command()
@click.argument("deals_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="graph.graphml or graph.json.")
@entities_option
def build(deals_file, output, entities_file):
    """Build the deal graph (GraphML or networkx node-link JSON) from deals.jsonl."""
    from graphbuild.graph import build_graph, write_graph
    from graphbuild.jsonio import read_deals

    graph = build_graph(read_deals(deals_file), entities_file=entities_file)
    write_graph(graph, output)
    click.echo(f"{graph.number_of_nodes()} organisations, {graph.number_of_edges()} deals -> {output}")


@main.command()
@click.argument("graph_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="loops.json to write.")
@click.option("--max-length", default=4, show_default=True, type=click.IntRange(2, 12), help="Longest loop, in edges.")
@click.option("--min-amount", type=float, default=None, help="Keep loops whose round-trip amount is at least this many USD.")
@click.option("--types", "deal_types", multiple=True, help="Only these deal types (repeat or comma-separate).")
def loops(graph_file, output, max_length, min_amount, deal_types):
    """Find money loops (directed cycles) in a deal graph."""
    from graphbuild.graph import read_graph
    from graphbuild.loops import find_loops, write_loops

    types = [t for spec in deal_types for t in spec.split(",") if t] or None
    graph = read_graph(graph_file)
    found = find_loops(graph, max_length=max_length, min_amount=min_amount, deal_types=types)
    write_loops(found, graph, output, max_length=max_length)
    click.echo(f"{len(found)} loops -> {output}")


@main.command()
@click.argument("loops_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, multiple=True, type=click.Path(dir_okay=False, path_type=Path), help="loops.md or loops.html (repeatable).")
def report(loops_file, output):
    """Write the loops report as Markdown or one self-contained HTML file."""
    from graphbuild.report import write_report

    for out in output:
        write_report(loops_file, out)
        click.echo(f"report -> {out}")


@main.group()
def export() -> None:
    """Export a deal graph: interactive HTML, Neo4j over Bolt, or a Cypher script."""


@export.command("html")
@click.argument("graph_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--max-length", default=4, show_default=True, type=click.IntRange(2, 12), help="Longest loop highlighted.")
def export_html(graph_file, output, max_length):
    """Write an interactive, self-contained HTML view of the graph."""
    from graphbuild.graph import read_graph
    from graphbuild.view import write_html

    write_html(read_graph(graph_file), output, max_length=max_length)
    click.echo(f"view -> {output}")


@export.command("neo4j")
@click.argument("graph_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--uri", envvar="NEO4J_URI", required=True, help="bolt://host:port (or NEO4J_URI).")
@click.option("--user", envvar="NEO4J_USERNAME", default="neo4j", show_default=True, help="(or NEO4J_USERNAME)")
@click.option("--password", envvar="NEO4J_PASSWORD", default="", help="(or NEO4J_PASSWORD)")
@click.option("--database", envvar="NEO4J_DATABASE", default=None, help="Database name (server default if omitted).")
def export_neo4j(graph_file, uri, user, password, database):
    """Write the graph to Neo4j (or any Bolt/openCypher server); re-runs change nothing."""
    from graphbuild.graph import read_graph
    from graphbuild.neo4j_export import export_to_neo4j

    stats = export_to_neo4j(read_graph(graph_file), uri=uri, user=user, password=password, database=database)
    click.echo(f"{stats.organizations} organisations, {stats.documents} documents, {stats.deals} deals -> {uri}")


@export.command("cypher")
@click.argument("graph_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--schema", type=click.Choice(["constraints", "indexes", "none"]), default="constraints", show_default=True,
              help="Id index lines: Neo4j 5 constraints, plain indexes (FalkorDB, other openCypher servers), or none.")
def export_cypher(graph_file, output, schema):
    """Write the graph as a Cypher script for cypher-shell."""
    from graphbuild.cypher_script import write_cypher
    from graphbuild.graph import read_graph

    write_cypher(read_graph(graph_file), output, schema=schema)
    click.echo(f"cypher -> {output}")


@main.command()
@paths_argument
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path), help="Output folder.")
@entities_option
@click.option("--max-length", default=4, show_default=True, type=click.IntRange(2, 12))
@quiet_option
def run(paths, out_dir, entities_file, max_length, quiet):
    """The whole job: extract, build, loops, report and views into one folder."""
    from graphbuild.run import run_all

    summary = run_all(paths, out_dir, entities_file=entities_file, max_length=max_length, progress=not quiet)
    click.echo(summary.describe())
    if summary.errors:
        sys.exit(2)


if __name__ == "__main__":
    main()
