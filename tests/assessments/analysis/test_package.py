"""The engine is pure Python: no Django anywhere inside it."""

import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).parents[3] / "assessments" / "analysis"


def test_no_module_in_the_engine_mentions_django_imports():
    for path in PACKAGE.rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            assert not stripped.startswith(("import django", "from django")), path


def test_importing_and_running_the_engine_loads_no_django():
    code = (
        "import sys, datetime\n"
        "import assessments.analysis as a\n"
        "a.run(a.Snapshot(a.Profile(1), datetime.date(2026, 11, 24)))\n"
        "loaded = [m for m in sys.modules if m == 'django' or m.startswith('django.')]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=PACKAGE.parents[1])
