"""Progress display for long runs, over rich, on standard error.

Two pieces: :func:`track_documents` wraps an iterable in a progress bar (per-document
loops such as extraction), and :class:`Stages` prints one line when a pipeline
stage starts and one when it ends. Stage lines are plain console prints, never
a live display, so a stage's own bar (extraction's) has the terminal to itself.
Both are silent when ``enabled`` is false; on a non-terminal stderr (a log file)
only the stage lines are printed, no bar.
"""
from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

T = TypeVar("T")


def stderr_console(enabled: bool = True) -> Console:
    """The console progress goes to: standard error, or nowhere when disabled."""
    return Console(stderr=True, quiet=not enabled, highlight=False, soft_wrap=True)


def track_documents(
    items: Iterable[T],
    description: str = "documents",
    total: int | None = None,
    enabled: bool = True,
    console: Console | None = None,
) -> Iterator[T]:
    """Yield ``items`` while showing a progress bar on stderr (a running count when the total is unknown)."""
    console = console or stderr_console(enabled)
    if not enabled or not console.is_terminal:  # a bar cannot redraw in a log file: show nothing
        yield from items
        return
    if total is None and hasattr(items, "__len__"):
        total = len(items)  # type: ignore[arg-type]
    if total is None:
        columns = (SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} done"), TimeElapsedColumn())
    else:
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(escape(description), total=total)
        for item in items:
            yield item
            bar.advance(task)


class Stages:
    """Numbered stage lines: ``[2/5] build graph …`` then ``      14 companies, 17 deals (0.1 s)``."""

    def __init__(self, total: int, enabled: bool = True, console: Console | None = None):
        self.total = total
        self.number = 0
        self.console = console or stderr_console(enabled)

    @contextmanager
    def stage(self, title: str) -> Iterator["StageNote"]:
        """Announce a stage; the caller fills the yielded note with what the stage produced."""
        self.number += 1
        self.console.print(f"[bold][{self.number}/{self.total}][/bold] {escape(title)} …")
        note = StageNote()
        started = time.perf_counter()
        try:
            yield note
        except BaseException:
            self.console.print("      [red]failed[/red]")
            raise
        seconds = time.perf_counter() - started
        if note.error:
            line = f"[red]failed: {escape(note.error)}[/red]"
        else:
            style = "yellow" if note.warnings else "green"
            line = f"[{style}]{escape('; '.join([note.done or 'done', *note.warnings]))}[/{style}]"
        self.console.print(f"      {line} ({seconds:.1f} s)")

    def skip(self, title: str, reason: str) -> None:
        """Announce a stage that does not run."""
        self.number += 1
        self.console.print(f"[bold][{self.number}/{self.total}][/bold] {escape(title)}: [yellow]skipped[/yellow] ({escape(reason)})")


class StageNote:
    """What a finished stage reports on its closing line."""

    def __init__(self) -> None:
        self.done: str | None = None
        self.warnings: list[str] = []
        self.error: str | None = None

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def failed(self, message: str) -> None:
        self.error = message
