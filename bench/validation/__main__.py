"""Run the validation suite and print (or write) its Markdown report.

    .venv/bin/python -m bench.validation [--seeds 20] [--out docs/validation.md]
        [--only NAME ...] [--heading-level 1] [--runs]

Exits 0 when every target of issue 13 is met, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import HISTORIES
from .evaluate import TARGETS, evaluate
from .report import render


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=20, help="noise seeds per history")
    parser.add_argument("--out", type=Path, help="also write the report to this file")
    parser.add_argument("--only", nargs="*", default=(), help="history names to run")
    parser.add_argument("--heading-level", type=int, default=1, choices=(1, 2, 3))
    parser.add_argument(
        "--runs", action="store_true", help="also list every run: causes, watch items, flags"
    )
    args = parser.parse_args(argv)
    if args.seeds < 1:
        parser.error("--seeds must be at least 1")
    histories = [h for h in HISTORIES if not args.only or h.name in args.only]
    unknown = set(args.only) - {h.name for h in histories}
    if unknown:
        parser.error(f"unknown histories: {', '.join(sorted(unknown))}")
    summary = evaluate(histories, seeds=args.seeds)
    text = render(summary, heading_level=args.heading_level)
    print(text, end="")
    if args.runs:
        for o in summary.outcomes:
            flags = ", ".join(f"{code}:{severity}" for code, severity in o.red_flags) or "-"
            print(
                f"{o.history.name} seed {o.seed}: causes {', '.join(o.causes) or '-'} | "
                f"watch {', '.join(o.watch) or '-'} | flags {flags} | "
                f"misses {'; '.join(o.misses()) or '-'}"
            )
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0 if all(summary.meets(name) for name in TARGETS) else 1


if __name__ == "__main__":
    sys.exit(main())
