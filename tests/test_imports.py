"""The shape of the package: no import cycles (counting imports inside functions), and
the rule baseline loads without the neural stack."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "ie"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph() -> dict[str, set[str]]:
    """Module -> the ``ie`` modules it imports anywhere in its body (functions included)."""
    modules = {module_name(p): p for p in PKG.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        is_pkg = path.name == "__init__.py"
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = name.split(".") if is_pkg else name.split(".")[:-1]
                    anchor = anchor[: len(anchor) - (node.level - 1)]
                    base = ".".join(anchor + ([base] if base else []))
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
            for t in targets:
                while t and t not in modules:
                    t = t.rpartition(".")[0]
                if t and t != name and (t == "ie" or t.startswith("ie.")):
                    deps.add(t)
        graph[name] = deps
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> list[str] | None:
        state[n] = 1
        stack.append(n)
        for m in sorted(graph.get(n, ())):
            if state.get(m) == 1:
                return stack[stack.index(m):] + [m]
            if m not in state and (found := visit(m)):
                return found
        stack.pop()
        state[n] = 2
        return None

    for n in sorted(graph):
        if n not in state and (found := visit(n)):
            return found
    return None


def test_cycle_finder_sees_function_level_imports():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
    graph = import_graph()
    assert "ie.components.rules" in graph["ie.components.features"]  # imported inside rule_classes()


def test_no_import_cycle_in_ie():
    cycle = find_cycle(import_graph())
    assert cycle is None, " -> ".join(cycle)


def test_rule_baseline_runs_without_torch():
    # spaCy's thinc imports torch whenever it is installed, so torch is made unimportable
    # here: the rule baseline must run without it and load none of the neural modules
    # (spaCy does import every factory module it finds, so those must load without torch).
    code = ("import sys; sys.modules['torch'] = None\n"
            "from ie.components.rules import rules_pipeline; nlp = rules_pipeline()\n"
            "doc = nlp('Bac Ninh has 16 industrial parks covering 6,397.68 ha.')\n"
            "assert doc.ents and doc._.relations\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('transformers', 'datasets') "
            "or m.startswith('ie.model')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "[]"


def test_importing_the_package_installs_no_extension():
    code = ("import pkgutil, importlib, ie, ie.components; from spacy.tokens import Doc, Span\n"
            "for m in pkgutil.iter_modules(ie.components.__path__): importlib.import_module('ie.components.' + m.name)\n"
            "import ie.normalize, ie.text, ie.docs\n"
            "print(Doc.has_extension('relations'), Span.has_extension('norm'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False False"
