"""Seeded random action-plan content for the generated accuracy corpus.

A plan is built from ``random.Random(seed)`` only (no global state), so the same seed always
gives the same plan. The content is *semantic*: a timescale is a kind plus its dates, a lead
is a person (with a post, initials and an organisation) or a post / body / team, a RAG is a
colour. The layouts decide how each is written (see ``common.py``) and write the key from the
same values, so keys are exact.

Every name, place and sentence here is invented for the corpus.
"""
from __future__ import annotations

import calendar
import datetime as dt
import random
from dataclasses import dataclass, field

from banks import (ACTIONS, BODIES, BOARD, BULLETS, COHORTS, EVIDENCE, FIRST, LAST, LIST_STEMS,  # noqa: F401
                   OUTCOMES, PLACES, POSTS, PROCESS, PROGRESS, RECS, SECTIONS, TEAMS, TITLES)

# --------------------------------------------------------------------------- model


@dataclass
class Person:
    name: str
    initials: str
    post: str
    org: str            # short organisation code ("LA", "ICB", "CCG", ...)


@dataclass
class Lead:
    kind: str           # person | post | body | team
    text: str           # the name, post, body or team
    person: Person | None = None


@dataclass
class Timescale:
    kind: str           # date | month | quarter | fy | relative | immediate | ongoing | recurring | multi | invalid
    day: dt.date | None = None       # date kinds; month kinds use its year/month
    year: int = 0
    month: int = 0
    day_num: int = 0                  # invalid: impossible day
    quarter: int = 0                  # quarter: FY quarter 1-4; fy/quarter: FY start year in ``year``
    phrase: str = ""                  # relative / immediate / ongoing / recurring suffix
    second: "Timescale | None" = None # multi: the interim date

    @property
    def due(self):
        """ISO date string, "relative", or None (ongoing / impossible), per KEYS.md."""
        k = self.kind
        if k == "date":
            return self.day.isoformat()
        if k in ("month", "recurring"):
            return last_day(self.year, self.month).isoformat()
        if k == "quarter":
            end_month = {1: 6, 2: 9, 3: 12, 4: 3}[self.quarter]
            y = self.year + (1 if self.quarter == 4 else 0)
            return last_day(y, end_month).isoformat()
        if k == "fy":
            return dt.date(self.year + 1, 3, 31).isoformat()
        if k == "multi":
            dues = [self.second.due, last_day(self.year, self.month).isoformat()]
            return max(dues)
        if k in ("relative", "immediate"):
            return "relative"
        return None  # ongoing, invalid


@dataclass
class Action:
    text: str
    bullets: list[str]
    leads: list[Lead]
    timescale: Timescale | None
    rag: str | None      # red | amber | green | blue | None
    progress: str
    outcome: str
    evidence: str


@dataclass
class Recommendation:
    number: int
    text: str
    actions: list[Action] = field(default_factory=list)


@dataclass
class Section:
    name: str
    recs: list[Recommendation] = field(default_factory=list)


@dataclass
class Plan:
    seed: object
    place: str
    title: str
    as_of: dt.date | None
    inspected: dt.date | None
    sections: list[Section]
    people: list[Person]

    def actions(self):
        for s in self.sections:
            for r in s.recs:
                for a in r.actions:
                    yield s, r, a

    @property
    def n_actions(self):
        return sum(1 for _ in self.actions())


def last_day(y, m):
    return dt.date(y, m, calendar.monthrange(y, m)[1])


# --------------------------------------------------------------------------- builder


def _people(rng: random.Random, place: str, n: int) -> list[Person]:
    people, used_init, used_names = [], set(), set()
    posts = rng.sample(POSTS, min(n, len(POSTS)))
    for post, org, health in posts:
        for _ in range(200):
            f, l = rng.choice(FIRST), rng.choice(LAST)
            ini = f[0] + l[0]
            if ini not in used_init and (f, l) not in used_names:
                break
        used_init.add(ini)
        used_names.add((f, l))
        name = f"{f} {l}"
        if health and "Doctor" in post:
            name = "Dr " + name
        people.append(Person(name, ini, post, org))
    return people


def _fill(rng, tmpl):
    return tmpl.format(cohort=rng.choice(COHORTS), process=rng.choice(PROCESS), board=rng.choice(BOARD),
                       n=rng.choice([10, 12, 20, 25, 30]))


