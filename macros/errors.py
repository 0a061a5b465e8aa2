"""The one kind of error a build reports to content editors instead of to programmers."""

from __future__ import annotations


class DataError(Exception):
    """The content cannot be built; `str()` is the whole Dutch message: where, what, and what to change.

    The hook (macros/hooks.py) ends the build with this message and no traceback. Subclasses say which check
    found it: DatasetError (the YAML and its schema), DeckError (the printed cards).
    """
