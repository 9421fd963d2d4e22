"""Every ```python block of README.md runs as pasted, in a fresh process, from an empty folder.

A block is skipped only when it contains one of the markers in ``SKIP`` below,
each with its reason; the counts are checked so the test cannot silently run
nothing.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"

# text in a block -> why the test does not run that block
SKIP = {
    "base_url": "LLM mode talks to your own OpenAI-compatible server, which a test cannot assume is running "
                "(tests/test_llm.py drives the same code against a local stub)",
    "LocalPolicyModel": "ProPerAssistant trains a LoRA adapter on SmolLM2 every simulated night: minutes on a "
                        "CPU (tests/test_proper_training.py trains a tiny model through the same loop)",
    "GRPOTrainer": "GRPO samples and trains SmolLM2 on a CPU for minutes (tests/test_grpo.py runs this block "
                   "as pasted with a tiny in-test model in its place)",
}
MIN_BLOCKS_RUN = 5


def python_blocks() -> list[tuple[int, str]]:
    """(line number of the opening fence, code) for each ```python block."""
    text = README.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start()) + 1, m.group(1))
            for m in re.finditer(r"^```python\n(.*?)^```", text, re.M | re.S)]


def skip_reason(code: str) -> str | None:
    return next((why for marker, why in SKIP.items() if marker in code), None)


BLOCKS = python_blocks()
RUN = [(line, code) for line, code in BLOCKS if skip_reason(code) is None]


def test_most_blocks_run_and_every_skip_rule_is_used():
    assert len(RUN) >= MIN_BLOCKS_RUN, f"only {len(RUN)} of {len(BLOCKS)} README blocks would run"
    for marker in SKIP:
        assert any(marker in code for _, code in BLOCKS), f"no README block contains {marker!r}: drop its rule"
    assert len(BLOCKS) - len(RUN) <= len(SKIP), "each rule skips one block; a new skipped block needs a reason"


@pytest.mark.slow  # a fresh interpreter per block (3-15 s); conftest.py adds needs_torch where a block imports torch
@pytest.mark.parametrize("line, code", RUN, ids=[f"README.md:{line}" for line, _ in RUN])
def test_the_block_runs_as_pasted(line, code, tmp_path):
    # the repository root on the path for `agents`; the empty folder as cwd takes the runs/... paths
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, f"the block at README.md line {line} failed:\n{result.stderr[-4000:]}"
