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


def test_mention_records_equal_to_dict_records():
    from analysis.quotes.mentions import records

    df = pd.DataFrame({"start": [1, 2, 3], "text": ["x", None, "z"], "score": [0.5, np.nan, 1.0],
                       "label": ["PERSON", "ORG", None], "end": [4, 5, 6], "flag": [True, False, True]})
    got, want = records(df), df.to_dict("records")
    assert [list(r) for r in got] == [list(r) for r in want]
    for g, w in zip(got, want):
        for key in w:
            assert type(g[key]) is type(w[key]) and (g[key] == w[key] or (g[key] != g[key] and w[key] != w[key]))
    assert records(df.iloc[:0]) == []
