"""The entity catalog: resolves every spelling of an organisation to one stable id.

The bundled catalog (``graphbuild/data/entities.json``) lists organisations that
deal news is mostly about. Each entry::

    {"id": "nvidia", "name": "Nvidia", "name_zh": "英伟达", "kind": "company",
     "roles": ["chip_vendor"], "aliases": ["英伟达", "輝達", "NVIDIA", "NVDA"],
     "ambiguous": ["…"], "blocked": ["…"], "parent": "…"}

- ``id``: lowercase ASCII slug of the English name; stable across releases.
- ``aliases``: written forms in any script. Traditional/simplified and Taiwan/
  Hong Kong variants are generated with OpenCC (see ``surface_forms``), so only
  forms OpenCC cannot derive (輝達, 超微, 安謀…) need listing by hand.
- ``ambiguous``: aliases that are also ordinary words or common inside other
  words (苹果 the fruit, 联想 "to associate", 中芯 in 其中芯片). A mention in
  text counts only with company context (the extractor decides), and these
  forms are kept out of pkuseg's user dictionary so they never force a split.
  ``"ambiguous": true`` marks every alias of the entry.
- ``blocked``: longer words that contain an alias but never name the entity
  (高通胀 contains 高通, 字节数 contains 字节). A longest-match finder adds them
  so they win over the alias and are then dropped (``blocked_forms``).
- ``parent``: id of the owning group (volcano-engine → bytedance), for display.

Kinds: ``company``, ``fund``, ``person``, ``government``.

Roles settle direction when a sentence is symmetric (A与B签约: the
``cloud_provider`` or ``chip_vendor`` side is the one paid). The vocabulary:

=================  ==========================================================
chip_vendor        designs/sells chips, accelerators or memory (is paid for them)
foundry            makes chips for others (TSMC, SMIC)
equipment_maker    chip-making tools, power and cooling gear (ASML, Vertiv)
server_maker       servers, networking, AI racks (Dell, Supermicro, Foxconn)
device_maker       phones, PCs, consumer devices, robots
cloud_provider     sells compute/cloud capacity (AWS, Azure, OCI, CoreWeave)
datacenter         builds or leases data centres (Stargate, Equinix, GDS)
ai_lab             trains AI models (OpenAI, Anthropic, DeepSeek)
software           software and data platforms (Palantir, Databricks)
internet           consumer internet platforms (Meta, Tencent, Meituan)
investor           funds, VCs, PE, sovereign funds, holding companies (pays)
bank               banks and brokers (lenders, underwriters)
insurer            insurance groups
telecom            telecom operators
automaker          car makers
battery_maker      batteries and cells (CATL, LG Energy Solution; is paid for them)
government         states and their agencies
=================  ==========================================================
"""
from __future__ import annotations

import functools
import importlib.resources
import json
import re
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterable

import opencc

from graphbuild.errors import GraphbuildError
from graphbuild.records import Entity

KINDS = ("company", "fund", "person", "government")
ROLES = (
    "chip_vendor",
    "foundry",
    "equipment_maker",
    "server_maker",
    "device_maker",
    "cloud_provider",
    "datacenter",
    "ai_lab",
    "software",
    "internet",
    "investor",
    "bank",
    "insurer",
    "telecom",
    "automaker",
    "battery_maker",
    "government",
)

# OpenCC configurations whose output is added as surface forms of every alias.
VARIANT_CONFIGS = ("s2t", "s2tw", "s2twp", "s2hk")

# Company-form words dropped when matching names (英伟达公司 = 英伟达, Oracle Corporation = Oracle).
CJK_SUFFIXES = (
    "股份有限公司",
    "有限责任公司",
    "控股有限公司",
    "集团有限公司",
    "集团股份有限公司",
    "集团公司",
    "控股集团",
    "有限公司",
    "总公司",
    "股份公司",
    "公司",
    "集团",
    "控股",
)
LATIN_SUFFIXES = (
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "ltd",
    "limited",
    "llc",
    "plc",
    "group",
    "holdings",
    "holding",
    "ag",
    "sa",
    "nv",
    "gmbh",
    "bv",
    "ab",
    "asa",
    "pte",
    "pty",
    "sdn",
    "bhd",
)
_LATIN_SUFFIX = re.compile(r"(?:[\s,]+(?:" + "|".join(LATIN_SUFFIXES) + r")\.?)+$", re.IGNORECASE)  # Pte. Ltd. both go
_CJK_SUFFIX = re.compile("(?:" + "|".join(sorted(CJK_SUFFIXES, key=len, reverse=True)) + ")$")

