"""docs/analysis.md is generated from the registry and the thresholds table."""

from pathlib import Path

from assessments.analysis.docs import render_rule_table
from assessments.analysis.rules import CAUSES, RED_FLAGS
from assessments.analysis.thresholds import DEFAULTS

DOCS = Path(__file__).parents[3] / "docs" / "analysis.md"


def test_docs_page_is_up_to_date():
    assert DOCS.read_text(encoding="utf-8") == render_rule_table(), (
        "docs/analysis.md is stale: run `python -m assessments.analysis.docs > docs/analysis.md`"
    )


def test_docs_page_names_every_rule_and_threshold():
    page = render_rule_table()
    for code in [*CAUSES, *RED_FLAGS, *DEFAULTS]:
        assert f"`{code}`" in page, code
