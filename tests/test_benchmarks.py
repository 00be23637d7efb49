"""The benchmark scripts measure spacetime, not themselves."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.mark.parametrize("script", ["run.py", "memory.py"])
def test_synthetic_data_is_generated_in_a_child_process(script: str) -> None:
    # a child's peak memory counts what its parent held when it was forked: generating 100k
    # events in the script itself put a floor of about 220 MB under every memory figure
    tree = ast.parse((BENCHMARKS / script).read_text(encoding="utf-8"))
    imported = {
        name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for name in (
            [node.module] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
        )
    }
    assert "generate" not in imported
    assert '"generate.py"' in ast.unparse(tree).replace("'", '"')
