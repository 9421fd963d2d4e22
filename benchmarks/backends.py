"""Where the benchmark's cells run: local worker processes or Ray tasks.

Both yield ``(cell, rows)`` as each cell finishes, in whatever order they
finish; every cell runs :func:`agents.runner.run_cell`, which is deterministic,
so a cell gives the same rows on either backend.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

from cells import Cell

from agents.runner import run_cell

BACKENDS = ("local", "ray")
_RAY_OBJECT_STORE_BYTES = 256 * 1024**2  # a local Ray needs little: cells return a few KB


def _args(cell: Cell) -> tuple:
    return cell.policy, cell.persona, cell.seed, cell.days, cell.noise, cell.delay


def run_local(cells: list[Cell], workers: int) -> Iterator[tuple[Cell, list[dict]]]:
    """In this process when ``workers`` is 1, else in a pool of ``workers`` processes."""
    if workers <= 1:
        for cell in cells:
            yield cell, run_cell(*_args(cell))
        return
    pool = ProcessPoolExecutor(workers)
    try:
        pending = {pool.submit(run_cell, *_args(cell)): cell for cell in cells}
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                yield pending.pop(future), future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def run_ray(cells: list[Cell], workers: int, address: str | None = None) -> Iterator[tuple[Cell, list[dict]]]:
    """As Ray tasks: on a local Ray of ``workers`` CPUs, or on the cluster at ``address``.

    On a cluster the driver's ``propersim_env`` and ``agents`` packages are
    shipped with the tasks (Ray ``py_modules``), so every node runs the same
    code; the nodes need the dependencies (``pip install propersim-env``)."""
    try:
        import ray
    except ImportError:
        raise SystemExit("--backend ray needs Ray: pip install -e '.[ray]'") from None
    started = not ray.is_initialized()
    if started and address is None:
        ray.init(num_cpus=workers, include_dashboard=False, object_store_memory=_RAY_OBJECT_STORE_BYTES,
                 logging_level=logging.WARNING, log_to_driver=False)
    elif started:
        import agents
        import propersim_env

        ray.init(address=address, logging_level=logging.WARNING,
                 runtime_env={"py_modules": [propersim_env, agents]})
    try:
        task = ray.remote(run_cell)
        pending = {task.remote(*_args(c)): c for c in cells}
        while pending:
            finished, _ = ray.wait(list(pending), num_returns=1)
            for ref in finished:
                yield pending.pop(ref), ray.get(ref)
    finally:
        if started:
            ray.shutdown()


def run(cells: list[Cell], backend: str, workers: int, address: str | None = None):
    if backend == "local":
        return run_local(cells, workers)
    if backend == "ray":
        return run_ray(cells, workers, address)
    raise ValueError(f"backend must be one of {', '.join(BACKENDS)}; got {backend!r}")
