"""Hover to read, click to go: matplotlib charts shown as SVG whose items carry a tooltip and a link.

A chart function draws with matplotlib as before, returns its ``Figure``, and calls :func:`tag`
for the artists whose items (the markers of a scatter, the bars of a bar chart) a reader should
be able to hover: each item gets a tooltip text (the quotation, its speaker, outlet and date) and
optionally a link (to the quotation in the article reader). In a notebook such a figure is shown
(through an IPython ``text/html`` formatter that :func:`tag` registers) as inline SVG with an
SVG ``<title>`` per item — a native tooltip in any browser and in JupyterLab — inside an ``<a>``
when it links; the report page adds a styled tooltip that appears at once. The PNG stays in the
output for static export, and the Figure is an ordinary one (``savefig`` works as before).

Tooltip texts are data: ElementTree escapes them; links are escaped URLs made by
:mod:`analysis.plots.links`.
"""
from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any

from matplotlib.figure import Figure

__all__ = ["tag", "svg", "has_items", "register", "SVG_CLASS", "ITEM_CLASS"]

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG)
ET.register_namespace("xlink", XLINK)

#: Class of the inline SVG of a hover chart, and of each hoverable item in it.
SVG_CLASS, ITEM_CLASS = "nl-hover", "nl-item"
_ATTR = "_newslens_hover"  # Figure attribute: gid -> [(tooltip, link)]
_STYLE = ("svg.nl-hover{max-width:100%;height:auto}svg.nl-hover text{pointer-events:none}"
          "svg.nl-hover .nl-item{cursor:pointer}svg.nl-hover .nl-item:hover{opacity:.75}")


def tag(figure: Figure, artist: Any, tips: Sequence[str], links: Sequence[str | None] | None = None) -> None:
    """Give each item of ``artist`` (in drawing order) a tooltip and, if given, a link.

    Args:
        figure: The figure the artist is in.
        artist: A ``PathCollection`` (scatter), a ``BarContainer`` or a single artist.
        tips: One text per item (newlines kept).
        links: One escaped URL (or None) per item.
    """
    register()  # here, after pyplot set up the inline backend, which drops every Figure formatter it finds
    items: dict[str, list[tuple[str, str | None]]] = figure.__dict__.setdefault(_ATTR, {})
    gid = f"nl-hover-{id(figure)}-{len(items)}"
    pairs = list(zip(tips, links if links is not None else [None] * len(tips), strict=True))
    patches = getattr(artist, "patches", None)
    if patches is not None:  # a bar chart: one artist per bar
        for i, (patch, pair) in enumerate(zip(patches, pairs, strict=True)):
            patch.set_gid(f"{gid}-{i}")
            items[f"{gid}-{i}"] = [pair]
        return
    artist.set_gid(gid)
    items[gid] = pairs


def has_items(figure: object) -> bool:
    """Whether a figure has tagged items (and so is shown as hover SVG)."""
    return isinstance(figure, Figure) and bool(figure.__dict__.get(_ATTR))


def svg(figure: Figure) -> str:
    """The chart as inline SVG markup with ``<title>`` tooltips and ``<a>`` links on tagged items."""
    import matplotlib

    items = figure.__dict__.get(_ATTR, {})
    buf = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        figure.savefig(buf, format="svg", bbox_inches="tight")
    root = ET.fromstring(buf.getvalue())
    parents = {child: parent for parent in root.iter() for child in parent}
    for group in list(root.iter(f"{{{SVG}}}g")):
        pairs = items.get(group.get("id", ""))
        if not pairs:
            continue
        marks = [el for el in group.iter() if el.tag in (f"{{{SVG}}}use", f"{{{SVG}}}path")
                 and parents[el].tag != f"{{{SVG}}}defs"]
        for el, (tip, href) in zip(marks, pairs):
            parent = parents[el]
            index = list(parent).index(el)
            parent.remove(el)
            wrapper = ET.Element(f"{{{SVG}}}a" if href else f"{{{SVG}}}g", {"class": ITEM_CLASS})
            if href:
                wrapper.set("href", href)
            ET.SubElement(wrapper, f"{{{SVG}}}title").text = tip
            wrapper.append(el)
            parent.insert(index, wrapper)
    for style in root.iter(f"{{{SVG}}}style"):  # matplotlib's `*{...}` would style the whole page
        style.text = (style.text or "").replace("*{", f"svg.{SVG_CLASS} *{{")
    root.set("class", SVG_CLASS)
    root.set("role", "img")
    width = root.attrib.pop("width", None)
    root.attrib.pop("height", None)
    if width:
        root.set("style", f"width:{width}")
    return f'<div class="nl-chart"><style>{_STYLE}</style>{ET.tostring(root, encoding="unicode")}</div>'


def _html(figure: Figure) -> str | None:
    return svg(figure) if has_items(figure) else None


def register() -> bool:
    """Show tagged figures as hover SVG in this IPython kernel (beside their PNG); False outside IPython."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipykernel
        return False
    shell = get_ipython()
    if shell is None:
        return False
    shell.display_formatter.formatters["text/html"].for_type(Figure, _html)
    return True
