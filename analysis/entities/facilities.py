"""Buildings named by their building word stay facilities ("City Hall", "the Capitol", "the Statehouse"):
spaCy calls them FAC, and the sentence often puts them as a place ("at City Hall"), yet they are no town
or region (round 8b)."""
from __future__ import annotations

__all__ = ["is_building"]

#: A building's own word ending its name: "the Capitol", "Ohio Statehouse", "Pima County Courthouse".
_BUILDING_ENDINGS = frozenset("capitol statehouse courthouse".split())
#: The seats of local government: "City Hall", "Town Hall", "County Hall".
_HALL_OWNERS = frozenset("city town county village".split())


def is_building(words: list[str]) -> bool:
    """Whether a name (its folded words) is a government building called by its building word."""
    if not words:
        return False
    return words[-1] in _BUILDING_ENDINGS or (len(words) >= 2 and words[-1] == "hall" and words[-2] in _HALL_OWNERS)