def _timescale(rng: random.Random, start: dt.date) -> Timescale | None:
    r = rng.random()
    off = rng.randint(1, 18)
    y, m = start.year + (start.month - 1 + off) // 12, (start.month - 1 + off) % 12 + 1
    if r < 0.09:
        return None
    if r < 0.115:
        bad = rng.choice([(31, 2), (30, 2), (31, 4), (31, 6), (31, 9), (31, 11)])
        return Timescale("invalid", year=y, month=bad[1], day_num=bad[0])
    if r < 0.35:
        d = rng.choice([last_day(y, m), dt.date(y, m, rng.randint(1, 28))])
        return Timescale("date", day=d, year=y, month=m)
    if r < 0.57:
        return Timescale("month", year=y, month=m)
    if r < 0.65:
        fy = y if m >= 4 else y - 1
        q = {4: 1, 5: 1, 6: 1, 7: 2, 8: 2, 9: 2, 10: 3, 11: 3, 12: 3, 1: 4, 2: 4, 3: 4}[m]
        return Timescale("quarter", year=fy, quarter=q)
    if r < 0.69:
        return Timescale("fy", year=y if m >= 4 else y - 1)
    if r < 0.77:
        return Timescale("relative", phrase=rng.choice(["Within 3 months", "Within 6 weeks", "Within 6 months",
                                                        "Within 20 working days", "Within 12 months"]))
    if r < 0.82:
        return Timescale("immediate", phrase=rng.choice(["Immediate", "Immediately", "With immediate effect"]))
    if r < 0.90:
        return Timescale("ongoing", phrase=rng.choice(["Ongoing", "On-going", "Monthly", "Ongoing – reviewed monthly"]))
    if r < 0.96:
        return Timescale("recurring", year=y, month=m,
                         phrase=rng.choice(["and quarterly thereafter", "and monthly thereafter",
                                            "then termly", "and annually thereafter"]))
    first = Timescale("month", year=start.year + (start.month - 1 + max(1, off - 3)) // 12,
                      month=(start.month - 1 + max(1, off - 3)) % 12 + 1)
    return Timescale("multi", year=y, month=m, second=first, phrase="interim report")


def _leads(rng, people, place, n) -> list[Lead]:
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.62:
            p = rng.choice(people)
            lead = Lead("person", p.name, p)
        elif r < 0.74:
            lead = Lead("post", rng.choice([p for p, _, _ in POSTS]))
        elif r < 0.88:
            lead = Lead("body", rng.choice(BODIES).format(place=place))
        else:
            lead = Lead("team", rng.choice(TEAMS))
        if all(lead.text != o.text for o in out) and not (
                lead.kind == "post" and any(lead.text == p.post for p in people)):
            out.append(lead)
    return out


def _rag(rng):
    return rng.choices(["red", "amber", "green", "blue", None], [12, 30, 34, 12, 12])[0]


def build_plan(seed, min_actions=8, max_actions=40) -> Plan:
    """A plan with between ``min_actions`` and ``max_actions`` actions, drawn from ``seed``."""
    rng = random.Random(seed)
    place = rng.choice(PLACES)
    inspected = dt.date(rng.randint(2022, 2025), rng.randint(1, 12), rng.randint(1, 28))
    as_of = inspected + dt.timedelta(days=rng.randint(60, 300))
    people = _people(rng, place, rng.randint(6, 12))
    target = rng.randint(min_actions, max_actions)
    names = rng.sample(SECTIONS, rng.randint(2, 6))
    rec_texts = rng.sample(RECS, len(RECS))
    act_pool = rng.sample(ACTIONS, len(ACTIONS))
    sections, count, rec_no = [], 0, 0
    while count < target:
        for name in names:
            if count >= target:
                break
            if not any(s.name == name for s in sections):
                sections.append(Section(name))
            sec = next(s for s in sections if s.name == name)
            for _ in range(rng.randint(1, 3)):
                if count >= target or not rec_texts:
                    break
                rec_no += 1
                rec = Recommendation(rec_no, _fill(rng, rec_texts.pop()))
                for k in range(min(rng.choice([1, 2, 2, 3, 3, 4]), target - count)):
                    if not act_pool:
                        act_pool = rng.sample(ACTIONS, len(ACTIONS))
                    bullets = []
                    if rng.random() < 0.14:
                        text = rng.choice(LIST_STEMS)
                        bullets = [b[0].upper() + b[1:] if rng.random() < 0.3 else b
                                   for b in rng.sample(BULLETS, rng.randint(2, 4))]
                    else:
                        text = _fill(rng, act_pool.pop())
                    # A blank lead / timescale cell is only ever on the first action of a
                    # recommendation: lower down, a blank could be read as a cell merged from above.
                    first = k == 0
                    nl = 0 if first and rng.random() < 0.11 else rng.choice([1, 1, 1, 2, 2, 3])
                    leads = _leads(rng, people, place, nl)
                    ts = _timescale(rng, inspected)
                    while ts is None and not first:
                        ts = _timescale(rng, inspected)
                    rec.actions.append(Action(text, bullets, leads, ts, _rag(rng), rng.choice(PROGRESS),
                                              rng.choice(OUTCOMES), rng.choice(EVIDENCE)))
                    count += 1
                sec.recs.append(rec)
    sections = [s for s in sections if s.recs]
    # recommendations are numbered in document order
    n = 0
    for s in sections:
        for r in s.recs:
            n += 1
            r.number = n
    title = rng.choice(TITLES).format(place=place)
    return Plan(seed, place, title, as_of if rng.random() < 0.75 else None,
                inspected if rng.random() < 0.7 else None, sections, people)
