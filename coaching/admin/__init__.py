"""The coach dashboard's coaching pages; every page is scoped through coaching.scoping."""

from . import data, people  # noqa: F401  (registers the model admins)
