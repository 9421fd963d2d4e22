"""Install llama-cpp-python built to run on any x86-64 machine (and any other CPU).

    python scripts/install_llama_cpp.py [--python .venv/bin/python]

``pip install llama-cpp-python`` compiles llama.cpp with the build machine's
native flags (``-march=native``: AVX-512, AMX, ...). Such a build can crash on
the machine itself (a native build segfaulted on an AVX-512 BF16 + AMX CPU) and
fails on any CPU without those instructions, and pip's wheel cache keys the
built wheel by version, not by flags, so every later install reuses it.

This script builds the version pinned in ``pyproject.toml`` with
``GGML_NATIVE=OFF`` and a named instruction set instead: on x86-64 the
x86-64-v3 level (AVX2, FMA, F16C, BMI2; no AVX-512, no AMX), or plain SSE on a
CPU without AVX2. It never reads pip's wheel cache (``--no-cache-dir``) and
keeps its own wheel under ``$PROPERSIM_CACHE/wheels`` (default
``~/.cache/propersim_env``) in a folder named by version and flags, so a second
install on this machine takes seconds and a wheel built with other flags is
never picked up. The multimodal library (mtmd) is not built: the project never
loads it.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
X86_64_V3 = ("avx2", "fma", "f16c", "bmi2")
# The instruction sets ggml's CMake enables by default once GGML_NATIVE is off, named so
# that the build does not depend on what the build machine happens to have.
SSE_ONLY = ("-DGGML_AVX=OFF", "-DGGML_AVX2=OFF", "-DGGML_FMA=OFF", "-DGGML_F16C=OFF", "-DGGML_BMI2=OFF")
V3 = ("-DGGML_AVX=ON", "-DGGML_AVX2=ON", "-DGGML_FMA=ON", "-DGGML_F16C=ON", "-DGGML_BMI2=ON")
NEVER = ("-DGGML_AVX512=OFF", "-DGGML_AVX512_VBMI=OFF", "-DGGML_AVX512_VNNI=OFF", "-DGGML_AVX512_BF16=OFF",
         "-DGGML_AVX_VNNI=OFF", "-DGGML_AMX_TILE=OFF", "-DGGML_AMX_INT8=OFF", "-DGGML_AMX_BF16=OFF")


def pinned_requirement() -> str:
    """``llama-cpp-python==X`` as pinned in pyproject.toml's ``local-llm`` extra."""
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    for requirement in extras["local-llm"]:
        match = re.fullmatch(r"llama-cpp-python(\[[^\]]*\])?==([\w.]+)", requirement.replace(" ", ""))
        if match:
            return match.group(2)
    sys.exit("pyproject.toml: the local-llm extra must pin llama-cpp-python with ==")


def cpu_flags() -> set[str]:
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return set()
    line = next((line for line in text.splitlines() if line.startswith("flags")), "")
    return set(line.partition(":")[2].split())


def cmake_args() -> list[str]:
    """Portable CMake flags for this kind of CPU (never -march=native)."""
    args = ["-DGGML_NATIVE=OFF", "-DLLAVA_BUILD=OFF"]
    if platform.machine().lower() in ("x86_64", "amd64"):
        args += V3 if set(X86_64_V3) <= cpu_flags() else SSE_ONLY
        args += NEVER
    return args


def wheel_dir(version: str, args: list[str]) -> Path:
    cache = Path(os.environ.get("PROPERSIM_CACHE", Path.home() / ".cache" / "propersim_env"))
    tag = hashlib.sha256(" ".join([sys.version, platform.machine(), *args]).encode()).hexdigest()[:12]
    return cache / "wheels" / f"llama-cpp-python-{version}-{tag}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=sys.executable, help="the interpreter to install into")
    args = parser.parse_args()
    version = pinned_requirement()
    flags = cmake_args()
    folder = wheel_dir(version, flags)
    wheels = sorted(folder.glob("llama_cpp_python-*.whl"))
    if not wheels:
        print(f"building llama-cpp-python {version} with {' '.join(flags)} (a few minutes) ...", flush=True)
        env = {**os.environ, "CMAKE_ARGS": " ".join(flags), "CMAKE_BUILD_PARALLEL_LEVEL": str(os.cpu_count() or 2)}
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run([args.python, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-cache-dir",
                        "--no-binary", "llama-cpp-python", "-w", str(folder), f"llama-cpp-python=={version}"],
                       env=env, check=True)
        wheels = sorted(folder.glob("llama_cpp_python-*.whl"))
    else:
        print(f"llama-cpp-python {version}: using the portable wheel in {folder}", flush=True)
    # --force-reinstall of this package alone: a natively built copy already installed is replaced
    subprocess.run([args.python, "-m", "pip", "install", "--quiet", "--force-reinstall", "--no-deps", str(wheels[-1])],
                   check=True)
    subprocess.run([args.python, "-m", "pip", "install", "--quiet", f"{wheels[-1]}[server]"], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
