"""Charts for the notebooks and reports: one module per concern, one shared style.

Every function takes tidy tables and returns a matplotlib ``Figure`` with a title,
axis labels and readable fonts.
"""
from __future__ import annotations

import matplotlib

__all__ = ["STYLE", "apply_style"]

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


def apply_style() -> None:
    """Apply the newslens chart style to matplotlib."""
    matplotlib.rcParams.update(STYLE)
