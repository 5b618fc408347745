"""pkuseg's segmentation model for spaCy's Chinese tokenizer, obtained from PyPI once.

spaCy's ``segmenter = "pkuseg"`` needs a model directory (``features`` and
``weights.npz``) that spacy-pkuseg would download from GitHub, which is not
always reachable. The ``pkuseg`` source distribution on PyPI carries the same
default model (``pkuseg/models/default/``), so we fetch that sdist once,
check its sha256, keep only the two model files in the user cache and convert
``features.pkl`` to ``features.msgpack`` (the format spacy-pkuseg reads first,
so loading prints no warning). Usage::

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    nlp.tokenizer.initialize(pkuseg_model=str(ensure_pkuseg_model()),
                             pkuseg_user_dict=str(write_user_dict(words)))

or simply ``initialize_tokenizer(nlp, catalog)``.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import subprocess
import sys
import tarfile
import tempfile
import urllib.request
from collections.abc import Iterable
from pathlib import Path

from graphbuild.errors import GraphbuildError

ENV_VAR = "GRAPHBUILD_PKUSEG_MODEL"
PKUSEG_VERSION = "0.0.25"
SDIST_NAME = f"pkuseg-{PKUSEG_VERSION}.tar.gz"
SDIST_SHA256 = "dd012bf93689721c9574bc2b2ba98fb4ac22790cec0af354a78e217828b81e91"
SDIST_MODEL_DIR = f"pkuseg-{PKUSEG_VERSION}/pkuseg/models/default/"
SIMPLE_INDEX = "https://pypi.org/simple/pkuseg/"
WEIGHTS = "weights.npz"
FEATURE_FILES = ("features.msgpack", "features.pkl")

_FIX = f"set {ENV_VAR} to a directory holding pkuseg's features.pkl and weights.npz"


def default_cache_dir() -> Path:
    """``platformdirs.user_cache_dir("graphbuild")/pkuseg``."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("graphbuild")) / "pkuseg"


def is_model_dir(path: str | os.PathLike) -> bool:
    """True when ``path`` holds weights.npz and features (.msgpack or .pkl)."""
    p = Path(path)
    return p.is_dir() and (p / WEIGHTS).is_file() and any((p / f).is_file() for f in FEATURE_FILES)


def ensure_pkuseg_model(progress: bool = True, cache_dir: str | os.PathLike | None = None) -> Path:
    """A directory usable as ``pkuseg_model=`` for spaCy's Chinese tokenizer.

    Order: ``$GRAPHBUILD_PKUSEG_MODEL`` → ``cache_dir/default`` when complete →
    fetch the pkuseg sdist from PyPI once into ``cache_dir/default``.
    """
    override = os.environ.get(ENV_VAR)
    if override:
        if not is_model_dir(override):
            raise GraphbuildError(f"{ENV_VAR}={override}: not a directory with features.pkl (or features.msgpack) and weights.npz")
        return Path(override)
    root = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    target = root / "default"
    if is_model_dir(target):
        return target
    if progress:
        print(f"graphbuild: fetching pkuseg's segmentation model from PyPI (once, ~48 MB) into {target} …", file=sys.stderr)
    try:
        root.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".pkuseg-", dir=root) as tmp:
            tmp = Path(tmp)
            sdist = _download_sdist(tmp)
            staged = tmp / "default"
            _extract_model(sdist, staged)
            sdist.unlink()
            _convert_features(staged)
            if target.exists():  # incomplete leftovers of an interrupted run
                shutil.rmtree(target, ignore_errors=True)
            try:
                os.replace(staged, target)
            except OSError:
                if not is_model_dir(target):  # not just another process winning the race
                    raise
    except GraphbuildError:
        raise
    except (OSError, tarfile.TarError, pickle.UnpicklingError, ValueError) as e:
        raise GraphbuildError(f"could not set up pkuseg's model in {target}: {e}; {_FIX}") from None
    if progress:
        print("graphbuild: pkuseg model ready", file=sys.stderr)
    return target


def _download_sdist(dest: Path) -> Path:
    """Fetch pkuseg's sdist into ``dest`` and check its sha256: directly, else with pip."""
    problems = []
    try:
        return _download_direct(dest)
    except (OSError, ValueError, KeyError) as e:
        problems.append(f"PyPI: {e}")
    try:
        return _download_with_pip(dest)
    except (OSError, ValueError, subprocess.SubprocessError) as e:
        problems.append(f"pip: {e}")
    raise GraphbuildError(f"could not fetch pkuseg=={PKUSEG_VERSION} from PyPI ({'; '.join(problems)}); {_FIX}")


