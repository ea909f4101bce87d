"""Run one function over a corpus's documents: in this process, in a pool of worker
processes, or on a Dask cluster. Every runner returns the results in input order, so the
graph is the same whichever runs the work; `on_done(n)` is told as documents finish.

Documents travel in batches of about BATCH_CHARS characters, so that neither a worker
process nor a cluster pays its per-task overhead for each small article.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import TypeVar

from .errors import KgError
from .model import Document

BATCH_CHARS = 200_000
CONNECT_TIMEOUT = "20s"         # to reach a Dask scheduler

R = TypeVar("R")
Mapper = Callable[[Callable[[Document], R], Iterable[Document]], Iterator[R]]
OnDone = Callable[[int], None]


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:          # not on Linux
        return os.cpu_count() or 1


def batches(docs: Sequence[Document], chars: int | None = None) -> list[list[Document]]:
    """Consecutive runs of documents of about `chars` (BATCH_CHARS) characters, at least one
    document each."""
    chars = chars or BATCH_CHARS
    out: list[list[Document]] = []
    size = chars
    for doc in docs:
        if size >= chars:
            out.append([])
            size = 0
        out[-1].append(doc)
        size += len(doc.text)
    return out


def run_batch(func: Callable[[Document], R], batch: list[Document]) -> list[R]:
    return [func(doc) for doc in batch]


def in_process(on_done: OnDone | None = None) -> Mapper:
    def run(func, docs):
        for doc in docs:
            yield func(doc)
            if on_done:
                on_done(1)
    return run


def process_pool(workers: int, on_done: OnDone | None = None,
                 warm_up: Callable[[], None] | None = None) -> Mapper:
    """A mapper over `workers` processes (in this process when one would do). `warm_up` runs
    here before the pool forks, so that each worker starts with the dictionaries loaded
    instead of loading them again."""
    def run(func, docs):
        docs = list(docs)
        work = batches(docs)
        if workers <= 1 or len(work) <= 1:
            yield from in_process(on_done)(func, docs)
            return
        fork = "fork" in multiprocessing.get_all_start_methods()
        if fork and warm_up:
            warm_up()
        context = multiprocessing.get_context("fork" if fork else None)
        with ProcessPoolExecutor(max_workers=min(workers, len(work)), mp_context=context) as pool:
            yield from _gather(work, {pool.submit(run_batch, func, batch): i
                                      for i, batch in enumerate(work)},
                               as_completed, on_done)
    return run


def dask_cluster(address: str, on_done: OnDone | None = None) -> Mapper:
    """A mapper over the workers of a running Dask scheduler, e.g. 'tcp://10.0.0.5:8786'.
    The workers need the same version of kg installed."""
    try:
        from distributed import Client
        from distributed import as_completed as dask_completed
    except ImportError:
        raise KgError("--scheduler needs dask.distributed: pip install 'kg[cluster]'") from None

    def run(func, docs):
        work = batches(list(docs))
        try:
            client = Client(address, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise KgError(f"{address}: cannot reach the Dask scheduler ({exc})") from None
        with client:
            futures = client.map(run_batch, [func] * len(work), work, pure=False)
            yield from _gather(work, {f: i for i, f in enumerate(futures)},
                               dask_completed, on_done)
    return run


def aside(func: Callable[[], R], background: bool = True) -> Callable[[], R]:
    """Start func() in a forked process of its own and return a call that waits for its
    result (raising what func raised). Without fork, or with background False, or when the
    process dies without an answer, func runs in this process when its result is asked for."""
    if not background or "fork" not in multiprocessing.get_all_start_methods():
        return func
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def child() -> None:
        try:
            send.send((True, func()))
        except Exception as exc:        # noqa: BLE001 - raised again in the parent
            send.send((False, exc))

    process = context.Process(target=child, daemon=True)
    process.start()
    send.close()

    def result() -> R:
        try:
            ok, value = receive.recv()
        except (EOFError, OSError):
            return func()
        finally:
            process.join()
        if not ok:
            raise value
        return value
    return result


def _gather(work, index, completed, on_done) -> Iterator:
    """Results of the batch futures in `index` (future -> batch number), in batch order."""
    results: list = [None] * len(work)
    for future in completed(list(index)):
        results[index[future]] = future.result()
        if on_done:
            on_done(len(work[index[future]]))
    for batch in results:
        yield from batch
