"""The package layout: one folder per concern, and imports that only go down the layers.

Every ``import`` of ``analysis`` counts, also the ones inside functions and under ``TYPE_CHECKING``:
a lazy import is still a dependency, and a circle through it breaks as soon as someone moves it to
the top of the file.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import analysis

PACKAGE = Path(analysis.__file__).parent

#: The concerns from the bottom up: a concern imports only concerns of its own layer or below it
#: (and within a layer, no two concerns import each other: see the circle test).
LAYERS: list[set[str]] = [
    {"config", "io", "records", "frames", "evaluate", "statements", "dates", "progress", "parallel"},
    {"corpus"},
    {"nlp"},
    {"sentiment", "entities", "quotes"},
    {"tables", "extract", "lookup"},
    {"store"},
    {"pipeline"},
    {"plots"},
    {"report"},
    {"cli", "__main__", "__init__"},
]
LAYER = {concern: i for i, layer in enumerate(LAYERS) for concern in layer}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path, name: str) -> set[str]:
    """The ``analysis`` modules that the file imports, as dotted names (a package is its ``__init__``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.split(".")[0] == "analysis"}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative import
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            if base.split(".")[0] != "analysis":
                continue
            for alias in node.names:  # `from analysis.x import y`: y may be a module or a name in x
                candidate = f"{base}.{alias.name}"
                out.add(candidate if candidate in MODULES else base)
    return out - {name}


FILES = sorted(PACKAGE.rglob("*.py"))
MODULES = {module_name(p) for p in FILES}
GRAPH = {module_name(p): imported(p, module_name(p)) for p in FILES}


def concern(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected component with more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_graph_is_read():
    assert "analysis.quotes.article" in GRAPH["analysis.quotes"]
    assert "analysis.quotes.speakers" in GRAPH["analysis.quotes.attribution"]
    assert "analysis.entities" in GRAPH["analysis.extract"] and "analysis.nlp" in GRAPH["analysis.extract"]
    assert {"analysis.store.layout", "analysis.store.query"} <= GRAPH["analysis.store.tables"]


def test_cycles_finds_a_circle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_import_circle():
    assert cycles(GRAPH) == []


def test_no_concern_import_circle():
    between = {}
    for module, targets in GRAPH.items():
        between.setdefault(concern(module), set()).update(concern(t) for t in targets if concern(t) != concern(module))
    assert cycles(between) == []


def test_every_concern_has_a_layer():
    assert {concern(m) for m in MODULES} <= set(LAYER)


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_imports_go_down_the_layers(module):
    up = sorted(t for t in GRAPH[module] if LAYER[concern(t)] > LAYER[concern(module)])
    assert up == [], f"{module} imports from a higher layer"


@pytest.mark.parametrize("folder", ["nlp", "sentiment", "entities", "quotes", "store", "report", "plots"])
def test_each_concern_is_a_package_with_no_private_modules(folder):
    assert (PACKAGE / folder / "__init__.py").is_file()
    assert not [p.name for p in (PACKAGE / folder).glob("_*.py") if p.name != "__init__.py"]
    assert not [p.name for p in PACKAGE.glob("_*.py") if p.name not in ("__init__.py", "__main__.py")]
