"""The structure a newcomer can rely on: layers without cycles, thin views, headless commands."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "studio_app"
VIEW_LINE_LIMIT = 500


def _import_cycles() -> list[tuple[str, ...]]:
    graph = grimp.build_graph("studio_app")
    cycles = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back:
                cycles.append((importer, *back))
    return cycles


def test_no_module_imports_itself_through_a_cycle() -> None:
    cycles = _import_cycles()
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_views_stay_small() -> None:
    too_long = {
        str(path.relative_to(PACKAGE)): n
        for path in (PACKAGE / "ui").rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > VIEW_LINE_LIMIT
    }
    assert not too_long, f"views over {VIEW_LINE_LIMIT} lines: {too_long}"


def _calls_and_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy"):
            found.append(f"{path.name}:{node.lineno} imports {node.module}")
        elif isinstance(node, ast.Import) and any(a.name.startswith("sqlalchemy") for a in node.names):
            found.append(f"{path.name}:{node.lineno} imports sqlalchemy")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "session"
        ):
            found.append(f"{path.name}:{node.lineno} opens a database session")
    return found


def test_views_hold_no_sql_and_no_session() -> None:
    found = [hit for path in sorted((PACKAGE / "ui").rglob("*.py")) for hit in _calls_and_imports(path)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["check", "--help"],
        ["script", "--help"],
        ["data", "--help"],
        ["sync", "--help"],
        ["show", "--help"],
        ["remote", "--help"],
    ],
)
def test_commands_run_without_loading_qt(argv: list[str]) -> None:
    code = (
        "import sys\n"
        "from studio_app.cli import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'superqt'))\n"
        "print('QT:' + ','.join(loaded))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    ).stdout
    assert "QT:\n" in out or out.rstrip().endswith("QT:"), out[-500:]
