"""Columns of the per-article tables, built faster than pandas infers them from lists.

Every string column of newslens' tables has pandas' ``str`` dtype (pyarrow storage, NaN for a
missing value). ``pd.DataFrame`` infers it from a list in about 30 µs a column, most of it spent on
checks that a list of ``str`` and ``None`` does not need; :func:`str_column` builds the same array in
a third of the time, and gives the list back (for pandas to infer) whenever it would infer anything
else (no string at all, or a value of another type).
"""
from __future__ import annotations

import pandas as pd

__all__ = ["str_column"]

_SAMPLE = pd.array(["x"], dtype="str")
#: pandas' ``str`` dtype and its array class (``ArrowStringArray`` under pandas 3).
STR_DTYPE = _SAMPLE.dtype
_STR_ARRAY = type(_SAMPLE)


def str_column(values: list) -> object:
    """``values`` as the ``str`` array pandas would infer for them, or the list itself when it would
    infer another dtype (all missing, or not all ``str`` or ``None``)."""
    if not any(isinstance(v, str) for v in values) or not all(v is None or isinstance(v, str) for v in values):
        return values
    return _STR_ARRAY._from_sequence(values, dtype=STR_DTYPE)
