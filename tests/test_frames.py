"""The fast column and frame builders give the frames pandas makes from the same values."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.frames import frame, str_column


@pytest.mark.parametrize("values", [["a", "b"], ["a", None, "c"], [None, None], [], ["a", 1], ["a", np.nan],
                                    [True, None], ["é", "“quoted”", ""]])
def test_str_column_is_what_pandas_infers(values):
    want = pd.DataFrame({"c": values})
    got = pd.DataFrame({"c": str_column(values)})
    pd.testing.assert_frame_equal(got, want, check_exact=True)


@pytest.mark.parametrize("n", [1, 3])
def test_frame_equals_pandas_from_a_dict(n):
    values = {"i": list(range(n)), "b": [True] * n, "f": [0.5] * n, "s": ["x"] * n, "o": [None] * n,
              "m": [None, "a", 2][:n]}
    typed = [np.array(values["i"], dtype=np.int64), np.array(values["b"]), np.array(values["f"]),
             str_column(values["s"]), values["o"], values["m"]]
    want = pd.DataFrame(values)
    pd.testing.assert_frame_equal(frame(pd.Index(list(values)), typed), want, check_exact=True)
    only_arrays = frame(pd.Index(["i", "s"]), [typed[0], typed[3]])
    pd.testing.assert_frame_equal(only_arrays, want[["i", "s"]], check_exact=True)
    assert only_arrays.index.equals(pd.RangeIndex(n))
