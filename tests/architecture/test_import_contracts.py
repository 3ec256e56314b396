"""The import-linter contracts really catch layer violations: break a copy of the tree, expect a failure."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint(tree: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(tree / "pyproject.toml")],
        cwd=tree,
        env={"PYTHONPATH": str(tree / "src"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def tree_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("tree")
    shutil.copytree(ROOT / "src", target / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", target / "pyproject.toml")
    return target


def test_contracts_hold_when_the_tree_is_untouched(tree_copy: Path) -> None:
    result = _lint(tree_copy)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    ("module", "bad_import", "broken_contract"),
    [
        ("domain/shared/money.py", "import sqlalchemy", "The domain is pure Python"),
        ("domain/catalog/entities.py", "import litestar", "The domain is pure Python"),
        (
            "application/catalog/queries/list_categories.py",
            "import adapters.persistence.tables",
            "Application",
        ),
        ("application/common/caching.py", "import redis", "Application depends on ports"),
        (
            "entrypoints/http/controllers/catalog.py",
            "import adapters.persistence.catalog_reader",
            "HTTP controllers",
        ),
    ],
)
def test_contracts_break_when_a_layer_imports_what_it_must_not(
    tree_copy: Path, tmp_path: Path, module: str, bad_import: str, broken_contract: str
) -> None:
    broken = tmp_path / "tree"
    shutil.copytree(tree_copy, broken)
    target = broken / "src" / module
    target.write_text(f"{bad_import}  # deliberate violation\n" + target.read_text())
    result = _lint(broken)
    assert result.returncode != 0
    assert broken_contract in result.stdout
    assert "BROKEN" in result.stdout
