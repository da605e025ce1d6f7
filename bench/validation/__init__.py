"""The validation suite of the cause-analysis engine (issue 13).

Simulated athletes with everyday noise (``simulate.py``), histories with the verdict a
competent coach gives, written before the engine ran (``histories.py``, ``causes.py``,
``triage.py``), run over many noise seeds and scored as rates (``evaluate.py``), reported in
Markdown (``report.py``). Run it with ``.venv/bin/python -m bench.validation``.
"""

from __future__ import annotations

from .causes import COMBINED, SINGLE
from .histories import HEALTHY
from .triage import TRIAGE

HISTORIES = (*HEALTHY, *SINGLE, *COMBINED, *TRIAGE)

__all__ = ["HISTORIES"]
