"""The marker contract (pyproject.toml registers the markers): a test that imports a
training library, starts the real local LLM server or drives headless Chromium
carries the marker, so `make test-fast` leaves it out.

Read from the test files' source, not by running them. A test uses what its own
code uses and what the module-level names it refers to use (fixtures by their
argument name, helper functions, constants), transitively; importing a helper
module of tests/ (tiny_lm.py) counts as what that module uses. A training
library imported at the top of a module is needed by every test in it, so the
module's ``pytestmark`` must carry ``needs_torch``.
"""

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent

# marker -> the source text that means a test needs it
USES = {
    "needs_torch": re.compile(r"^[ \t]*(?:import|from)[ \t]+(?:torch|transformers|trl|peft|stable_baselines3)\b",
                              re.M),
    "needs_llm_server": re.compile(r"\bLocalServer\s*\("),  # the real llama.cpp server (not the in-process stub)
    "needs_browser": re.compile(r"\bplaywright\b|--headless"),
}


def helper_uses(folder: Path = TESTS) -> dict[str, set[str]]:
    """Helper module name -> the markers its code calls for (e.g. tiny_lm -> needs_torch)."""
    return {p.stem: {m for m, rx in USES.items() if rx.search(p.read_text(encoding="utf-8"))}
            for p in folder.glob("*.py") if not p.name.startswith("test_") and p.name != "conftest.py"}


def uses(text: str, helpers: dict[str, set[str]]) -> set[str]:
    found = {m for m, rx in USES.items() if rx.search(text)}
    for name, marks in helpers.items():
        if marks and re.search(rf"^[ \t]*(?:import|from)[ \t]+{name}\b", text, re.M):
            found |= marks
    return found


def marks_of(node: ast.expr) -> set[str]:
    """The pytest.mark.NAME markers in a decorator or a pytestmark value."""
    return {n.attr for n in ast.walk(node)
            if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Attribute) and n.value.attr == "mark"}


def problems(source: str, helpers: dict[str, set[str]] | None = None) -> list[str]:
    """What a test module's markers miss, one line each (empty when it keeps the contract)."""
    helpers = helper_uses() if helpers is None else helpers
    if not uses(source, helpers):  # nothing in the file calls for a marker (the reading suites: no parse)
        return []
    tree = ast.parse(source)
    module_marks: set[str] = set()
    defined: dict[str, list[ast.AST]] = {}  # module-level name -> the statements that bind it
    missing: list[tuple[str, str]] = []  # (marker, why)
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "pytestmark" for t in node.targets):
            module_marks |= marks_of(node.value)
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            text = ast.get_source_segment(source, node)
            missing += [(m, f"line {node.lineno} imports it for the whole module")
                        for m, rx in USES.items() if rx.search(text)]
            for alias in node.names:
                defined.setdefault((alias.asname or alias.name).split(".")[0], []).append(node)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            defined.setdefault(node.name, []).append(node)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                for n in ast.walk(target):
                    if isinstance(n, ast.Name):
                        defined.setdefault(n.id, []).append(node)

    lines = source.splitlines(keepends=True)
    direct: dict[int, tuple[set[str], set[str]]] = {}  # id(statement) -> (its own uses, the names it refers to)

    def own_uses(node: ast.AST) -> tuple[set[str], set[str]]:
        if id(node) not in direct:
            text = "".join(lines[node.lineno - 1:node.end_lineno])  # whole lines
            referred = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):  # fixtures, by argument name
                referred |= {a.arg for a in node.args.args + node.args.kwonlyargs}
            direct[id(node)] = uses(text, helpers), referred
        return direct[id(node)]

    def needs(node: ast.AST, seen: set[int]) -> set[str]:
        if id(node) in seen:
            return set()
        seen.add(id(node))
        out, referred = own_uses(node)
        out = set(out)
        for name in referred:
            for d in defined.get(name, []):
                out |= needs(d, seen)
        return out

    for node in tree.body:
        if (isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test")
                or isinstance(node, ast.ClassDef) and node.name.startswith("Test")):
            own = set().union(set(), *(marks_of(d) for d in node.decorator_list))
            missing += [(m, f"{node.name} (line {node.lineno}) needs it") for m in sorted(needs(node, set()) - own)]
    return [f"{why} but is not marked {marker}" for marker, why in missing if marker not in module_marks]


@pytest.mark.parametrize("path", sorted(p for p in TESTS.glob("test_*.py") if p.name != Path(__file__).name),
                         ids=lambda p: p.name)
def test_every_test_that_needs_torch_the_llm_server_or_a_browser_is_marked(path):
    assert problems(path.read_text(encoding="utf-8")) == []


