"""Sil as a separate process (`run.py`), so that a test can kill it the way a power cut or the OOM killer would."""
from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent


def run_py(*args: str, scratch: Path | None = None) -> subprocess.Popen:
    """Start `run.py ARGS` with this interpreter; its output goes to a temporary file (`process.stdout`).

    Not a pipe: a pipe nobody reads fills up, and then the process blocks on its next log line.
    With `scratch`, the process's temporary files go there (TMPDIR): a test that kills it mid-import
    leaves its import's scratch folder inside the test's own folder, not in the machine's /tmp."""
    output = tempfile.TemporaryFile("w+")
    env = None
    if scratch is not None:
        scratch.mkdir(exist_ok=True)
        env = {**os.environ, "TMPDIR": str(scratch)}
    process = subprocess.Popen([sys.executable, str(ROOT / "run.py"), *args], cwd=ROOT,
                               stdout=output, stderr=subprocess.STDOUT, text=True, env=env)
    process.output = output  # type: ignore[attr-defined]
    return process


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(db_path: Path, *options: str) -> tuple[subprocess.Popen, int]:
    """Start `run.py --db PATH --port P [OPTIONS]` and wait until it accepts connections."""
    port = free_port()
    process = run_py("--db", str(db_path), "--port", str(port), *options, scratch=Path(db_path).parent / "scratch")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Sil did not start: {output_of(process)}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, port
        except OSError:
            time.sleep(0.05)
    kill(process)
    raise RuntimeError("Sil did not start listening within 30 s")


def output_of(process: subprocess.Popen) -> str:
    """What the process printed (stdout and stderr)."""
    process.output.seek(0)  # type: ignore[attr-defined]
    return process.output.read()  # type: ignore[attr-defined]


def kill(process: subprocess.Popen) -> None:
    """SIGKILL: no clean-up handler runs, as after a crash."""
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


class Browser:
    """A signed-in person talking to a Sil process over loopback (session cookie and CSRF token given)."""

    def __init__(self, port: int, token: str, csrf: str):
        self.port, self.token, self.csrf = port, token, csrf

    def call(self, method: str, path: str, fields: dict | None = None, json_reply: bool = True) -> tuple[int, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Cookie": f"sil_session={self.token}", "X-CSRF-Token": self.csrf}
        if json_reply:
            headers["Accept"] = "application/json"
        body = None
        if fields is not None:
            body = urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def decide(self, project_id: int, record_id: int, decision: str, **more: str) -> bool:
        """Whether Sil answered that the decision is stored."""
        status, body = self.call("POST", f"/projects/{project_id}/screen/1/decide",
                                 {"record_id": record_id, "decision": decision, **more})
        return status == 200 and json.loads(body).get("ok") is True
