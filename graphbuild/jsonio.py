"""Reading and writing the record files (deals.jsonl, loops.json) safely.

Writes go to a temporary file in the target folder and are renamed into place,
so an interrupted or failed run never leaves a half-written output behind.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, TextIO

from graphbuild.errors import GraphbuildError
from graphbuild.records import Deal


@contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "w") -> Iterator[TextIO]:
    """Open a temp file beside ``path``; rename it over ``path`` only on success."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as fh:
            yield fh
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get the usual mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_json(data: Any, path: str | os.PathLike) -> None:
    with atomic_write(path) as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.write("\n")


def read_json(path: str | os.PathLike) -> Any:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GraphbuildError(f"{path}: no such file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise GraphbuildError(f"{path}: not a JSON file ({e})") from None


def write_deals(deals: Iterable[Deal], path: str | os.PathLike) -> int:
    """Write deals as JSON lines; returns how many were written."""
    n = 0
    with atomic_write(path) as fh:
        for deal in deals:
            fh.write(json.dumps(deal.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    return n


def read_deals(path: str | os.PathLike) -> list[Deal]:
    """Read deals.jsonl; a malformed line is an error naming the file and line."""
    deals = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise GraphbuildError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise GraphbuildError(f"{path}: not a UTF-8 JSON-lines file") from None
    for no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            deals.append(Deal.from_dict(json.loads(line)))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
            raise GraphbuildError(f"{path}:{no}: not a deal record ({e.__class__.__name__}: {e})") from None
    return deals
