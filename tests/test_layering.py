"""The floor plan, held by a test: what may import what, where SQL may stand, and no cycles.

Imports are read with ast from every file, including imports inside functions (one that hides a
cycle is still a cycle). docs/DEVELOPING.md explains the rules; this file is where they are kept.
"""
from __future__ import annotations

import ast
import functools
import re
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REVIEW = ROOT / "review"
PACKAGES = sorted(p.name for p in REVIEW.iterdir() if (p / "__init__.py").exists())
# The flow of a review, first to last: a package may import only packages before it.
LAYERS = ["store", "accounts", "projects", "searches", "dedupe", "screening", "ranking", "appraisal",
          "publishing", "archive", "demo"]
SQL = re.compile(r"^\s*(SELECT\s+\S|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|BEGIN(\s+\w+)?\s*$|COMMIT\s*$|"
                 r"ROLLBACK|SAVEPOINT|RELEASE|(CREATE|DROP)\s+(TABLE|INDEX|TRIGGER|VIEW|VIRTUAL)|ALTER\s+TABLE|PRAGMA\s|"
                 r"WITH\s+\w+\s+AS|ATTACH\s|VACUUM)")


def python_files(*tops: str) -> list[Path]:
    files = []
    for top in tops:
        path = ROOT / top
        files += [path] if path.suffix == ".py" else sorted(path.rglob("*.py"))
    return files


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> list[tuple[str, list[str], int]]:
    """(module, names, line) for every import in the file, at any depth; relative imports resolved."""
    found = []
    here = module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, [], node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[:len(package) - node.level + 1]) if node.level else ""
            module = ".".join(p for p in (base, node.module or "") if p)
            found.append((module, [alias.name for alias in node.names], node.lineno))
    return found


def package_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "review" and len(parts) > 1 and parts[1] in PACKAGES else None


def test_every_package_has_its_place_in_the_flow():
    assert sorted(LAYERS) == PACKAGES
    assert [p.name for p in REVIEW.glob("*.py")] == ["__init__.py"], "review/ holds packages, not loose modules"


@pytest.mark.parametrize("path", python_files("review"), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_core_never_imports_the_web_or_the_command_line(path):
    for module, _names, line in imports_of(path):
        top = module.split(".")[0]
        assert top not in ("screens", "bottle", "run", "webtest", "waitress"), f"{path.name}:{line} imports {module}"


@pytest.mark.parametrize("path", python_files("imports", "exports"), ids=lambda p: str(p.relative_to(ROOT)))
def test_readers_and_writers_work_on_plain_values(path):
    for module, _names, line in imports_of(path):
        assert module.split(".")[0] not in ("review", "screens", "sqlite3", "run"), \
            f"{path.relative_to(ROOT)}:{line} imports {module}: readers and writers know nothing of the database"


def sql_outside_the_core(source: str) -> list[str]:
    """Lines of a file outside review/ that hold SQL text or call a connection's execute."""
    tree = ast.parse(source)
    docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.match(node.value) \
                and id(node) not in docstrings:
            found.append(f"{node.lineno}: {node.value[:40]!r}")
        elif isinstance(node, ast.Attribute) and node.attr in ("execute", "executemany", "executescript", "cursor"):
            found.append(f"{node.lineno}: .{node.attr}")
    return found


@pytest.mark.parametrize("path", python_files("screens", "imports", "exports", "run.py"),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_no_sql_outside_the_core(path):
    assert sql_outside_the_core(path.read_text(encoding="utf-8")) == [], \
        f"{path.relative_to(ROOT)} runs SQL; put it in review/"


def test_the_sql_check_sees_sql_and_passes_prose():
    source = '''"""SELECT is a word in a docstring."""
def f(conn):
    """Rollback is prose here."""
    conn.execute("ROLLBACK")
    label = "Create project"
    return "  select id from records"
'''
    assert sorted(line.split(":")[0] for line in sql_outside_the_core(source)) == ["4", "4"]


@functools.cache
def public_names(package: str) -> frozenset[str]:
    init = ast.parse((REVIEW / package / "__init__.py").read_text(encoding="utf-8"))
    for node in init.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets):
            return frozenset(ast.literal_eval(node.value))
    return frozenset()


def test_every_package_says_what_it_owns_and_names_its_public_functions():
    for package in PACKAGES:
        init = ast.parse((REVIEW / package / "__init__.py").read_text(encoding="utf-8"))
        doc = ast.get_docstring(init) or ""
        assert len(doc.split()) >= 8 and "TODO" not in doc, f"review/{package}/__init__.py: say what it owns"
        assert public_names(package), f"review/{package}/__init__.py names no public functions (__all__)"


def outside_callers() -> list[Path]:
    """Tests and benchmarks may reach inside a package (a unit test of one module, a timer around one helper)."""
    return python_files("review", "screens", "run.py", "exports", "imports")


def test_packages_are_used_only_through_their_public_names():
    wrong = []
    for path in outside_callers():
        home = package_of(module_name(path))
        tree = ast.parse(path.read_text(encoding="utf-8"))
        bound = {}
        for module, names, line in imports_of(path):
            package = package_of(module)
            if module == "review":
                bound.update({n: n for n in names if n in PACKAGES and n != home})
                continue
            if package is None or package == home:
                continue
            if module != f"review.{package}":
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {module}, inside review/{package}")
            wrong += [f"{path.relative_to(ROOT)}:{line} {n} is not public in review/{package}"
                      for n in names if n not in public_names(package)]
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in bound \
                    and node.attr not in public_names(bound[node.value.id]):
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.value.id}.{node.attr} is not public")
        for target in re.findall(r'"review\.([a-z_.]+):\w+"', path.read_text(encoding="utf-8")):
            if target.split(".")[0] != home and "." in target:
                wrong.append(f"{path.relative_to(ROOT)} names review.{target}, inside a package")
    assert wrong == []


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle found by a depth-first walk (one per back edge)."""
    found, state = [], {}

    def walk(node, trail):
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                found.append(trail[trail.index(nxt):] + [nxt])
            elif nxt not in state:
                walk(nxt, trail + [nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            walk(node, [node])
    return found


def import_graph() -> dict[str, set[str]]:
    """Module -> the review modules it imports (a package import counts as its __init__)."""
    graph = defaultdict(set)
    known = {module_name(p) for p in python_files("review")}
    for path in python_files("review"):
        here = module_name(path)
        for module, names, _line in imports_of(path):
            if not module.startswith("review"):
                continue
            for target in [f"{module}.{n}" for n in names if f"{module}.{n}" in known] or [module]:
                if target != here and target in known:
                    graph[here].add(target)
    return graph


def test_no_modules_import_each_other_round_a_cycle():
    graph = import_graph()
    inside = {m: {t for t in ts if package_of(t) == package_of(m) and t.count(".") > 1}
              for m, ts in graph.items() if m.count(".") > 1}
    assert cycles(inside) == []


def test_a_package_uses_its_own_modules_not_its_face():
    wrong = [f"{m} imports review.{package_of(m)}" for m, ts in import_graph().items()
             if m.count(".") > 1 and f"review.{package_of(m)}" in ts]
    assert wrong == []


def test_the_cycle_finder_finds_cycles():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set(), "c": {"a", "b"}}) == []


def test_packages_follow_the_flow_of_a_review():
    wrong = []
    for source, targets in import_graph().items():
        for target in targets:
            a, b = package_of(source), package_of(target)
            if a and b and a != b and LAYERS.index(b) > LAYERS.index(a):
                wrong.append(f"{source} ({a}) imports {target} ({b}), later in the flow")
    assert wrong == []
