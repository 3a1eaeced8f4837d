"""The compiled build (setup.py): which modules it compiles and the conventions they keep."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def compiled_modules() -> list[Path]:
    """setup.py's COMPILED list, read without running setup.py."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.AnnAssign | ast.Assign):
            targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
            if any(isinstance(t, ast.Name) and t.id == "COMPILED" for t in targets):
                return [ROOT / p for p in ast.literal_eval(node.value)]
    raise AssertionError("setup.py has no COMPILED list")


def test_compiled_modules_exist_and_are_not_packages():
    mods = compiled_modules()
    assert mods, "setup.py compiles nothing"
    for path in mods:
        assert path.is_file(), path
        assert path.name != "__init__.py", f"{path}: a package __init__ stays plain Python"


def test_module_constants_of_compiled_modules_are_final():
    """UPPER_CASE module-level names are constants: declared ``Final`` in the compiled modules, so
    mypyc reads them as constants instead of looking them up in the module dict on every use
    (8% of a page's instructions) and mypy refuses code that rebinds one."""
    missing = []
    for path in compiled_modules():
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign):
                if isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name) and node.value.func.id == "TypeVar":
                    continue  # a type variable, not a value
                names = [t.id for t in node.targets if isinstance(t, ast.Name) and t.id.lstrip("_").isupper()]
                missing.extend(f"{path.relative_to(ROOT)}:{node.lineno} {n}" for n in names)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id.lstrip("_").isupper():
                ann = node.annotation
                final = (isinstance(ann, ast.Name) and ann.id == "Final") or (isinstance(ann, ast.Subscript) and isinstance(ann.value, ast.Name) and ann.value.id == "Final")
                if not final:
                    missing.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.target.id}")
    assert not missing, "module constants without Final: " + ", ".join(missing)
