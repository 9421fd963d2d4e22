"""One snapshot: everything a simulation needs to go on exactly from one step.

A snapshot is a folder ``snapshots/step-NNNNNNNN`` holding

``resident_memory.json``   the resident's associative memory (event, thought and
                           chat nodes) and spatial memory
``evaluator_memory.json``  the rater's memory of today
``assistant_memory.json``  the assistant-side memory of past interactions
``random_state.json``      the state of every random generator (env, resident, policy)
``state.pkl``              everything else: the resident's plan, timeline, path and
                           position, the events on the tiles, the env's counters,
                           the policy object, the pending observation
``snapshot.json``          the step, day and time, why it was taken, and the
                           SHA-256 of each file above

``state.pkl`` is a pickle in which the memories and generators are references
into the JSON files (so the JSON is what restores them), the house and
personas are references to the package's own data, and *live* objects (an LLM
client: connections, not state) are references filled in from the new
process's environment. **A pickle runs code when it
is loaded: open only snapshots you or your own runs wrote.**

The folder is written under a temporary name and renamed into place, so a
snapshot folder that exists is complete; its checksums are verified on load.
"""

from __future__ import annotations

import hashlib
import io
import json
import pickle
from pathlib import Path

from ..personas import Persona, load_persona
from ..world import default_house
from .atomic import json_bytes, make_temp_dir, publish_dir
from .codecs import CODECS, KIND_OF_TYPE
from .errors import SimulationError

MANIFEST = "snapshot.json"
STATE = "state.pkl"
#: JSON file for each kind of externalised object
FILE_OF_KIND = {
    "associative": "resident_memory.json",
    "spatial": "resident_memory.json",
    "evaluator": "evaluator_memory.json",
    "assistant": "assistant_memory.json",
    "rng": "random_state.json",
}
JSON_FILES = ("resident_memory.json", "evaluator_memory.json", "assistant_memory.json", "random_state.json")


def snapshot_name(step: int) -> str:
    return f"step-{step:08d}"


class _Externals:
    """Collects the objects that go to JSON while the rest is pickled."""

    def __init__(self, labels: dict[int, str]):
        self._labels = labels  # id(obj) -> readable label given by the caller
        self._keys: dict[int, tuple[str, str]] = {}
        self._keep: list = []  # keep encoded objects alive so their ids stay unique
        self.encoded: dict[str, dict[str, object]] = {kind: {} for kind in CODECS}

    def ref(self, obj):
        kind = KIND_OF_TYPE.get(type(obj))
        if kind is None:
            return None
        key = self._keys.get(id(obj))
        if key is None:
            label = self._labels.get(id(obj))
            if label is None or label in self.encoded[kind]:
                label = f"other-{len(self.encoded[kind]) + 1}"
            self.encoded[kind][label] = CODECS[kind][1](obj)
            key = self._keys[id(obj)] = (kind, label)
            self._keep.append(obj)
        return key


class _Pickler(pickle.Pickler):
    def __init__(self, file, externals: _Externals, live: dict[int, str]):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._externals = externals
        self._live = live
        self._house = default_house()

    def persistent_id(self, obj):
        live = self._live.get(id(obj))
        if live is not None:
            return ("live", live)
        if obj is self._house:
            return ("house", "default")
        if type(obj) is Persona and _is_shipped(obj):
            return ("persona", obj.id)
        return self._externals.ref(obj)


def _is_shipped(persona: Persona) -> bool:
    try:
        return load_persona(persona.id) is persona
    except ValueError:
        return False