def _download_direct(dest: Path) -> Path:
    """The sdist URL from PyPI's JSON simple index (PEP 691), streamed to disk."""
    request = urllib.request.Request(SIMPLE_INDEX, headers={"Accept": "application/vnd.pypi.simple.v1+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        files = json.load(response)["files"]
    url = next((f["url"] for f in files if f["filename"] == SDIST_NAME), None)
    if url is None:
        raise ValueError(f"{SDIST_NAME} is not listed at {SIMPLE_INDEX}")
    path = dest / SDIST_NAME
    digest = hashlib.sha256()
    with urllib.request.urlopen(url, timeout=120) as response, open(path, "wb") as out:
        while chunk := response.read(1 << 20):
            digest.update(chunk)
            out.write(chunk)
    _check_sha256(path, digest.hexdigest())
    return path


def _download_with_pip(dest: Path) -> Path:
    """``pip download`` of the sdist (honours the user's pip index settings).

    Without build isolation pip reads the sdist's metadata with the packages
    already installed (numpy, setuptools), so nothing else is fetched.
    """
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
           "--no-build-isolation", "--disable-pip-version-check", "-q", "-d", str(dest), f"pkuseg=={PKUSEG_VERSION}"]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    path = dest / SDIST_NAME
    if not path.is_file():
        last = (result.stderr.strip().splitlines() or ["no sdist downloaded"])[-1]
        raise OSError(last)
    _check_sha256(path, _sha256(path))
    return path


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _check_sha256(path: Path, actual: str) -> None:
    if actual != SDIST_SHA256:
        raise ValueError(f"{path.name} has sha256 {actual}, expected {SDIST_SHA256}")


def _extract_model(sdist: Path, dest: Path) -> None:
    """Copy only the model files out of the sdist (by name, so no path in the archive is trusted)."""
    dest.mkdir(parents=True)
    wanted = {SDIST_MODEL_DIR + name: name for name in ("features.pkl", WEIGHTS)}
    with tarfile.open(sdist, "r:gz") as tar:
        for member in tar:
            name = wanted.pop(member.name, None)
            if name is None or not member.isfile():
                continue
            with tar.extractfile(member) as src, open(dest / name, "wb") as out:
                shutil.copyfileobj(src, out, 1 << 20)
    if wanted:
        raise ValueError(f"{sdist.name} lacks {', '.join(sorted(wanted))}")


def _convert_features(model_dir: Path) -> None:
    """features.pkl → features.msgpack, the format spacy-pkuseg loads without a warning."""
    import srsly

    pkl = model_dir / "features.pkl"
    with open(pkl, "rb") as fh:
        data = pickle.load(fh)  # the sdist's sha256 was checked above
    srsly.write_msgpack(model_dir / "features.msgpack", data)
    pkl.unlink()


def write_user_dict(words: Iterable[str], cache_dir: str | os.PathLike | None = None) -> Path:
    """A pkuseg user dictionary file (one word per line), cached by content hash.

    spaCy passes ``pkuseg_user_dict`` (a path) to spacy_pkuseg, which keeps
    every listed word as one token wherever it occurs (longest match first).
    """
    cleaned = sorted({w.strip() for w in words if w and w.strip() and "\n" not in w and "\t" not in w})
    text = "\n".join(cleaned) + "\n"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    root = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    path = root / f"userdict-{digest}.txt"
    if not path.is_file():
        from graphbuild.jsonio import atomic_write

        with atomic_write(path) as fh:
            fh.write(text)
    return path


# pkuseg cuts these 跟|投 and 追加|投资; whole, they are the verbs whose subject slot names a backer
ROUND_VERBS = ("领投", "領投", "跟投", "参投", "參投", "追加投资", "追加投資", "加码", "加碼")
# and these 有|条件: whole, a verb's subject slot reads past them (广东移动有条件同意收购…)
CONDITION_WORDS = ("有条件", "有條件", "无条件", "無條件")
# a startup (新創), which pkuseg glues to the name after it (新|創宇|見智能; traditional text is segmented
# simplified), and 高新创投, which must stay whole beside it (苏|高新创投, not 苏高|新创|投)
DESCRIPTION_WORDS = ("新创", "高新创投")


def initialize_tokenizer(nlp, catalog=None, progress: bool = True) -> None:
    """Set up ``nlp``'s pkuseg tokenizer with the model and the catalog's names as user dictionary."""
    from graphbuild.catalog import load_catalog, pkuseg_user_dict

    catalog = catalog if catalog is not None else load_catalog()
    model = ensure_pkuseg_model(progress=progress)
    user_dict = write_user_dict([*pkuseg_user_dict(catalog), *ROUND_VERBS, *CONDITION_WORDS, *DESCRIPTION_WORDS])
    nlp.tokenizer.initialize(pkuseg_model=str(model), pkuseg_user_dict=str(user_dict))
