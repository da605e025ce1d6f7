"""REST API of the assessments app: assessments, symptoms, analysis runs, flags, thresholds."""
