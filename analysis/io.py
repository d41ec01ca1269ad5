"""Safe file output: everything is written under a temporary name and moved into place."""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["atomic_path", "write_text", "UMASK", "public_mode"]


def _read_umask() -> int:
    """The process umask (read once, at import: setting it back and forth is not thread-safe)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


#: The umask when newslens was imported; new files get ``0o666 & ~UMASK`` like any ``open()``.
UMASK: int = _read_umask()


def public_mode(path: str | os.PathLike) -> None:
    """Give a file the mode a plain ``open()`` would have (``mkstemp`` makes it 0600)."""
    os.chmod(path, 0o666 & ~UMASK)


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success move it onto ``path``.

    On any exception the temporary file is removed and ``path`` is untouched,
    so an interrupted run never leaves a half-written file where a good one was.
    The file ends up readable as the umask allows (not 0600, as ``mkstemp`` makes it).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        yield Path(tmp)
        if os.path.exists(tmp):
            public_mode(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_text(path: str | os.PathLike, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(path)