# Dropped by fold(): white space, quotes and brackets, dots, dashes, commas.
_BRACKETS = re.compile(r"[「」『』《》〈〉“”‘’\"'`()（）\[\]【】〔〕{}<>]")
_STRIP = re.compile(r"[\s「」『』《》〈〉“”‘’\"'`()（）\[\]【】〔〕{}<>·•・‧∙.,，、\-_–—~～]")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@functools.lru_cache(maxsize=None)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def t2s(text: str) -> str:
    """Traditional → simplified Chinese (OpenCC)."""
    return _converter("t2s").convert(text)


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


@functools.lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """The form every lookup compares: NFKC, simplified, casefolded, no spaces/quotes/brackets/dots."""
    if not name:
        return ""
    s = unicodedata.normalize("NFKC", name)
    s = t2s(s).casefold()
    return _STRIP.sub("", s)


def core(name: str) -> str:
    """``fold`` after dropping company-form suffixes (公司, 集团, Inc., Corporation…)."""
    s = _BRACKETS.sub("", t2s(unicodedata.normalize("NFKC", name or "")).casefold()).strip()
    while True:
        if has_cjk(s[-2:]):
            shorter = _CJK_SUFFIX.sub("", s).rstrip()
        else:
            shorter = _LATIN_SUFFIX.sub("", s).rstrip(" ,")
        if shorter == s or len(fold(shorter)) < 2:
            break
        s = shorter
    return fold(s)


def slug(name: str) -> str:
    """Lowercase ASCII slug of a Latin-script name ("Scale AI" → "scale-ai")."""
    s = unicodedata.normalize("NFKC", name).casefold()
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^0-9a-z]+", "-", s).strip("-")


def script_variants(text: str, phrases: bool = True) -> set[str]:
    """``text`` in simplified plus the traditional, Taiwan and Hong Kong forms OpenCC derives.

    ``phrases=False`` leaves out s2twp's word substitutions (英伟达 → 輝達 is
    right, but 字节 → 位元組 "byte" is not a name), used for ambiguous aliases.
    """
    if not has_cjk(text):
        return {text}
    bases = {text, t2s(text)}
    out = set(bases)
    for base in bases:
        for config in VARIANT_CONFIGS:
            if phrases or config != "s2twp":
                out.add(_converter(config).convert(base))
    return out


