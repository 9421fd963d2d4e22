"""Checking JSON output against the small subset of JSON Schema the prompts use:
``type`` (object, array, string, integer, number, boolean), ``properties``,
``required``, ``additionalProperties: false``, ``enum``, ``items``,
``minItems``/``maxItems``, ``maxLength`` and ``minimum``/``maximum``."""

from __future__ import annotations

from typing import Any

_TYPES = {
    "object": dict, "array": list, "string": str, "boolean": bool,
    "integer": int, "number": (int, float),
}


def problems(value: Any, schema: dict, path: str = "$") -> list[str]:
    """What is wrong with ``value`` under ``schema`` (empty when it is valid)."""
    out: list[str] = []
    kind = schema.get("type")
    if kind is not None:
        expected = _TYPES[kind]
        bad_bool = kind in ("integer", "number") and isinstance(value, bool)
        if not isinstance(value, expected) or bad_bool:
            return [f"{path}: expected {kind}, got {type(value).__name__}"]
    if "enum" in schema and value not in schema["enum"]:
        out.append(f"{path}: {value!r} is not one of {schema['enum']}")
    if isinstance(value, str) and "maxLength" in schema and len(value) > schema["maxLength"]:
        out.append(f"{path}: longer than {schema['maxLength']} characters")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            out.append(f"{path}: {value} is below {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            out.append(f"{path}: {value} is above {schema['maximum']}")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in value:
                out.append(f"{path}: missing {name!r}")
        if schema.get("additionalProperties") is False:
            out += [f"{path}: unexpected {k!r}" for k in value if k not in props]
        for name, sub in props.items():
            if name in value:
                out += problems(value[name], sub, f"{path}.{name}")
    if isinstance(value, list):
        if "minItems" in schema and len(value) < schema["minItems"]:
            out.append(f"{path}: fewer than {schema['minItems']} items")
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            out.append(f"{path}: more than {schema['maxItems']} items")
        if "items" in schema:
            for i, item in enumerate(value):
                out += problems(item, schema["items"], f"{path}[{i}]")
    return out