def test_the_readme_block_that_imports_torch_is_marked_needs_torch():
    """conftest.py marks README blocks by their code: collect test_readme.py with -m and compare."""
    import test_readme

    expected = {f"README.md:{line}" for line, code in test_readme.RUN if USES["needs_torch"].search(code)}
    assert expected, "no README block imports torch: drop this test or the conftest.py hook"
    out = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:randomly",
                          "-p", "no:cacheprovider", "-m", "needs_torch", str(TESTS / "test_readme.py")],
                         cwd=TESTS.parent, capture_output=True, text=True, timeout=120).stdout
    assert set(re.findall(r"test_the_block_runs_as_pasted\[(README\.md:\d+)\]", out)) == expected, out


FAST = "not slow and not needs_llm_server and not needs_browser and not needs_torch"  # the Makefile's test-fast


@pytest.mark.parametrize("markexpr, module_marks, ruled_out", [
    (FAST, {"needs_torch"}, True),
    (FAST, {"slow", "needs_torch"}, True),
    (FAST, set(), False),
    ("not slow", {"needs_torch"}, False),
    ("needs_torch and slow", {"needs_torch"}, False),  # a test may add slow: collected
    ("not (needs_torch or needs_browser)", {"needs_browser"}, True),
    ("not needs_torch", {"needs_torch"}, True),
    ("needs_torch", {"needs_torch"}, False),
])
def test_conftest_skips_collecting_only_modules_that_the_mark_expression_rules_out(markexpr, module_marks,
                                                                                  ruled_out):
    import conftest

    assert conftest.ruled_out(markexpr, module_marks) is ruled_out


# ---- the checker itself catches what it should ------------------------------------
HELPERS = {"tiny_lm": {"needs_torch"}, "judge_support": set()}


@pytest.mark.parametrize("source, missing", [
    ("import torch\n\ndef test_a():\n    pass\n", ["needs_torch"]),
    ("from stable_baselines3 import PPO\n\ndef test_a():\n    pass\n", ["needs_torch"]),
    ("import pytest\n\ndef test_a():\n    from trl import DPOTrainer\n", ["needs_torch"]),
    ("import pytest\nfrom tiny_lm import tiny_policy\n\ndef test_a():\n    tiny_policy()\n\ndef test_b():\n    pass\n",
     ["test_a"]),
    ("import pytest\n\n@pytest.fixture(scope='module')\ndef srv():\n    with LocalServer(n_threads=2) as s:\n"
     "        yield s\n\ndef test_a(srv):\n    pass\n\ndef test_b():\n    pass\n", ["needs_llm_server"]),
    ("import pytest\n\ndef test_a(tmp_path):\n    LocalServer(tmp_path).start()\n", ["needs_llm_server"]),
    ("import pytest\nARGS = ['--headless']\n\ndef launch():\n    return run(['chromium', *ARGS])\n\n"
     "def test_a():\n    launch()\n", ["needs_browser"]),
    ("import pytest\n\n@pytest.fixture\ndef browser():\n    from playwright.sync_api import sync_playwright\n\n"
     "def test_a(browser):\n    pass\n", ["needs_browser"]),
])
def test_the_checker_finds_an_unmarked_test(source, missing):
    found = problems(source, HELPERS)
    assert found and all(any(m in line for m in missing) for line in found), found


@pytest.mark.parametrize("source", [
    "import pytest\nimport torch\n\npytestmark = pytest.mark.needs_torch\n\ndef test_a():\n    pass\n",
    "import pytest\nimport torch\n\npytestmark = [pytest.mark.slow, pytest.mark.needs_torch]\n\ndef test_a():\n    pass\n",
    "import pytest\n\n@pytest.mark.slow\n@pytest.mark.needs_torch\ndef test_a():\n    from trl import DPOTrainer\n\n"
    "def test_b():\n    pass\n",
    "import pytest\nfrom x import LocalServer, StubServer\n\ndef test_a():\n    with StubServer() as s:\n        pass\n",
    "import pytest\nCHROMIUM_ARGS = ['--headless']\n\n@pytest.fixture\ndef browser():\n    launch(CHROMIUM_ARGS)\n\n"
    "@pytest.mark.needs_browser\ndef test_a(browser):\n    pass\n\ndef test_b(tmp_path):\n    pass\n",
    "import pytest\nfrom judge_support import load_cases\n\ndef test_a():\n    load_cases()\n",
])
def test_the_checker_accepts_marked_and_unrelated_tests(source):
    assert problems(source, HELPERS) == []
