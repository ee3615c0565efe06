"""The shape of the code: no import cycles, and the bottom layers import nothing above them.

The layers themselves are import-linter's contract in pyproject.toml (``lint-imports`` in ``make check``);
these tests build the same import graph with grimp (which counts imports inside functions and under
``TYPE_CHECKING`` too) and fail on what a layers contract does not catch: a cycle.
"""

import grimp
import pytest

ROOT = "integrering"
# Apps whose modules must not import each other in a circle. Add an app here once it is free of cycles.
ACYCLIC_APPS = ["core", "municipalities", "accounts", "allocation", "legal"]
PURE_CORES = {"integrering.allocation", "integrering.legal", "integrering.tabular", "integrering.i18n"}


@pytest.fixture(scope="module")
def graph():
    # No cache: a stale cache would answer for code that is no longer there.
    return grimp.build_graph(ROOT, cache_dir=None)


def top_level(module: str) -> str:
    """integrering.core.models → integrering.core (a package or module directly under the root)."""
    return ".".join(module.split(".")[:2])


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one member (Tarjan, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_cycle_finder_finds_a_cycle_and_only_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set(), "c": {"b"}}) == []


def test_no_top_level_package_imports_another_in_a_circle(graph):
    edges: dict[str, set[str]] = {}
    for module in graph.modules:
        if module == ROOT:
            continue
        edges.setdefault(top_level(module), set()).update(
            top_level(imported)
            for imported in graph.find_modules_directly_imported_by(module)
            if imported != ROOT and top_level(imported) != top_level(module)
        )
    assert cycles(edges) == []


@pytest.mark.parametrize("app", ACYCLIC_APPS)
def test_the_modules_of_an_app_import_each_other_without_a_circle(graph, app):
    package = f"{ROOT}.{app}"
    modules = graph.find_descendants(package) | {package}
    edges = {module: graph.find_modules_directly_imported_by(module) & modules for module in modules}
    assert cycles(edges) == []


def _imported_apps(graph, package: str) -> set[str]:
    modules = graph.find_descendants(package) | {package}
    imported = set().union(*(graph.find_modules_directly_imported_by(m) for m in modules))
    return {top_level(m) for m in imported if m.startswith(f"{ROOT}.")} - {package}


def test_core_imports_no_other_app_only_the_pure_cores(graph):
    assert _imported_apps(graph, f"{ROOT}.core") <= PURE_CORES


def test_municipalities_imports_only_core_and_the_pure_cores(graph):
    assert _imported_apps(graph, f"{ROOT}.municipalities") <= PURE_CORES | {f"{ROOT}.core"}
