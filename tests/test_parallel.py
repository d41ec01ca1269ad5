"""``analysis.parallel``: jobs on this process and helpers (forked or spawned), none lost, none twice."""
from __future__ import annotations

import gc
import logging
import os
import sys
import time
import types
from pathlib import Path

import pytest

from analysis import parallel


def _pid_after(job: tuple[int, int, float]) -> tuple[int, int]:
    """(job number, the pid that ran it); this process (``main``) lingers so that helpers get jobs."""
    main, number, linger = job
    if os.getpid() == main:
        time.sleep(linger)
    return number, os.getpid()


def _pid_when_all_started(job: tuple[str, int, int]) -> tuple[int, int]:
    """(job number, the pid that ran it); each process's first job waits (up to 2 min) until every helper
    has one, so that the test shows who takes jobs, not how fast helpers start on a loaded machine."""
    folder, number, helpers = job
    Path(folder, str(os.getpid())).touch()
    deadline = time.monotonic() + 120
    while len(list(Path(folder).iterdir())) < helpers + 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    return number, os.getpid()


def _fails_in_a_helper(job: tuple[int, int]) -> int:
    main, number = job
    if os.getpid() != main:
        raise ValueError(f"job {number} failed")
    time.sleep(0.2)
    return number


def _dies_in_a_helper(job: tuple[int, int]) -> tuple[int, int]:
    main, number = job
    if os.getpid() != main:
        os._exit(3)  # killed, out of memory…: no exception, the process is gone
    time.sleep(0.05)
    return number, os.getpid()


def _environment(job: tuple[str, int]) -> tuple[int, str | None, str | None]:
    _pid_when_all_started((job[0], job[1], 1))  # the helper surely takes a job
    return os.getpid(), os.environ.get("MALLOC_TRIM_THRESHOLD_"), os.environ.get("OMP_NUM_THREADS")


_STATE = {"warm": False}


def _warm() -> None:
    _STATE["warm"] = True


def _warm_in(job: tuple[str, int]) -> tuple[int, bool]:
    _pid_when_all_started((job[0], job[1], 1))  # the helper surely takes a job
    return os.getpid(), _STATE["warm"]


def _collector(job: tuple[str, int, int]) -> tuple[int, int, int]:
    """(pid, frozen objects, young-generation threshold) where the job ran."""
    _pid_when_all_started(job)  # with a helper, it surely takes a job
    return os.getpid(), gc.get_freeze_count(), gc.get_threshold()[0]


@pytest.fixture(params=["fork", "spawn"])
def start_method(request, monkeypatch) -> str:
    """Each test using it runs with forked and with spawned helpers."""
    monkeypatch.setenv("NEWSLENS_START_METHOD", request.param)
    return request.param


@pytest.mark.parametrize("platform, kernel, chosen, expected", [
    ("linux", False, "", "fork"),  # a script, the CLI: a copy of this process, model loaded
    ("linux", True, "", "spawn"),  # a Jupyter kernel: its threads talk to the browser
    ("darwin", False, "", "spawn"),
    ("linux", False, "spawn", "spawn"), ("linux", True, "FORK", "fork"),  # the user's choice
    ("linux", False, "thread", "fork"),  # not a start method: ignored
])
def test_start_method(monkeypatch, platform, kernel, chosen, expected):
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setenv("NEWSLENS_START_METHOD", chosen)
    if kernel:
        monkeypatch.setitem(sys.modules, "ipykernel", types.ModuleType("ipykernel"))
    else:
        monkeypatch.delitem(sys.modules, "ipykernel", raising=False)
    assert parallel.start_method() == expected


def test_helpers_have_what_the_initializer_made(start_method, tmp_path):
    _STATE["warm"] = False
    got = list(parallel.imap_unordered(_warm_in, ((str(tmp_path), i) for i in range(8)), processes=2,
                                       initializer=_warm))
    assert {warm for pid, warm in got if pid != os.getpid()} == {True}
    assert _STATE["warm"] is (start_method == "fork")  # forked: it ran here, once, before the fork


def test_one_process_runs_every_job_here_in_order():
    jobs = [(os.getpid(), i, 0.0) for i in range(5)]
    assert list(parallel.imap_unordered(_pid_after, jobs, processes=1)) == [(i, os.getpid()) for i in range(5)]


