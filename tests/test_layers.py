"""The layers hold: read from the source's imports, no module imports one of a higher layer, and
no modules import each other in a circle.

core → load → engine (and launches, sources) → output, export, edit → api → cli. Every import counts,
at the top of a module or inside a function (a lazy import is still a dependency); only those
under `if TYPE_CHECKING:` are left out, since they never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "spacetime"
LAYERS = {
    "core": 0,
    "load": 1,
    "engine": 2,
    "launches": 2,
    "sources": 2,
    "output": 3,
    "export": 3,
    "edit": 3,
    "api": 4,
    "cli": 5,
}
PLACED = {
    # The cache keeps the engine's search rows beside the parsed files (so that a query needs
    # no object per event): it sits above the engine, though it lives in load/.
    "spacetime.load.cache": 2,
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imported(name: str) -> set[str]:
    """The spacetime modules `name` imports (outside `if TYPE_CHECKING:`)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    return read_imports(path.read_text(encoding="utf-8"), package) - {name}


def read_imports(source: str, package: str) -> set[str]:
    """The spacetime modules a module of `package` with this source imports."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, *([base] if base else [])])
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(source))
    return {m for m in found if m in MODULES}


GRAPH = {name: imported(name) for name in MODULES}


def layer(name: str) -> int | None:
    """A module's layer; None for the package's own `__init__` and `__main__`."""
    if name in PLACED:
        return PLACED[name]
    parts = name.split(".")
    return LAYERS[parts[1]] if len(parts) > 1 and parts[1] in LAYERS else None


def test_every_package_has_a_layer() -> None:
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert packages - {"data"} <= set(LAYERS)
    assert {"core", "load", "engine", "output", "cli"} <= packages
    assert len(GRAPH) > 50 and GRAPH["spacetime.cli.common"]  # the imports were read


def test_no_module_imports_a_higher_layer() -> None:
    upward = {
        (name, other)
        for name, others in GRAPH.items()
        for other in others
        if layer(name) is not None and layer(other) is not None and layer(other) > layer(name)  # type: ignore[operator]
    }
    assert upward == set()


def test_no_import_circle() -> None:
    def circle_from(start: str) -> list[str] | None:
        path: list[str] = []
        done: set[str] = set()

        def walk(name: str) -> list[str] | None:
            if name in path:
                return [*path[path.index(name) :], name]
            if name in done:
                return None
            path.append(name)
            for other in sorted(GRAPH[name]):
                found = walk(other)
                if found is not None:
                    return found
            path.pop()
            done.add(name)
            return None

        return walk(start)

    circles = [c for c in map(circle_from, sorted(GRAPH)) if c is not None]
    assert circles == []


def test_the_reader_finds_every_kind_of_import() -> None:
    planted = (
        "import spacetime.core.dates\n"
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from spacetime.api import Atlas\n"
        "def late():\n"
        "    from ..output import formats\n"
        "    from .query import run\n"
    )
    assert read_imports(planted, "spacetime.engine") == {
        "spacetime.core.dates",
        "spacetime.output",
        "spacetime.output.formats",
        "spacetime.engine.query",
    }
    assert layer("spacetime.output.formats") > layer("spacetime.engine.query")  # type: ignore[operator]
