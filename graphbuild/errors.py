"""Errors that reach the user as one line naming the file and the problem."""
from __future__ import annotations


class GraphbuildError(Exception):
    """A problem the user can fix; its message is shown as one line, no traceback."""


class InputError(GraphbuildError):
    """One input file could not be used; the rest of the batch goes on."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
