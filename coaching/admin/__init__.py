"""The coach dashboard's coaching pages; every page is scoped through coaching.scoping."""

from . import data, people, phases  # noqa: F401  (registers the model admins)
