"""The package's import graph has no cycles: each module can be read knowing only what it imports.

The graph is read from the source (``ast``), not from ``sys.modules``, so it counts every import
statement wherever it sits: at the top of a module, inside a function (a "lazy" import is still
a dependency, just a late one), under ``if TYPE_CHECKING``. Resolution follows Python's rules:

* relative imports are resolved against the importing module's package;
* ``from pkg import name`` depends on the submodule ``pkg.name`` when there is one, else on ``pkg``;
* importing ``a.b.c`` also runs the ``__init__`` of the packages ``a.b`` and ``a``, so it depends on
  them too, except on the importer's own enclosing packages (they are already being imported).

A cycle is a strongly connected component of more than one module; the test lists each one with
the edges that close it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

PACKAGE = "boilerstrip"
ROOT = Path(__file__).resolve().parent.parent / PACKAGE



def modules(root: Path = ROOT, package: str = PACKAGE) -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name, for its __init__)."""
    out: dict[str, Path] = {}
    for path in sorted(root.rglob("*.py")):
        parts = [package, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _enclosing(name: str) -> list[str]:
    """``a.b.c`` -> ``["a.b", "a"]``."""
    parts = name.split(".")
    return [".".join(parts[:k]) for k in range(len(parts) - 1, 0, -1)]


def imports(name: str, path: Path, known: Iterable[str]) -> set[str]:
    """The package modules ``name`` (the module at ``path``) imports, by the rules above."""
    known = set(known)
    is_package = path.name == "__init__.py"
    here = name if is_package else name.rpartition(".")[0]  # the package relative imports start from
    targets: set[str] = set()

    def longest_known(dotted: str) -> str | None:
        parts = dotted.split(".")
        for k in range(len(parts), 0, -1):
            candidate = ".".join(parts[:k])
            if candidate in known:
                return candidate
        return None

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found = longest_known(alias.name)
                if found:
                    targets.add(found)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = here.split(".")
                if node.level > 1:
                    base_parts = base_parts[: len(base_parts) - (node.level - 1)]
                base = ".".join(base_parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            if base not in known:
                found = longest_known(base)
                if found:
                    targets.add(found)
                continue
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                targets.add(sub if sub in known else base)
    own = {name, *_enclosing(name)}
    out: set[str] = set()
    for t in targets:
        out.add(t)
        out.update(p for p in _enclosing(t) if p in known)  # the packages whose __init__ runs first
    return out - own


def graph(mods: Mapping[str, Path]) -> dict[str, set[str]]:
    return {name: imports(name, path, mods) for name, path in mods.items()}


def cycles(g: Mapping[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(g.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return sorted(found)


def describe(g: Mapping[str, set[str]], comp: list[str]) -> str:
    members = set(comp)
    edges = [f"    {v} -> {w}" for v in comp for w in sorted(g[v]) if w in members]
    return " <-> ".join(comp) + "\n" + "\n".join(edges)


def test_the_package_has_no_import_cycles():
    g = graph(modules())
    found = cycles(g)
    assert not found, "import cycles (strongly connected components):\n" + "\n".join(describe(g, c) for c in found)


#: A module longer than this is split by concern (issue 15: a newcomer reads a module whole).
MAX_MODULE_LINES = 500


def test_no_module_passes_the_length_a_newcomer_reads_whole():
    long = {name: n for name, path in modules().items() if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert not long, f"modules over {MAX_MODULE_LINES} lines (split them by concern): {long}"


# --- the checker itself: it must see what it is meant to see ---------------------------------


def _write(root: Path, files: Mapping[str, str]) -> dict[str, Path]:
    for rel, text in files.items():
        p = root / "pkg" / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return modules(root / "pkg", "pkg")


def test_the_checker_finds_a_cycle_through_a_lazy_import(tmp_path):
    mods = _write(tmp_path, {"__init__.py": "", "a.py": "from .b import x\n", "b.py": "def f():\n    from . import a\n"})
    assert cycles(graph(mods)) == [["pkg.a", "pkg.b"]]


def test_the_checker_resolves_submodules_parents_and_absolute_imports(tmp_path):
    mods = _write(
        tmp_path,
        {
            "__init__.py": "",
            "top.py": "import pkg.sub.leaf\n",
            "sub/__init__.py": "from .. import top\n",  # runs whenever pkg.sub.leaf is imported
            "sub/leaf.py": "from ..top import name\n",  # `top` is a module: the edge goes to it
            "other.py": "from pkg import sub\n",
        },
    )
    g = graph(mods)
    assert g["pkg.top"] == {"pkg.sub", "pkg.sub.leaf"}
    assert g["pkg.sub.leaf"] == {"pkg.top"}  # not to its own package pkg.sub
    assert g["pkg.other"] == {"pkg.sub"}
    assert cycles(g) == [["pkg.sub", "pkg.sub.leaf", "pkg.top"]]