class _Unpickler(pickle.Unpickler):
    def __init__(self, file, documents: dict[str, dict], live: dict[str, object]):
        super().__init__(file)
        self._documents = documents
        self._live = live
        self._decoded: dict[tuple[str, str], object] = {}

    def persistent_load(self, pid):
        kind, key = pid
        if kind == "live":
            try:
                return self._live[key]
            except KeyError:
                raise SimulationError(f"the snapshot needs a live {key!r} that this environment lacks") from None
        if kind == "house":
            return default_house()
        if kind == "persona":
            return load_persona(key)
        if (kind, key) not in self._decoded:
            document = self._documents[FILE_OF_KIND[kind]]
            try:
                data = document[kind][key] if kind in ("associative", "spatial") else document[key]
            except KeyError:
                raise SimulationError(f"{FILE_OF_KIND[kind]} has no {kind} entry {key!r}") from None
            self._decoded[(kind, key)] = CODECS[kind][2](data)
        return self._decoded[(kind, key)]


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def dump_state(state: dict, labels: dict[int, str], live: dict[str, object] | None = None) -> dict[str, bytes]:
    """The snapshot's files (name -> bytes) for ``state``, a dict of picklable objects.

    ``labels`` names some memories and generators (``id(obj) -> label``) so the
    JSON files read well; others are labelled ``other-N``. ``live`` names
    objects that are not saved but taken from the loading process
    (:func:`load_snapshot`'s ``live``)."""
    externals = _Externals(labels)
    live_ids = {id(obj): name for name, obj in (live or {}).items() if obj is not None}
    buffer = io.BytesIO()
    try:
        _Pickler(buffer, externals, live_ids).dump(state)
    except (pickle.PicklingError, TypeError, AttributeError) as exc:
        raise SimulationError(f"cannot save the simulation state: {_culprit(state, labels, live_ids)}{exc}") from exc
    e = externals.encoded
    documents = {
        "resident_memory.json": {"associative": e["associative"], "spatial": e["spatial"]},
        "evaluator_memory.json": e["evaluator"],
        "assistant_memory.json": e["assistant"],
        "random_state.json": e["rng"],
    }
    files = {name: json_bytes(doc) for name, doc in documents.items()}
    files[STATE] = buffer.getvalue()
    return files


def _culprit(state: dict, labels: dict[int, str], live_ids: dict[int, str]) -> str:
    """Which part of ``state`` (one level down) cannot be pickled, for the error message."""
    for name, value in state.items():
        if isinstance(value, dict):
            parts = value.items()
        elif hasattr(value, "__dict__") and not isinstance(value, type):
            parts = vars(value).items()
        else:
            parts = [("", value)]
        for attr, item in parts:
            try:
                _Pickler(io.BytesIO(), _Externals(labels), live_ids).dump(item)
            except Exception:  # noqa: BLE001 - we only want to name the part
                where = f"{name}.{attr}" if attr else name
                return f"{where} ({type(item).__name__}) is not picklable: "
    return ""


def write_snapshot(snapshots_dir: Path, step: int, info: dict, files: dict[str, bytes]) -> Path:
    """Publish a snapshot folder for ``step``; ``info`` goes into its manifest.
    If a complete snapshot for the step exists already it is kept as it is."""
    final = snapshots_dir / snapshot_name(step)
    if (final / MANIFEST).exists():
        return final
    tmp = make_temp_dir(snapshots_dir, final.name)
    for name, data in files.items():
        (tmp / name).write_bytes(data)
    manifest = {"step": step, **info, "files": {name: _sha256(data) for name, data in files.items()}}
    (tmp / MANIFEST).write_bytes(json_bytes(manifest))
    publish_dir(tmp, final)
    return final


def read_manifest(folder: Path) -> dict:
    path = folder / MANIFEST
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SimulationError(f"{folder} is not a complete snapshot: {MANIFEST} is missing") from None
    except json.JSONDecodeError as exc:
        raise SimulationError(f"{path}: not valid JSON: {exc}") from None


def load_snapshot(folder: Path, live: dict[str, object] | None = None) -> tuple[dict, dict]:
    """``(manifest, state)`` of a snapshot folder, after checking every file's checksum.
    ``live`` supplies the objects saved as live references (see :func:`dump_state`)."""
    manifest = read_manifest(folder)
    raw: dict[str, bytes] = {}
    for name, digest in manifest.get("files", {}).items():
        path = folder / name
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise SimulationError(f"snapshot file {path} is missing") from None
        if _sha256(data) != digest:
            raise SimulationError(f"snapshot file {path} is damaged: its checksum does not match {MANIFEST}")
        raw[name] = data
    for name in (*JSON_FILES, STATE):
        if name not in raw:
            raise SimulationError(f"snapshot {folder} lists no {name} in {MANIFEST}")
    documents = {name: json.loads(raw[name]) for name in JSON_FILES}
    state = _Unpickler(io.BytesIO(raw[STATE]), documents, live or {}).load()
    return manifest, state
