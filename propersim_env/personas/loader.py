"""Loading personas: the 32 shipped ones by id, or any persona file by path."""

from __future__ import annotations

import numbers
import tomllib
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .schema import Persona, PersonaDataError, parse_persona

NUM_PERSONAS = 32


def persona_path(persona_id: int) -> str:
    return f"data/persona_{persona_id:02d}.toml"


def load_persona_file(path: str | Path) -> Persona:
    """Load and validate one persona file."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise PersonaDataError(f"{path.name}: not valid TOML: {exc}") from exc
    return parse_persona(data, path.name)


def persona_ids(value, option: str = "persona", *, or_else: str = "") -> tuple[int, ...]:
    """Check one id (1-32) or a non-empty list of them, e.g. an env option; the error names
    ``option`` and, when the caller takes something more, ``or_else`` (e.g. ``" or 'random'"``)."""
    ids = [value] if isinstance(value, numbers.Integral) and not isinstance(value, bool) else value
    if isinstance(ids, (str, bytes)) or not isinstance(ids, Sequence) or not ids:
        raise ValueError(f"{option} must be an id from 1 to {NUM_PERSONAS}, a non-empty list of ids{or_else}; "
                         f"got {value!r}")
    for p in ids:
        if isinstance(p, bool) or not isinstance(p, numbers.Integral) or not 1 <= p <= NUM_PERSONAS:
            raise ValueError(f"{option}: persona ids must be integers from 1 to {NUM_PERSONAS}, got {p!r}")
    return tuple(int(p) for p in ids)


@lru_cache(maxsize=None)
def load_persona(persona_id: int) -> Persona:
    """One of the shipped personas, by id (1-32). Personas are immutable and cached."""
    if isinstance(persona_id, bool) or not isinstance(persona_id, int) or not 1 <= persona_id <= NUM_PERSONAS:
        raise ValueError(f"persona id must be an integer from 1 to {NUM_PERSONAS}, got {persona_id!r}")
    rel = persona_path(persona_id)
    text = resources.files("propersim_env.personas").joinpath(rel).read_text(encoding="utf-8")
    name = rel.split("/")[-1]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PersonaDataError(f"{name}: not valid TOML: {exc}") from exc
    persona = parse_persona(data, name)
    if persona.id != persona_id:
        raise PersonaDataError(f"{name}: field 'id': {persona.id} does not match the file name")
    return persona


def load_all() -> list[Persona]:
    """All shipped personas, in id order."""
    return [load_persona(i) for i in range(1, NUM_PERSONAS + 1)]
