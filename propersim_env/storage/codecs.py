"""Readable JSON for the memories and random generators a snapshot saves.

Each codec turns one live object into plain JSON and back, exactly: a
restored object behaves bit for bit as the saved one did. The codecs know the
attributes of the classes they save, and refuse (with
:class:`~.errors.SimulationError`) an object with attributes they do not know,
so a class that grows new state fails loudly at the first save instead of
resuming wrongly.

Kinds and the file each lands in (see :mod:`.snapshot`):

``associative``   :class:`~propersim_env.user.AssociativeMemory`   resident_memory.json
``spatial``       :class:`~propersim_env.world.SpatialMemory`      resident_memory.json
``evaluator``     :class:`~propersim_env.evaluation.EvaluationMemory` evaluator_memory.json
``assistant``     :class:`~propersim_env.seat.AssistantMemory`     assistant_memory.json
``rng``           :class:`numpy.random.Generator`                  random_state.json
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime

import numpy as np

from ..evaluation.memory import EvaluationMemory, HeardDecision
from ..seat.memory import AssistantMemory, Interaction
from ..user.memory import AssociativeMemory, ConceptNode, RetrievalWeights
from ..world import SpatialMemory
from .errors import SimulationError


def _check_attributes(obj, known: set[str]) -> None:
    names = set(vars(obj)) if hasattr(obj, "__dict__") else {f.name for f in dataclasses.fields(obj)}
    if names != known:
        extra, missing = sorted(names - known), sorted(known - names)
        raise SimulationError(
            f"cannot save a {type(obj).__name__}: it has attribute(s) {extra} the snapshot codec does not know "
            f"and lacks {missing}; update propersim_env/storage/codecs.py")


def _time(value: datetime | date | None) -> str | None:
    return None if value is None else value.isoformat()


def _datetime(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


# ---- the resident's associative memory ------------------------------------------
_NODE_FIELDS = {"node_id", "kind", "created", "last_accessed", "subject", "predicate", "object", "description",
                "importance", "keywords", "evidence"}


def encode_associative(memory: AssociativeMemory) -> dict:
    _check_attributes(memory, {"nodes", "weights"})
    nodes = []
    for n in memory.nodes:
        _check_attributes(n, _NODE_FIELDS)
        nodes.append({
            "id": n.node_id, "kind": n.kind, "created": _time(n.created), "last_accessed": _time(n.last_accessed),
            "subject": n.subject, "predicate": n.predicate, "object": n.object, "description": n.description,
            "importance": n.importance, "keywords": sorted(n.keywords), "evidence": list(n.evidence),
        })
    return {"weights": dataclasses.asdict(memory.weights), "nodes": nodes}


def decode_associative(data: dict) -> AssociativeMemory:
    nodes = [
        ConceptNode(d["id"], d["kind"], _datetime(d["created"]), _datetime(d["last_accessed"]), d["subject"],
                    d["predicate"], d["object"], d["description"], d["importance"], frozenset(d["keywords"]),
                    tuple(d["evidence"]))
        for d in data["nodes"]
    ]
    return AssociativeMemory(nodes=nodes, weights=RetrievalWeights(**data["weights"]))


# ---- the resident's spatial memory --------------------------------------------------
def encode_spatial(memory: SpatialMemory) -> dict:
    _check_attributes(memory, {"house_name", "tree"})
    return {"house": memory.house_name, "tree": memory.tree}


def decode_spatial(data: dict) -> SpatialMemory:
    memory = SpatialMemory.__new__(SpatialMemory)
    memory.house_name = data["house"]
    memory.tree = {house: {room: list(objs) for room, objs in rooms.items()} for house, rooms in data["tree"].items()}
    return memory


def _plain_values(obj, special: set[str]) -> dict:
    """The attributes of ``obj`` that hold plain JSON values (numbers, text, None), by name;
    ``special`` ones are encoded by the caller. Any other attribute is refused."""
    values = {}
    names = vars(obj)
    missing = special - set(names)
    if missing:
        raise SimulationError(f"cannot save a {type(obj).__name__}: it lacks attribute(s) {sorted(missing)}; "
                              "update propersim_env/storage/codecs.py")
    for name, value in names.items():
        if name in special:
            continue
        if value is not None and not isinstance(value, (bool, int, float, str)):
            raise SimulationError(f"cannot save a {type(obj).__name__}: attribute {name!r} holds a "
                                  f"{type(value).__name__} the snapshot codec does not know; "
                                  "update propersim_env/storage/codecs.py")
        values[name] = value
    return values


# ---- the evaluator's memory of today --------------------------------------------------
# counters (plain numbers) are saved by attribute name; these need converting:
_EVALUATION_SPECIAL = {"date", "_recent", "_hours", "day_start_time", "last_interaction_time",
                       "last_suggestion_time", "_run_start", "_suggestion_times", "_said"}
_EVALUATION_TIMES = ("day_start_time", "last_interaction_time", "last_suggestion_time", "_run_start")


def encode_evaluator(memory: EvaluationMemory) -> dict:
    return {
        "date": _time(memory.date),
        "values": _plain_values(memory, _EVALUATION_SPECIAL),
        "times": {name: _time(getattr(memory, name)) for name in _EVALUATION_TIMES},
        "recent": [{"time": _time(i.time), "text": i.text, "score": i.score} for i in memory._recent],
        # per clock hour: [decisions, recommendations, score sum, ...] as EvaluationMemory counts them
        "hours": [{"start": _time(h), "counts": list(c)} for h, c in memory._hours.items()],
        "suggestion_times": [_time(t) for t in memory._suggestion_times],
        "said": [{"time": _time(t), "text": text} for t, text in memory.said_today],
    }


def decode_evaluator(data: dict) -> EvaluationMemory:
    memory = EvaluationMemory()
    memory.date = None if data["date"] is None else date.fromisoformat(data["date"])
    for name, value in data["values"].items():
        setattr(memory, name, value)
    for name, value in data["times"].items():
        setattr(memory, name, _datetime(value))
    memory._recent.extend(HeardDecision(_datetime(i["time"]), i["text"], i["score"]) for i in data["recent"])
    memory._hours = {_datetime(h["start"]): list(h["counts"]) for h in data["hours"]}
    memory._suggestion_times.extend(_datetime(t) for t in data["suggestion_times"])
    # snapshots written before the resident remembered what it was told have no "said"
    memory._said = {s["text"]: _datetime(s["time"]) for s in data.get("said", [])}
    return memory


# ---- the assistant-side memory -------------------------------------------------------
_ASSISTANT_SPECIAL = {"level", "_recent", "_past_suggestions", "_hours", "_day", "_retrieved_cache"}
_ASSISTANT_CONFIG = ("recent_minutes", "retrieved_k", "max_chars", "_history")
_INTERACTION_FIELDS = {"time", "user_action", "activity", "suggestion", "score", "reasons", "scores"}


def _encode_interaction(it: Interaction) -> dict:
    _check_attributes(it, _INTERACTION_FIELDS)
    return {"time": _time(it.time), "user_action": it.user_action, "activity": it.activity,
            "suggestion": it.suggestion, "score": it.score, "scores": dict(it.scores), "reasons": dict(it.reasons)}


def _decode_interaction(d: dict) -> Interaction:
    return Interaction(_datetime(d["time"]), d["user_action"], d["activity"], d["suggestion"], d["score"],
                                dict(d["reasons"]), dict(d["scores"]))


def encode_assistant(memory: AssistantMemory) -> dict:
    values = _plain_values(memory, _ASSISTANT_SPECIAL)
    # An interaction in both deques is stored once: a suggestion in the recent
    # deque refers to its entry in past_suggestions, so the restored deques share it.
    past = list(memory._past_suggestions)
    index = {id(it): k for k, it in enumerate(past)}
    recent = [{"past": index[id(it)]} if id(it) in index else _encode_interaction(it) for it, _ in memory._recent]
    return {
        "level": memory.level.name,
        "values": values,
        "day": _time(memory._day),
        # per clock hour: [decisions, recommendations, score sum, ...] as AssistantMemory counts them
        "hours": [{"hour": h, "counts": list(c)} for h, c in memory._hours.items()],
        "recent": recent,
        "past_suggestions": [_encode_interaction(it) for it in past],
    }


def decode_assistant(data: dict) -> AssistantMemory:
    values = data["values"]
    memory = AssistantMemory(data["level"], *(values[name] for name in _ASSISTANT_CONFIG))
    for name, value in values.items():
        setattr(memory, name, value)
    past = [_decode_interaction(d) for d in data["past_suggestions"]]
    memory._past_suggestions.extend(past)
    recent = (past[d["past"]] if "past" in d else _decode_interaction(d) for d in data["recent"])
    memory._recent.extend((it, memory._line(it)) for it in recent)  # each with its formatted line
    memory._hours = {h["hour"]: list(h["counts"]) for h in data["hours"]}
    memory._day = None if data["day"] is None else date.fromisoformat(data["day"])
    memory._retrieved_cache = None  # a cache: rebuilt from the same history, identically
    return memory


# ---- random generators -------------------------------------------------------------
def encode_rng(rng: np.random.Generator) -> dict:
    return rng.bit_generator.state


def decode_rng(state: dict) -> np.random.Generator:
    try:
        bit_generator = getattr(np.random, state["bit_generator"])()
    except (AttributeError, KeyError, TypeError):
        raise SimulationError(f"unknown random bit generator in a snapshot: {state.get('bit_generator')!r}") from None
    bit_generator.state = state
    return np.random.Generator(bit_generator)


#: kind -> (class, encode, decode)
CODECS: dict[str, tuple[type, Callable, Callable]] = {
    "associative": (AssociativeMemory, encode_associative, decode_associative),
    "spatial": (SpatialMemory, encode_spatial, decode_spatial),
    "evaluator": (EvaluationMemory, encode_evaluator, decode_evaluator),
    "assistant": (AssistantMemory, encode_assistant, decode_assistant),
    "rng": (np.random.Generator, encode_rng, decode_rng),
}
KIND_OF_TYPE: dict[type, str] = {cls: kind for kind, (cls, _, _) in CODECS.items()}
