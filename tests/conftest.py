"""Markers a decorator cannot give, and the quick subset's collection (the markers
are registered in pyproject.toml; tests/test_markers.py checks the contract).

- tests/test_readme.py runs each ```python block of README.md as one case of a
  parametrized test: a block that imports a training library is marked
  ``needs_torch`` here, from its code.
- A module whose ``pytestmark`` alone rules it out of ``-m`` (test_sb3.py under
  ``make test-fast``'s "not needs_torch") is not imported at all, so the quick
  subset neither waits for nor needs torch; without ``-m`` every module is
  collected as before.
"""

import itertools
import re

import pytest

TRAINING_IMPORT = re.compile(r"^[ \t]*(?:import|from)[ \t]+(?:torch|transformers|trl|peft|stable_baselines3)\b", re.M)
MODULE_MARKS = re.compile(r"^pytestmark\s*=\s*(.*)$", re.M)
MARK = re.compile(r"\bpytest\.mark\.(\w+)")


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(items):
    for item in items:
        callspec = getattr(item, "callspec", None)
        code = callspec.params.get("code") if callspec else None
        if item.path.name == "test_readme.py" and isinstance(code, str) and TRAINING_IMPORT.search(code):
            item.add_marker(pytest.mark.needs_torch)


def ruled_out(markexpr: str, module_marks: set[str]) -> bool:
    """True when `-m markexpr` deselects every test that carries module_marks, whatever else it carries.

    Only plain expressions (names, and, or, not, parentheses) are judged; anything else is collected.
    """
    names = set(re.findall(r"[A-Za-z_]\w*", markexpr)) - {"and", "or", "not"}
    if not module_marks & names or not re.fullmatch(r"[\w\s()]*", markexpr):
        return False
    others = sorted(names - module_marks)
    for values in itertools.product([False, True], repeat=len(others)):
        env = {**dict(zip(others, values)), **dict.fromkeys(module_marks & names, True)}
        try:
            if eval(markexpr, {"__builtins__": {}}, env):  # noqa: S307 - names and boolean operators only
                return False
        except SyntaxError:
            return False
    return True


def pytest_ignore_collect(collection_path, config):
    markexpr = config.getoption("markexpr", "")
    if not markexpr or collection_path.suffix != ".py" or not collection_path.name.startswith("test_"):
        return None
    found = MODULE_MARKS.search(collection_path.read_text(encoding="utf-8"))
    if found and ruled_out(markexpr, set(MARK.findall(found.group(1)))):
        return True
    return None
