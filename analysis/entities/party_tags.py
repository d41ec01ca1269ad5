"""US party–state tags after a politician's name: "(D-Mo.)", "(R-Tex.)", ", D-N.Y.," and "(R-TX)" name
the member's state, whatever its abbreviation (AP style, the older forms and postal codes)."""
from __future__ import annotations

import re

from analysis.entities.mention import Mention

__all__ = ["party_states", "name_party_states"]

_STATES = """Alabama: Ala AL; Alaska: Alaska AK; Arizona: Ariz AZ; Arkansas: Ark AR; California: Calif Cal CA;
Colorado: Colo CO; Connecticut: Conn CT; Delaware: Del DE; Florida: Fla FL; Georgia: Ga GA; Hawaii: Hawaii HI;
Idaho: Idaho ID; Illinois: Ill IL; Indiana: Ind IN; Iowa: Iowa IA; Kansas: Kan Kans KS; Kentucky: Ky KY;
Louisiana: La LA; Maine: Maine Me ME; Maryland: Md MD; Massachusetts: Mass MA; Michigan: Mich MI;
Minnesota: Minn MN; Mississippi: Miss MS; Missouri: Mo MO; Montana: Mont MT; Nebraska: Neb Nebr NE;
Nevada: Nev NV; New Hampshire: N.H NH; New Jersey: N.J NJ; New Mexico: N.M NM; New York: N.Y NY;
North Carolina: N.C NC; North Dakota: N.D ND; Ohio: Ohio OH; Oklahoma: Okla OK; Oregon: Ore Oreg OR;
Pennsylvania: Pa Penn PA; Rhode Island: R.I RI; South Carolina: S.C SC; South Dakota: S.D SD;
Tennessee: Tenn TN; Texas: Tex Texas TX; Utah: Utah UT; Vermont: Vt VT; Virginia: Va VA; Washington: Wash WA;
West Virginia: W.Va W.V WV; Wisconsin: Wis Wisc WI; Wyoming: Wyo WY"""

_STATE_OF: dict[str, str] = {abbr: state.strip() for item in _STATES.replace("\n", " ").split(";")
                             for state, abbrs in [item.split(":")] for abbr in abbrs.split()}
_STATE_OF.update({state: state for state in _STATE_OF.values()})
_TAG = re.compile(r"(?:\(|, )[DRI]-([A-Z][A-Za-z]*(?:\.[A-Z][a-z]?)*\.?(?: [A-Z][a-z]+)?)(?=\)|,|\.(?:\s|$)|\s|$)")


def _tags(text: str) -> list[tuple[int, int, str]]:
    """(start, end, state) of each party–state tag's state in ``text``."""
    out = []
    for hit in _TAG.finditer(text):
        s, e = hit.span(1)
        state = _STATE_OF.get(text[s:e].rstrip("."))
        if state is not None:
            out.append((s, e, state))
    return out


def name_party_states(text: str, rows: list[dict]) -> None:
    """Name the resolved mentions of party–state tags after their state ("Mo." → "Missouri"), in place."""
    states = {s: state for s, _, state in _tags(text)}
    for r in rows:
        if (state := states.get(r["start"])) is not None:
            r["entity"], r["label"] = state, "GPE"


def party_states(parsed, mentions: list[Mention]) -> list[Mention]:
    """Mentions with the state of each party–state tag ("Mo." of "(D-Mo.)") as a place; a mention the
    tag's state overlaps gives way to it."""
    text = parsed.article.text
    found: list[Mention] = []
    for s, e, _ in _tags(text):
        paragraph = next((u.paragraph for u in parsed.units if u.start <= s < u.start + len(u.text)), 0)
        sid = next((sid for sid, u, sent in parsed.sentences()
                    if u.start + sent.start_char <= s < u.start + sent.end_char), 0)
        found.append(Mention(sid, paragraph, s, e, text[s:e], "GPE", "pattern", hint="GPE"))
    if not found:
        return mentions
    kept = [m for m in mentions if not any(m.start < f.end and f.start < m.end for f in found)]
    return sorted([*kept, *found], key=lambda m: (m.start < 0, m.start))
