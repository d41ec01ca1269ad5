"""Common given names by usual gender, to match he/she with a person (part of :mod:`analysis.quotes`).

Only a prior: evidence in the article itself (Mr/Ms, chairwoman, "her
brother", a pronoun right after the only person named) wins over it. Names
used for both genders (Jordan, Alex, Sasha, Andrea…) are left out.
"""
from __future__ import annotations

__all__ = ["given_name_gender"]

_MALE = frozenset("""
aaron abdul abdullah abraham adam adrian ahmad ahmed akira alan albert aleksandr alexander alexandre alexei
alfred ali alistair amir anatoly andre andreas andrei andrew andrzej angus anthony antoine anton antonio
arjun arnold arthur asif aziz barack bashar ben benjamin benedict bernard bill bob bohdan boris brad brendan
brian bruce carl carlos charles chris christian christopher colin connor craig dale damian dan daniel
darren dave david dennis derek dmitry dmitri dominic donald douglas duncan dylan edward elon emmanuel enrique
eric erik ernesto evan fabio faisal felipe fernando francesco francis frank franz fred frederick gabriel
gareth gary geoffrey george gerald gerhard giorgio giovanni giuseppe gordon graham greg gregory guillermo
gustavo hamid hans harold harry hassan hector heinrich henry hiroshi howard hugh hugo hussein ian igor ilham
imran isaac ivan jack jacob jake james jan javier jean-luc jean-marc jean-pierre jeff jeffrey jeremy jerome
jim joe joel johan johannes john jonathan jorge jose josef joseph juan julian justin kamal karl
keir keith ken kenneth kevin khalid kieran klaus kurt lars lawrence leonard leonid liam
lloyd louis luca lucas luis luke luiz magnus mahmoud malcolm manuel marc marco marcus mario mark martin
marek matteo matthew maurice max maxim michael michel miguel mikhail mohamed mohammad mohammed muhammad
nabil narendra nathan neil nicholas nick nicolas nigel nikolai noah olaf oleg oliver omar oscar otto
owen pablo patrick paul pedro peter philip philippe pierre rafael rahul rajesh ralph ramon rashid
raul ray raymond recep ricardo richard rishi robert roberto rodrigo roger roman ronald rory ruslan ryan
said salman sam samuel saud scott sean sebastian sergei sergey shinzo simon stanislav stefan stephen steve
steven stuart sultan tariq ted thomas tim timothy todd tom tony trevor tyler umar valery victor viktor
vincent vladimir vladislav volodymyr walter wang wayne william xavier yaroslav yevgeny youssef yuri
yusuf zaid
""".split())

_FEMALE = frozenset("""
abigail ada adele agnes aida aisha alexandra alice alina alison amanda amelia amy ana anastasia
 angela angelina anita ann anna anne annalena annette antonia ashley audrey barbara beata
beatrice beatriz bella beverley beverly brenda bridget caitlin camila carla carmen carol caroline catherine
cecilia charlotte chloe christina christine chrystia claire clara claudia cristina cynthia daniela deborah
debra denise diana diane dilma donna dorothy elena elisabeth elizabeth ella ellen emily emma erica erika
esther eva eve evelyn fatima fiona florence frances francesca gabriela giorgia gloria grace hannah harriet
heather helen helena hillary ilhan ingrid irene iris isabel isabella ivanka jacinda jacqueline jane janet
janice jennifer jessica jill joan joanna josephine joyce judith julia julie justine karen karin kate
katherine kathleen kathryn katie katrin kelly kirsten kristin lara laura lauren leila lena
linda lisa liz lorraine louise lucia lucy lydia madeleine magdalena margaret margarethe maria mariam marie
marina marine marion marta martha mary maya megan melania melissa mia michelle miriam monica nadia
nadezhda nancy natalia natalie natasha nicola nicole nina noura olena olga olivia pamela patricia
paula pauline penny petra priti rachel rebecca renata rita rosa rose ruth sabine samantha sandra sara
sarah sharon sheila silvia simone siobhan sofia sonia sophia sophie stephanie susan suzanne svetlana tamara
tanya tatiana teresa theresa tulsi ursula valentina valerie vanessa vera veronica victoria virginia
wendy yulia yvonne zainab zoe
""".split())


def given_name_gender(name: str) -> str | None:
    """"m", "f" or None for a full name, from its first word."""
    first = name.strip().split(" ")[0].lower().rstrip(".")
    if first in _MALE:
        return "m"
    if first in _FEMALE:
        return "f"
    return None