class Catalog:
    """Organisations by id, with lookup from any written form to its entity."""

    def __init__(self, entities: Iterable[Entity] = ()):
        self.entities: dict[str, Entity] = {}
        self._ambiguous: dict[str, set[str]] = {}  # id -> ambiguous aliases as written
        self._blocked: dict[str, set[str]] = {}
        self._parents: dict[str, str] = {}
        self._index_cache: tuple[dict[str, str], dict[str, str | None], set[str]] | None = None
        self._forms_cache: list[tuple[str, str]] | None = None
        for entity in entities:
            self.add(entity)

    # -- building ---------------------------------------------------------
    def add(
        self,
        entity: Entity,
        *,
        ambiguous: Iterable[str] | bool = (),
        blocked: Iterable[str] = (),
        parent: str | None = None,
    ) -> Entity:
        """Add ``entity``; an existing id keeps its aliases and gains the new ones.

        ``ambiguous=True`` marks all of the entity's aliases ambiguous.
        Returns the entity as stored.
        """
        old = self.entities.get(entity.id)
        if old is not None:
            aliases = tuple(dict.fromkeys(old.aliases + entity.aliases))
            entity = replace(entity, aliases=aliases)
        self.entities[entity.id] = entity
        amb = self._ambiguous.setdefault(entity.id, set())
        if ambiguous is True:
            amb.update(entity.aliases)
        elif ambiguous:
            amb.update(ambiguous)
        if blocked:
            self._blocked.setdefault(entity.id, set()).update(blocked)
        if parent:
            self._parents[entity.id] = parent
        self._index_cache = None
        self._forms_cache = None
        return entity

    # -- reading ----------------------------------------------------------
    def get(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id)

    def __len__(self) -> int:
        return len(self.entities)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self.entities

    def roles(self, entity_id: str) -> tuple[str, ...]:
        entity = self.entities.get(entity_id)
        return entity.roles if entity else ()

    def parent(self, entity_id: str) -> str | None:
        """Id of the group that owns ``entity_id`` (volcano-engine → bytedance), if known."""
        return self._parents.get(entity_id)

    def is_ambiguous(self, surface: str) -> bool:
        """True when ``surface`` (any script) is an alias that needs company context to count."""
        return fold(surface) in self._indexes()[2]

    def lookup(self, mention: str) -> Entity | None:
        """The entity ``mention`` names: exact folded alias, else with company suffixes dropped."""
        exact, cores, _ = self._indexes()
        entity_id = exact.get(fold(mention))
        if entity_id is None:
            entity_id = cores.get(core(mention))
        return self.entities.get(entity_id) if entity_id else None

    def surface_forms(self) -> list[tuple[str, str]]:
        """Every written form to look for in text with its id, longest first.

        Aliases, names and their OpenCC variants (s2t, s2tw, s2twp, s2hk, t2s).
        When two entities share a form, a hand-listed alias beats a generated
        variant, and a later entry (the user's file) beats an earlier one.
        """
        if self._forms_cache is None:
            owner: dict[str, tuple[int, str]] = {}
            for entity in self.entities.values():
                for variant, priority in self._variants(entity):
                    if variant not in owner or owner[variant][0] <= priority:
                        owner[variant] = (priority, entity.id)
            self._forms_cache = sorted(((f, i) for f, (_, i) in owner.items()), key=lambda x: (-len(x[0]), x[0]))
        return list(self._forms_cache)

    def blocked_forms(self) -> list[str]:
        """Words containing an alias that never name the entity (高通胀, 字节数), all scripts, longest first."""
        forms = set()
        for words in self._blocked.values():
            for word in words:
                forms |= script_variants(word)
        return sorted(forms, key=lambda f: (-len(f), f))

    def ambiguous_forms(self) -> set[str]:
        """Folded forms of every ambiguous alias (all scripts)."""
        return set(self._indexes()[2])

    def new_entity(self, name: str) -> Entity:
        """An entity for an organisation not in the catalog, id derived from its folded name.

        Chinese names get their folded simplified form as id (「海螺水泥」 and
        海螺水泥 → "海螺水泥"), Latin names a slug ("Scale AI" → "scale-ai");
        company-form suffixes are dropped so 某某公司 and 某某 share an id.
        """
        display = _STRIP.sub("", name.strip()) if has_cjk(name) else name.strip().strip("「」『』《》“”\"'()（）[]【】")
        display = display or name
        key = core(name) or fold(name) or name
        entity_id = key if has_cjk(key) else (slug(_LATIN_SUFFIX.sub("", name.strip())) or key)
        return Entity(
            id=entity_id,
            name=display,
            aliases=(display,),
            kind="company",
            roles=(),
            name_zh=display if has_cjk(display) else None,
        )

    # -- internals --------------------------------------------------------
    @staticmethod
    def _written_forms(entity: Entity) -> list[str]:
        forms = list(entity.aliases)
        for extra in (entity.name, entity.name_zh):
            if extra and extra not in forms:
                forms.append(extra)
        return forms

    def _variants(self, entity: Entity) -> list[tuple[str, int]]:
        """(written form, priority): hand-listed forms 2, OpenCC-derived variants 1."""
        ambiguous = self._ambiguous.get(entity.id, ())
        out = []
        for form in self._written_forms(entity):
            for variant in script_variants(form, phrases=form not in ambiguous):
                out.append((variant, 2 if variant == form else 1))
        return out

    def _indexes(self) -> tuple[dict[str, str], dict[str, str | None], set[str]]:
        """(folded alias → id, core form → id or None when shared, folded ambiguous forms)."""
        if self._index_cache is None:
            exact: dict[str, tuple[int, str]] = {}
            for entity in self.entities.values():
                candidates = [(0, entity.id)] + [(p, f) for f, p in self._variants(entity)]
                for priority, form in candidates:
                    key = fold(form)
                    if key and (key not in exact or exact[key][0] <= priority):
                        exact[key] = (priority, entity.id)
            cores: dict[str, str | None] = {}
            for entity in self.entities.values():
                for form in self._written_forms(entity):
                    key = core(form)
                    if not key or key in exact:
                        continue
                    if cores.get(key, entity.id) != entity.id:
                        cores[key] = None  # two organisations share this core: don't guess
                    else:
                        cores[key] = entity.id
            for key, (_, entity_id) in exact.items():
                cores.setdefault(key, entity_id)
            ambiguous = set()
            for entity_id, forms in self._ambiguous.items():
                for form in forms:
                    ambiguous |= {fold(v) for v in script_variants(form, phrases=False)}
            self._index_cache = ({k: v for k, (_, v) in exact.items()}, cores, ambiguous)
        return self._index_cache


