"""Columns and frames of the per-article tables, built faster than pandas infers them from lists.

Every string column of newslens' tables has pandas' ``str`` dtype (pyarrow storage, NaN for a
missing value). ``pd.DataFrame`` infers it from a list in about 30 µs a column, most of it spent on
checks that a list of ``str`` and ``None`` does not need; :func:`str_column` builds the same array in
a third of the time, and gives the list back (for pandas to infer) whenever it would infer anything
else (no string at all, or a value of another type). :func:`frame` puts typed columns together
without building the column labels again (a ``str`` Index costs as much as the rest of a small frame).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from pandas.api.extensions import ExtensionArray

__all__ = ["str_column", "frame"]

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


def frame(columns: pd.Index, arrays: list) -> pd.DataFrame:
    """``pd.DataFrame(dict(zip(columns, arrays)))``: the same frame (default index, blocks consolidated),
    with ``columns`` made once by the caller and arrays that are numpy or pandas arrays not checked again
    (a list is, as pandas would)."""
    from_arrays = getattr(pd.DataFrame, "_from_arrays", None)
    if from_arrays is None:  # not in this pandas: the public way
        return pd.DataFrame(dict(zip(columns, arrays)))
    typed = all(isinstance(a, (np.ndarray, ExtensionArray)) for a in arrays)
    return from_arrays(arrays, columns=columns, index=pd.RangeIndex(len(arrays[0])), verify_integrity=not typed)
