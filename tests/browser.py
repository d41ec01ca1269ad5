"""Headless Chromium for the report tests, driven over the DevTools protocol on a pipe.

Chromium (Debian's ``chromium`` package) is started with ``--remote-debugging-pipe``: it reads
protocol messages on file descriptor 3 and writes on 4, each a JSON object followed by a NUL byte.
So there is no port to pick or race for, no WebDriver and no driver version to match. Each
browser gets a fresh profile folder, removed when it closes.
"""
from __future__ import annotations

import base64
import fcntl
import json
import os
import selectors
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

__all__ = ["Browser", "Page", "find_chromium", "BrowserError"]

#: Flags for a headless Chromium run as root in a container, with nothing fetched from the network.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars",
         "--mute-audio", "--remote-debugging-pipe")


class BrowserError(RuntimeError):
    """Chromium is missing, died, or a protocol call failed or took too long."""


def find_chromium() -> str | None:
    """The Chromium executable: ``$CHROMIUM``, else ``chromium`` or ``chromium-browser`` on the PATH."""
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser"):
        if name and (path := shutil.which(name)):
            return path
    return None


class Browser:
    """One headless Chromium process; close it (or use ``with``) to end it and remove its profile."""

    def __init__(self, *, executable: str | None = None, timeout: float = 60.0) -> None:
        binary = executable or find_chromium()
        if binary is None:
            raise BrowserError("Chromium not found: apt-get install -y chromium (or set CHROMIUM)")
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="newslens-chromium-")
        to_read, to_write = os.pipe()
        from_read, from_write = os.pipe()

        def child_fds() -> None:  # in the child: our pipe ends become its fds 3 (in) and 4 (out)
            a = fcntl.fcntl(to_read, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(from_write, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"], stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=False, preexec_fn=child_fds)
        os.close(to_read)
        os.close(from_write)
        self._out = to_write
        self._in = from_read
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._in, selectors.EVENT_READ)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    def __enter__(self) -> "Browser":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            if not self._selector.select(max(0.0, deadline - time.monotonic())):
                raise BrowserError("Chromium did not answer in time")
            chunk = os.read(self._in, 1 << 16)
            if not chunk:
                raise BrowserError(f"Chromium closed the pipe (exit status {self.process.poll()})")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method: str, params: dict[str, Any] | None = None, *, session: str | None = None) -> dict:
        """Send one protocol command and return its result (events that arrive meanwhile are kept)."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_event(self, method: str, *, session: str | None = None) -> dict[str, Any]:
        """The next event named ``method`` (for ``session``), waiting up to the timeout."""
        deadline = time.monotonic() + self.timeout
        while True:
            for i, event in enumerate(self.events):
                if event.get("method") == method and session in (None, event.get("sessionId")):
                    return self.events.pop(i)
            self.events.append(self._receive(deadline))

    def page(self, *, width: int = 1280, height: int = 900) -> "Page":
        """A new tab."""
        return Page(self, width=width, height=height)

    def close(self) -> None:
        """End Chromium and remove its profile."""
        if self.process.poll() is None:
            try:
                self.call("Browser.close")
                self.process.wait(timeout=10)
            except (BrowserError, OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()
        self._selector.close()
        for fd in (self._out, self._in):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)


class Page:
    """One tab: navigate, evaluate JavaScript, click, type, screenshot."""

    def __init__(self, browser: Browser, *, width: int, height: int) -> None:
        self.browser = browser
        target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    def call(self, method: str, params: dict[str, Any] | None = None) -> dict:
        """A protocol command in this tab."""
        return self.browser.call(method, params, session=self.session)

    def events(self, method: str) -> list[dict[str, Any]]:
        """The params of every event named ``method`` received so far for this tab."""
        return [e.get("params", {}) for e in self.browser.events
                if e.get("method") == method and e.get("sessionId") == self.session]

    def errors(self) -> list[str]:
        """JavaScript exceptions thrown in this tab so far."""
        return [e.get("exceptionDetails", {}).get("exception", {}).get("description")
                or e.get("exceptionDetails", {}).get("text", "") for e in self.events("Runtime.exceptionThrown")]

    def dialogs(self) -> list[str]:
        """Messages of alert/confirm/prompt dialogs opened in this tab so far."""
        return [e.get("message", "") for e in self.events("Page.javascriptDialogOpening")]

    def open(self, url: str) -> None:
        """Load ``url`` and wait for its load event."""
        self.call("Page.navigate", {"url": url})
        self.browser.wait_event("Page.loadEventFired", session=self.session)

    def js(self, expression: str) -> Any:
        """The value of a JavaScript expression (promises awaited); raises on a JavaScript error."""
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True})
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression[:80]}: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def wait_for(self, expression: str, *, timeout: float = 30.0) -> Any:
        """Poll a JavaScript expression until it is truthy; its value. A page that is navigating away
        (after a click on a link) is waited for."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                value = self.js(expression)
            except BrowserError as exc:
                if "navigated" not in str(exc) and "context" not in str(exc):
                    raise
                value = None
            if value:
                return value
            if time.monotonic() > deadline:
                raise BrowserError(f"still false after {timeout:.0f} s: {expression}")
            time.sleep(0.1)

    def click(self, selector: str) -> None:
        """Click the first element matching a CSS selector, as a mouse would (inside its first line box)."""
        box = self.js(f"""(() => {{ const el = document.querySelector({json.dumps(selector)});
            if (!el) return null; el.scrollIntoView({{block: "center"}});
            const r = el.getClientRects()[0] || el.getBoundingClientRect();
            return [r.x + Math.min(r.width / 2, 20), r.y + r.height / 2]; }})()""")
        if box is None:
            raise BrowserError(f"nothing matches {selector!r}")
        self.mouse("mouseMoved", *box)
        for kind in ("mousePressed", "mouseReleased"):
            self.mouse(kind, *box, button="left", clickCount=1)

    def mouse(self, kind: str, x: float, y: float, **extra: Any) -> None:
        """A mouse event at page coordinates (``mouseMoved`` hovers)."""
        self.call("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, **extra})

    def type(self, text: str) -> None:
        """Type text into the focused element."""
        self.call("Input.insertText", {"text": text})

    def screenshot(self, path: str | os.PathLike, *, full_page: bool = False, max_height: int = 16000) -> Path:
        """A PNG of the viewport (or of the whole page, up to ``max_height`` pixels)."""
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            size = self.call("Page.getLayoutMetrics")["cssContentSize"]
            params |= {"captureBeyondViewport": True,
                       "clip": {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], max_height),
                                "scale": 1}}
        Path(path).write_bytes(base64.b64decode(self.call("Page.captureScreenshot", params)["data"]))
        return Path(path)