def test_helpers_and_this_process_share_the_jobs_each_done_once(start_method, tmp_path):
    main = os.getpid()
    got = list(parallel.imap_unordered(_pid_when_all_started, ((str(tmp_path), i, 2) for i in range(40)),
                                       processes=3))
    assert sorted(number for number, _pid in got) == list(range(40))
    pids = {pid for _number, pid in got}
    assert main in pids and len(pids) == 3  # this process and both helpers worked


def test_an_exception_in_a_helper_is_raised_here():
    main = os.getpid()
    with pytest.raises(ValueError, match="failed"):
        list(parallel.imap_unordered(_fails_in_a_helper, ((main, i) for i in range(30)), processes=2))


def test_the_jobs_of_a_helper_that_died_run_here(start_method, caplog):
    main = os.getpid()
    with caplog.at_level(logging.WARNING, logger="analysis.parallel"):
        got = list(parallel.imap_unordered(_dies_in_a_helper, ((main, i) for i in range(60)), processes=2))
    assert sorted(number for number, _pid in got) == list(range(60))
    assert {pid for _number, pid in got} == {main}
    assert "going on in this process alone" in caplog.text


def test_helpers_start_without_malloc_trimming_and_with_their_share_of_blas_threads(start_method, monkeypatch,
                                                                                   tmp_path):
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "65536")  # what Dask's nanny leaves behind
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    main = os.getpid()
    got = list(parallel.imap_unordered(_environment, ((str(tmp_path), i) for i in range(12)), processes=2))
    helpers = {(trim, threads) for pid, trim, threads in got if pid != main}
    assert helpers == {(None, str(max(1, parallel.available_cpus() // 2)))}
    assert os.environ["MALLOC_TRIM_THRESHOLD_"] == "65536" and "OMP_NUM_THREADS" not in os.environ  # restored


@pytest.mark.parametrize("processes", [1, 2])
def test_jobs_run_with_what_was_alive_frozen_and_rarer_collections_then_all_is_restored(processes, tmp_path):
    before = gc.get_threshold()
    assert gc.get_freeze_count() == 0
    got = list(parallel.imap_unordered(_collector, ((str(tmp_path), i, processes - 1) for i in range(12)),
                                       processes=processes))
    here = [(frozen, young) for pid, frozen, young in got if pid == os.getpid()]
    assert here and all(frozen > 1000 and young == parallel.YOUNG_COLLECTION_THRESHOLD for frozen, young in here)
    if processes == 2 and parallel.start_method() == "fork":  # a forked helper inherits both
        assert {(frozen > 1000, young) for pid, frozen, young in got if pid != os.getpid()} == {
            (True, parallel.YOUNG_COLLECTION_THRESHOLD)}
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == before


@pytest.mark.parametrize("owner", ["frozen", "disabled"])
def test_a_collector_its_owner_set_up_is_left_alone(owner):
    before = gc.get_threshold()
    gc.freeze() if owner == "frozen" else gc.disable()
    try:
        frozen = gc.get_freeze_count()  # objects freed while frozen leave the count: compare loosely
        jobs = [(os.getpid(), i, 0.0) for i in range(3)]
        with parallel.batch_collections():
            assert gc.get_threshold() == before and (gc.get_freeze_count() > frozen // 2) is (owner == "frozen")
        assert list(parallel.imap_unordered(_pid_after, jobs, processes=1)) == [(i, os.getpid()) for i in range(3)]
        assert gc.get_threshold() == before and (gc.get_freeze_count() > frozen // 2) is (owner == "frozen")
        assert gc.isenabled() is (owner == "frozen")
    finally:
        gc.unfreeze()
        gc.enable()


@pytest.mark.parametrize("remaining, processes, expected", [
    (360, 1, 100),  # nothing to balance: the largest
    (360, 2, 90), (100, 2, 25), (9, 2, 4),  # a quarter of what is left, at least 4
    (10_000, 4, 100),
])
def test_guided_size(remaining, processes, expected):
    assert parallel.guided_size(remaining, processes, low=4, high=100) == expected


@pytest.mark.parametrize("bad", [0, -1, 1.5, True])
def test_resolve_processes_refuses_nonsense(bad):
    with pytest.raises(ValueError):
        parallel.resolve_processes(bad)
    assert parallel.resolve_processes(None) == parallel.available_cpus() >= 1
