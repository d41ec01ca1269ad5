"""Run one notebook with papermill in a fresh kernel, safely in parallel threads.

Kernels started in parallel can race for TCP ports (papermill#511,
jupyter_client#487: a port is picked, released, then bound later by the kernel).
On POSIX the kernels here talk over IPC sockets in a private folder per kernel,
so there are no ports to race for; elsewhere jupyter_client's in-process port
cache is used and a kernel that fails to start is started once more.

papermill's ``cwd=`` changes the working directory of the whole process, which
is not thread-safe; the kernel's working directory is passed to nbclient
instead (``resources.metadata.path``).
"""
from __future__ import annotations

import logging
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jupyter_client.manager import AsyncKernelManager

__all__ = ["KernelOutcome", "kernel_manager_class", "execute"]

logger = logging.getLogger(__name__)


class _QuietParameterInference(logging.Filter):
    """Drop papermill's "Unable to parse line" and "Passed unknown parameter" warnings: its regex cannot
    read annotated parameters (``speakers: list[str] = []``) nor the ones after them; the runner reads
    parameters with ``ast`` instead and refuses unknown ones before any kernel starts."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(("Unable to parse line", "Passed unknown parameter"))


logging.getLogger("papermill.translators").addFilter(_QuietParameterInference())
logging.getLogger("papermill").addFilter(_QuietParameterInference())

#: Kernel start attempts when the kernel dies or never answers (RuntimeError, TimeoutError) before the first cell.
START_ATTEMPTS = 2
#: Seconds to wait for a kernel to answer.
START_TIMEOUT = 120


@dataclass(frozen=True)
class KernelOutcome:
    """How one execution went.

    Attributes:
        ok: Every cell ran without error.
        error: ``"Name: message"`` of the error, or None.
        kernel_seconds: From the call until the kernel answered (every attempt counted).
        execute_seconds: From the kernel answering until the end.
        attempts: Kernel starts tried.
    """

    ok: bool
    error: str | None
    kernel_seconds: float
    execute_seconds: float
    attempts: int = 1


def kernel_manager_class(*, env: dict[str, str], sockets_dir: Path, stderr_path: Path | None = None) -> type:
    """A kernel manager class for one notebook execution.

    Args:
        env: Variables added to the kernel's environment.
        sockets_dir: Where each kernel gets its private IPC socket folder (POSIX).
        stderr_path: File the kernel process's own stderr is appended to, or None to inherit it.
    """
    use_ipc = os.name == "posix"

    class NewslensKernelManager(AsyncKernelManager):
        """Kernel manager: IPC transport in a private folder, extra environment, this Python."""

        async def _async_pre_start_kernel(self, **kw: Any):  # noqa: ANN202 - jupyter_client's signature
            if use_ipc and not self._connection_file_written:
                folder = tempfile.mkdtemp(prefix="k", dir=sockets_dir)  # 0700: only this user can connect
                self.transport = "ipc"
                self.cache_ports = False  # the TCP port cache does not apply to IPC sockets
                self.connection_file = os.path.join(folder, "kernel.json")
                self.ip = os.path.join(folder, "s")
            kw["env"] = {**kw.get("env", os.environ), **env}
            if stderr_path is not None:
                fd = os.open(stderr_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
                kw["stderr"] = fd  # the child gets a copy; ours is closed after the launch
                self._newslens_stderr = fd
            return await super()._async_pre_start_kernel(**kw)

        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
            try:
                await super()._async_launch_kernel(kernel_cmd, **kw)
            finally:
                fd = getattr(self, "_newslens_stderr", None)
                if fd is not None:
                    os.close(fd)
                    self._newslens_stderr = None

        def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
            cmd = super().format_kernel_cmd(extra_arguments)
            if "ipykernel_launcher" in cmd[:3] and cmd[0] != sys.executable:
                cmd = [sys.executable, *cmd[1:]]  # the reports run on this environment's packages
            return cmd

    return NewslensKernelManager


def execute(notebook: Path, output: Path, parameters: dict[str, Any], *, cwd: Path, km_class: type,
            start_timeout: float = START_TIMEOUT) -> KernelOutcome:
    """Execute ``notebook`` with papermill, writing the executed notebook to ``output``.

    The executed notebook is written as cells run, so on failure ``output`` holds
    the partly executed notebook with the error. Never raises for a failing
    notebook; the failure is in the outcome.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    attempts = 0
    t0 = time.perf_counter()
    while True:
        attempts += 1
        started: list[float] = []
        try:
            papermill.execute_notebook(
                str(notebook), str(output), parameters=parameters, kernel_name="python3", progress_bar=False,
                log_output=False, start_timeout=start_timeout, kernel_manager_class=km_class,
                resources={"metadata": {"path": str(cwd)}},
                on_notebook_start=lambda _started=started, **_: _started.append(time.perf_counter()),
            )
            error = None
        except PapermillExecutionError as exc:
            error = f"{exc.ename}: {_strip_ansi(exc.evalue)}"
        except Exception as exc:  # a kernel that died or never started, a bad notebook
            if not started and attempts < START_ATTEMPTS and isinstance(exc, (RuntimeError, TimeoutError)):
                logger.warning("%s: kernel did not start (%s: %s); trying again", notebook.name,
                               type(exc).__name__, exc)
                continue
            error = f"{type(exc).__name__}: {_strip_ansi(str(exc))}"
        end = time.perf_counter()
        first = started[0] if started else end
        return KernelOutcome(ok=error is None, error=error, kernel_seconds=first - t0 if started else end - t0,
                             execute_seconds=end - first if started else 0.0, attempts=attempts)


def _strip_ansi(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", text or "")