# -- loading --------------------------------------------------------------
def _entries(data: Any, source: str) -> list[dict[str, Any]]:
    if isinstance(data, dict) and "entities" in data:
        data = data["entities"]
    if not isinstance(data, list):
        raise GraphbuildError(f"{source}: expected a JSON list of entities or {{\"entities\": [...]}}")
    for n, entry in enumerate(data, 1):
        if not isinstance(entry, dict):
            raise GraphbuildError(f"{source}: entity #{n} is not a JSON object")
        entity_id = entry.get("id")
        if not isinstance(entity_id, str) or not entity_id.strip():
            raise GraphbuildError(f"{source}: entity #{n} has no \"id\" string")
        for key in ("aliases", "roles", "blocked"):
            value = entry.get(key, [])
            if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
                raise GraphbuildError(f"{source}: entity {entity_id!r}: \"{key}\" must be a list of strings")
        amb = entry.get("ambiguous", [])
        if not (isinstance(amb, bool) or (isinstance(amb, list) and all(isinstance(x, str) for x in amb))):
            raise GraphbuildError(f"{source}: entity {entity_id!r}: \"ambiguous\" must be true/false or a list of aliases")
        for key in ("name", "name_zh", "kind", "parent"):
            if entry.get(key) is not None and not isinstance(entry[key], str):
                raise GraphbuildError(f"{source}: entity {entity_id!r}: \"{key}\" must be a string")
        if entry.get("kind") is not None and entry["kind"] not in KINDS:
            raise GraphbuildError(f"{source}: entity {entity_id!r}: kind {entry['kind']!r} is not one of {', '.join(KINDS)}")
    return data


def _add_entries(catalog: Catalog, entries: list[dict[str, Any]]) -> None:
    for entry in entries:
        old = catalog.get(entry["id"])
        entity = Entity(
            id=entry["id"],
            name=entry.get("name") or (old.name if old else entry["id"]),
            aliases=tuple(entry.get("aliases") or ()),
            kind=entry.get("kind") or (old.kind if old else "company"),
            roles=tuple(entry["roles"]) if "roles" in entry else (old.roles if old else ()),
            name_zh=entry["name_zh"] if "name_zh" in entry else (old.name_zh if old else None),
        )
        catalog.add(
            entity,
            ambiguous=entry.get("ambiguous") or (),
            blocked=entry.get("blocked") or (),
            parent=entry.get("parent"),
        )


@functools.lru_cache(maxsize=1)
def _bundled_entries() -> tuple[dict[str, Any], ...]:
    text = importlib.resources.files("graphbuild").joinpath("data/entities.json").read_text(encoding="utf-8")
    return tuple(_entries(json.loads(text), "graphbuild/data/entities.json"))


@functools.lru_cache(maxsize=1)
def _bundled_catalog() -> Catalog:
    catalog = Catalog()
    _add_entries(catalog, list(_bundled_entries()))
    catalog.surface_forms()  # build the caches once
    return catalog


def load_catalog(extra: Path | str | None = None) -> Catalog:
    """The bundled catalog, extended or overridden by the user's JSON file ``extra``.

    Without ``extra`` the same cached Catalog is returned every time (treat it
    as read-only; ``add`` to a copy from ``load_catalog(extra)`` instead).
    """
    if extra is None:
        return _bundled_catalog()
    path = Path(extra)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise GraphbuildError(f"{path}: cannot read entity file ({e.strerror or e})") from None
    except UnicodeDecodeError:
        raise GraphbuildError(f"{path}: entity file is not UTF-8 text") from None
    except json.JSONDecodeError as e:
        raise GraphbuildError(f"{path}: not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})") from None
    entries = _entries(data, str(path))
    catalog = Catalog()
    _add_entries(catalog, list(_bundled_entries()))
    _add_entries(catalog, entries)
    return catalog


def pkuseg_user_dict(catalog: Catalog, *, include_ambiguous: bool = False) -> list[str]:
    """Words for pkuseg's user dictionary: every CJK surface form, so 英伟达/英偉達 stay one token.

    Blocked words are included (高通胀 stays whole); ambiguous aliases are left
    out unless asked for, so 中芯 cannot force a split inside 其中芯片.
    """
    ambiguous = catalog.ambiguous_forms()
    words = {
        form
        for form, _ in catalog.surface_forms()
        if has_cjk(form) and (include_ambiguous or fold(form) not in ambiguous)
    }
    words |= {w for w in catalog.blocked_forms() if has_cjk(w)}
    words |= {t2s(w) for w in words}  # traditional text is cut in its simplified form
    return sorted(words, key=lambda w: (-len(w), w))
