"""The architecture as a contract (docs/ARCHITECTURE.md): one-way layers, and the
shared vocabulary defined once."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "propersim_env"


def test_the_import_layers_hold():
    """`lint-imports` checks .importlinter: no module imports from a layer above its own,
    and the library imports nothing from agents/."""
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--config", str(ROOT / ".importlinter"), "--no-cache"], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_the_contract_catches_an_upward_import(tmp_path):
    """The same check on a copy of the package in which storage imports envs fails."""
    import shutil

    copy = tmp_path / "propersim_env"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "data", "replay_assets"))
    shutil.copytree(ROOT / "agents", tmp_path / "agents", ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "storage" / "upward.py").write_text("from ..envs import ProPerSimEnv\n")
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--config", str(ROOT / ".importlinter"), "--no-cache"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300,
                            env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert result.returncode != 0
    assert "propersim_env.storage.upward -> propersim_env.envs" in result.stdout


def _code_strings(tree: ast.AST):
    """String constants that are not docstrings."""
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node


@pytest.mark.parametrize("name, home", [("CRITERIA", "core/criteria.py"), ("NO_RECOMMENDATION", "core/decision.py"),
                                        ("MEMORY_LEVELS", None),
                                        ("BASE_LEVELS", "core/memory_level.py"), ("CRITERION_LABELS", "core/criteria.py")])
def test_a_shared_name_is_defined_once(name, home):
    places = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
                places.append(str(path.relative_to(PACKAGE)))
    assert places == ([home] if home else [])


def test_the_noop_text_is_written_once_in_code():
    places = [str(path.relative_to(PACKAGE)) for path in sorted(PACKAGE.rglob("*.py"))
              for node in _code_strings(ast.parse(path.read_text(encoding="utf-8")))
              if "No Recommendation" in node.value]
    assert places == ["core/decision.py"]
