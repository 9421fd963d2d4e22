"""Configurations as dataclasses whose fields carry their own help, and the
command-line options read from them.

A field made with :func:`option` says what it means, which values it takes and
(through the dataclass) its default. Environment and training configurations are
written this way once; ``argparse`` options, their help texts and the env
docstrings are generated from them, so a default or a meaning is never written
twice.

    @dataclass(frozen=True)
    class Config:
        days: int = option(1, "simulated days per episode", allowed="a positive integer")

    add_arguments(parser, Config, ["days"])      # --days, help "... (a positive integer; default 1)"
    config = Config(**arguments_given(args, Config))
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable, Iterable, Sequence
from typing import Any

_HELP, _ALLOWED, _PARSE, _CHOICES, _FLAG = "help", "allowed", "parse", "choices", "flag"


def option(default: Any, help: str, *, allowed: str = "", choices: Sequence[Any] | None = None,
           parse: Callable[[str], Any] | None = None, flag: str | None = None, default_factory=None):
    """A dataclass field with its meaning (``help``), the values it takes (``allowed`` or
    ``choices``), and how a command line spells it (``parse`` reads the text, ``flag`` overrides
    ``--field-name``)."""
    metadata = {_HELP: help, _ALLOWED: allowed, _CHOICES: tuple(choices) if choices else None,
                _PARSE: parse, _FLAG: flag}
    if default_factory is not None:
        return dataclasses.field(default_factory=default_factory, metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


def _fields(config_cls) -> dict[str, dataclasses.Field]:
    return {f.name: f for f in dataclasses.fields(config_cls)}


def _default(f: dataclasses.Field):
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:  # type: ignore[misc]
        return f.default_factory()  # type: ignore[misc]
    return None


def describe(f: dataclasses.Field, default: Any = dataclasses.MISSING) -> str:
    """``"<help> (<allowed values>; default <d>)"``: one field's help, as documentation shows it."""
    meta = f.metadata
    allowed = meta.get(_ALLOWED) or (", ".join(repr(c) for c in meta[_CHOICES]) if meta.get(_CHOICES) else "")
    if default is dataclasses.MISSING:
        default = _default(f)
    tail = "; ".join(part for part in (allowed, f"default {default!r}") if part)
    return f"{meta.get(_HELP, '')} ({tail})"


def docstring_arguments(config_cls, indent: str = "    ") -> str:
    """The ``Arguments`` lines of a docstring, one per field of ``config_cls``."""
    return "\n".join(f"{indent}{name}: {describe(f)}" for name, f in _fields(config_cls).items())


def add_arguments(parser: argparse.ArgumentParser | argparse._ArgumentGroup, config_cls,
                  names: Iterable[str] | None = None, *, defaults: dict[str, Any] | None = None,
                  omit_default: bool = False, help_prefix: str = "") -> None:
    """Add ``--<name>`` options for the fields ``names`` (default: all) of ``config_cls``.

    ``defaults`` overrides a field's default for this command; with ``omit_default`` an
    option left out is not set at all (``None`` in ``args``), so the config's default applies.
    ``help_prefix`` starts every help text (``"with --new: "``: when the options apply)."""
    fields = _fields(config_cls)
    for name in names if names is not None else fields:
        if name not in fields:
            raise KeyError(f"{config_cls.__name__} has no option {name!r}")
        f = fields[name]
        meta = f.metadata
        if _HELP not in meta:
            raise ValueError(f"{config_cls.__name__}.{name} has no help: declare it with option()")
        default = (defaults or {}).get(name, _default(f))
        help_text = help_prefix + describe(f, default)
        kwargs: dict[str, Any] = {"help": help_text.replace("%", "%%")}  # argparse formats help with %
        kwargs["default"] = None if omit_default else default
        flag = meta.get(_FLAG) or "--" + name.replace("_", "-")
        if isinstance(default, bool) and meta.get(_PARSE) is None:
            kwargs["action"] = argparse.BooleanOptionalAction
        else:
            if meta.get(_CHOICES):
                kwargs["choices"] = meta[_CHOICES]
            parse = meta.get(_PARSE) or (type(default) if isinstance(default, (int, float, str)) else None)
            if parse is not None:
                kwargs["type"] = parse
        parser.add_argument(flag, dest=name, **kwargs)


def arguments_given(args: argparse.Namespace, config_cls, names: Iterable[str] | None = None) -> dict[str, Any]:
    """The fields of ``config_cls`` found in ``args`` (skipping those left unset as ``None``)."""
    fields = _fields(config_cls)
    wanted = names if names is not None else fields
    return {n: getattr(args, n) for n in wanted if n in fields and getattr(args, n, None) is not None}
