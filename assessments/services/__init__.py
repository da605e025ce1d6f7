"""Writes of the assessments app: analyses and the flags they raise."""

from .analysis import analyse_athlete, analyse_athletes, request_analysis_now, store_results
from .flags import FlagTransitionError, acknowledge_flag, reconcile_flags, resolve_flag
from .retention import purge_old_runs
from .thresholds import set_threshold_overrides

__all__ = [
    "FlagTransitionError",
    "acknowledge_flag",
    "analyse_athlete",
    "analyse_athletes",
    "purge_old_runs",
    "reconcile_flags",
    "request_analysis_now",
    "resolve_flag",
    "set_threshold_overrides",
    "store_results",
]
