"""Charts for the notebooks and reports: one module per concern, one shared style.

Every function takes tidy tables and returns a matplotlib ``Figure`` with a title,
axis labels and readable fonts.
"""
from __future__ import annotations

import matplotlib

__all__ = ["STYLE", "TABLE_DISPLAY", "apply_style"]

#: rcParams applied by :func:`apply_style`: readable fonts, light grid, no top/right spines.
STYLE: dict = {
    "figure.figsize": (10, 5.5),
    "figure.dpi": 110,
    "savefig.dpi": 110,
    "savefig.bbox": "tight",
    "font.size": 12,
    "axes.titlesize": 15,
    "axes.titleweight": "bold",
    "axes.labelsize": 12.5,
    "xtick.labelsize": 11,
    "ytick.labelsize": 11,
    "legend.fontsize": 11,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


#: pandas display options applied by :func:`apply_style`: the tables beneath a chart show every row
#: its numbers refer to (up to 300), with text wide enough to read.
TABLE_DISPLAY: dict = {"display.max_rows": 300, "display.min_rows": 300, "display.max_colwidth": 160}


def apply_style() -> None:
    """Apply the newslens chart style to matplotlib, and its table display options to pandas."""
    import pandas as pd

    matplotlib.rcParams.update(STYLE)
    for key, value in TABLE_DISPLAY.items():
        pd.set_option(key, value)

