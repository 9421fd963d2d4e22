"""Crash-safe writes: a file or a folder appears whole or not at all.

A file is written to a temporary file in the same folder, flushed and
``fsync``-ed, then renamed over the target with :func:`os.replace`; the folder
is ``fsync``-ed so the rename itself survives a power cut. A folder (a
snapshot, a fork) is built under a temporary name and renamed into place the
same way. Temporary names start with ``.tmp-`` so a resume can sweep up what a
killed process left behind (:func:`remove_leftovers`).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

TMP_PREFIX = ".tmp-"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _umask()  # temporary files are private (0600); published ones get the usual permissions


def fsync_dir(path: str | os.PathLike) -> None:
    """Make a folder's entries (new names, renames) durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_bytes_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Replace ``path`` with ``data``: after a crash it holds the old or the new bytes, never a mix."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f"{TMP_PREFIX}{path.name}.")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fchmod(f.fileno(), 0o666 & ~_UMASK)
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    fsync_dir(path.parent)


def json_bytes(obj) -> bytes:
    """The project's JSON layout for saved files: UTF-8, indented, key order kept."""
    return (json.dumps(obj, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def write_json_atomic(path: str | os.PathLike, obj) -> None:
    write_bytes_atomic(path, json_bytes(obj))


def make_temp_dir(parent: str | os.PathLike, name: str) -> Path:
    """An empty folder next to where ``name`` will be published."""
    return Path(tempfile.mkdtemp(dir=parent, prefix=f"{TMP_PREFIX}{name}."))


def publish_dir(tmp: str | os.PathLike, final: str | os.PathLike) -> None:
    """Rename a fully written temporary folder to ``final`` (which must not exist)."""
    tmp, final = Path(tmp), Path(final)
    for entry in tmp.iterdir():  # the files were written without fsync; make them durable first
        if entry.is_file():
            with open(entry, "rb") as f:
                os.fsync(f.fileno())
    os.chmod(tmp, 0o777 & ~_UMASK)
    fsync_dir(tmp)
    if final.exists():
        raise FileExistsError(f"{final} already exists")
    os.rename(tmp, final)
    fsync_dir(final.parent)


def remove_leftovers(folder: str | os.PathLike) -> list[Path]:
    """Delete the temporary files and folders a killed writer left in ``folder``."""
    removed = []
    for entry in Path(folder).glob(f"{TMP_PREFIX}*"):
        if entry.is_dir():
            shutil.rmtree(entry)
        else:
            entry.unlink()
        removed.append(entry)
    return removed
