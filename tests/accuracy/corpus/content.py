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

# --------------------------------------------------------------------------- banks

PLACES = ["Eastmoor", "Wenbridge", "Haldon Vale", "Carrowby", "Brackfield", "Ottermouth",
          "Kestwick", "Lyndale", "Marshford", "Thornbury Fen", "Ashcombe", "Redstow"]

FIRST = ["Jane", "Amir", "Claire", "Darren", "Priya", "Tom", "Helen", "Gareth", "Nadia", "Owen",
         "Sarah", "Marcus", "Fiona", "Kwame", "Louise", "Rajesh", "Bethan", "Callum", "Yvonne",
         "Imran", "Rachel", "Stuart", "Joanne", "Emeka", "Alison", "Neil", "Shona", "Pavel",
         "Harriet", "Duncan", "Wendy", "Tariq", "Eleanor", "Lewis", "Monica", "Ravi"]
LAST = ["Bell", "Shah", "Ormerod", "Pickford", "Nair", "Hallam", "Crowther", "Ellison", "Quayle",
        "Madden", "Whitlock", "Adeyemi", "Farrant", "Gillespie", "Kowalski", "Ibbotson",
        "Lockwood", "Thistlethwaite", "Varley", "Dunmore", "Rashid", "Sowerby", "Tranter",
        "Yardley", "Brennan", "Catterall", "Okafor", "Pennington", "Royle", "Ashdown"]

# (post, organisation short code, health?)
POSTS = [
    ("Director of Children's Services", "LA", False),
    ("Assistant Director, Safeguarding and Quality Assurance", "LA", False),
    ("Head of Service, Children's Social Care", "LA", False),
    ("Head of Early Help", "LA", False),
    ("Principal Social Worker", "LA", False),
    ("Service Manager, Children in Care", "LA", False),
    ("Service Manager, Leaving Care", "LA", False),
    ("Head of SEND and Inclusion", "LA", False),
    ("Virtual School Head", "LA", False),
    ("Performance and Intelligence Manager", "LA", False),
    ("Workforce Development Manager", "LA", False),
    ("Independent Reviewing Officer Manager", "LA", False),
    ("MASH Team Manager", "LA", False),
    ("Partnership Business Manager", "SCP", False),
    ("Designated Nurse Safeguarding", "ICB", True),
    ("Designated Doctor for Children Looked After", "ICB", True),
    ("Designated Clinical Officer (SEND)", "ICB", True),
    ("Named Nurse Safeguarding Children", "HFT", True),
    ("Head of Safeguarding", "HFT", True),
    ("Associate Director of Nursing", "CCG", True),
    ("Detective Inspector, Public Protection Unit", "Police", False),
    ("Head of Commissioning", "LA", False),
]

BODIES = ["NHS {place} Integrated Care Board", "{place} Safeguarding Children Partnership",
          "{place} SEND Partnership Board", "{place} Parent Carer Forum", "Corporate Parenting Board",
          "{place} Community Health Services", "{place} Council Learning and Development Service",
          "Children's Services Senior Leadership Team"]
TEAMS = ["All team managers", "Quality Assurance Team", "IRO Service", "Early Help Hub",
         "Fostering Service", "MASH partners", "Commissioning Team", "SENCO network",
         "Performance Team", "Health visiting service"]

SECTIONS = ["Leadership, management and governance", "Safeguarding", "Early Help",
            "Children in Need and Child Protection", "Children Looked After", "Care Leavers",
            "Quality Assurance and Performance", "Workforce", "Health", "Participation and voice of the child",
            "Identification and assessment of need (SEND)", "Education, Health and Care plans",
            "Partnership working", "Permanence"]

COHORTS = ["children in need", "children subject to a child protection plan", "children looked after",
           "care leavers", "children and young people with SEND", "young carers",
           "children missing education", "privately fostered children", "disabled children",
           "children at risk of exploitation"]
BOARD = ["the Safeguarding Children Partnership", "the Corporate Parenting Board",
         "the SEND Partnership Board", "the Improvement Board", "Scrutiny Committee",
         "the Health and Wellbeing Board"]
PROCESS = ["strategy discussions", "return home interviews", "pathway plans", "personal education plans",
           "EHC needs assessments", "initial health assessments", "supervision", "case file audits",
           "child protection conferences", "chronologies", "core groups", "transition planning"]

RECS = [
    "Improve the quality and consistency of management oversight of {cohort}, so that plans progress without drift.",
    "Ensure that {process} are completed within statutory timescales and that their quality is routinely checked.",
    "Strengthen the voice of {cohort} in assessments and plans, so that their wishes and feelings shape decisions.",
    "Improve the timeliness of {process} for {cohort}.",
    "Ensure that partner agencies contribute fully to {process} and that information is shared promptly.",
    "Develop a sufficiency strategy that increases the range of local placements for {cohort}.",
    "Ensure that the performance information presented to {board} is accurate and used to drive improvement.",
    "Improve the quality of written plans so that actions are specific, measurable and time-bound.",
    "Ensure that thresholds for intervention are understood and consistently applied by all partners.",
    "Strengthen the quality assurance framework so that audit findings lead to demonstrable improvements in practice.",
    "Reduce social worker caseloads and turnover so that {cohort} experience fewer changes of worker.",
    "Ensure that the health needs of {cohort} are identified and met in a timely way.",
    "Improve the co-production of services with parents and carers of {cohort}.",
    "Ensure that Education, Health and Care plans are of good quality and are reviewed annually.",
    "Improve the identification of {cohort} who are at risk of exploitation and the response to them.",
    "Strengthen the role of independent reviewing officers in challenging drift and delay.",
    "Ensure that the local offer is accessible and kept up to date for families of {cohort}.",
    "Improve the take-up of early help so that families receive support before problems escalate.",
    "Ensure that {cohort} have timely access to emotional wellbeing and mental health support.",
    "Improve the stability of placements for {cohort}.",
    "Ensure that leaders have an accurate understanding of the quality of frontline practice.",
    "Strengthen joint commissioning arrangements between the council and the Integrated Care Board.",
    "Improve the quality of supervision so that it is reflective and challenges practice.",
    "Ensure that the response to domestic abuse in the home is coordinated and timely.",
    "Improve the preparation of {cohort} for adulthood, including employment and independent living.",
    "Ensure that return home interviews are offered to all children who go missing and that learning is used.",
    "Ensure that private fostering arrangements are identified and assessed promptly.",
    "Improve attendance and reduce exclusions for {cohort}.",
    "Ensure that the Local Authority Designated Officer arrangements are understood by all partners.",
    "Improve the recording of management decisions on children's case files.",
    "Ensure that the annual health assessments of {cohort} are completed on time and are of good quality.",
    "Improve the transition arrangements for {cohort} moving from children's to adult services.",
    "Ensure that all staff receive training on the neglect toolkit and use it consistently.",
    "Strengthen governance so that {board} receives regular assurance on progress against this plan.",
    "Improve the timeliness of decisions at the front door so that referrals are screened within 24 hours.",
    "Ensure that learning from case reviews is disseminated and embedded across the partnership.",
    "Improve the quality of pathway plans so that they reflect the aspirations of care leavers.",
    "Ensure that the needs of disabled children are assessed by staff with appropriate expertise.",
    "Improve the quality of child protection plans so that contingency arrangements are clear.",
    "Ensure that children's identity, culture and faith needs are considered in all plans.",
]

ACTIONS = [
    "Audit a sample of {n} case files of {cohort} each month and report themes to {board}.",
    "Revise the {process} practice standards and launch them at a whole-service briefing.",
    "Introduce a monthly performance clinic chaired by the Head of Service.",
    "Recruit {n} additional social workers to reduce average caseloads.",
    "Develop a dashboard of key indicators for {process} and publish it monthly.",
    "Deliver refresher training on {process} to all frontline staff.",
    "Review the terms of reference of {board} and agree a forward plan.",
    "Establish a task and finish group to review the pathway for {cohort}.",
    "Consult {cohort} and their families on the proposed changes and publish a 'you said, we did' summary.",
    "Implement a new template for {process} that prompts practitioners to record the child's views.",
    "Commission an independent review of {process} and report findings to {board}.",
    "Agree a protocol with health partners for sharing information about {cohort}.",
    "Ensure all team managers record a decision and rationale on every case at least monthly.",
    "Introduce a tracker for {process} with weekly exception reporting to service managers.",
    "Hold a multi-agency workshop on thresholds and refresh the threshold document.",
    "Appoint a named lead for {cohort} in each locality team.",
    "Undertake a themed audit of {process} and share findings at the practice week.",
    "Update the local offer website with information co-produced with the Parent Carer Forum.",
    "Review the capacity of the IRO service and agree a revised staffing model.",
    "Introduce a placement sufficiency action group meeting fortnightly.",
    "Embed the revised supervision policy and audit compliance quarterly.",
    "Develop an exploitation risk assessment tool and train MASH partners in its use.",
    "Commission an advocacy service that offers every child an advocate at their review.",
    "Report progress against this plan to {board} at every meeting.",
    "Introduce a quality assurance panel for new EHC plans before they are finalised.",
    "Streamline the EHC needs assessment process to remove duplication between services.",
    "Review all children placed out of area and confirm that their plans remain appropriate.",
    "Introduce a health passport for {cohort} leaving care.",
    "Ensure initial health assessments are requested within 5 working days of a child coming into care.",
    "Agree a joint funding protocol between the council and the Integrated Care Board.",
    "Provide managers with a monthly list of cases without a recorded supervision.",
    "Develop a workforce strategy including a 'grow your own' social work apprenticeship scheme.",
    "Introduce exit interviews for all leaving social workers and analyse the findings quarterly.",
    "Launch a practice model and deliver briefing sessions to all partner agencies.",
    "Review the operation of the Front Door | MASH screening rota with police and health partners.",
    "Publish a quarterly newsletter for schools summarising learning from audits.",
    "Carry out a dip sample of {n} {process} to test the quality of management oversight.",
    "Introduce a young people's panel to review the quality of {process}.",
    "Revise the neglect strategy and relaunch the toolkit across the partnership.",
    "Set up a weekly legal gateway meeting to track cases in pre-proceedings.",
    "Strengthen the links between the Virtual School and designated teachers in all schools.",
    "Review attendance data for {cohort} every half term and target support.",
    "Ensure pathway plans are reviewed at least every six months and signed off by a manager.",
    "Establish a joint SEND data set across education, health and social care.",
    "Agree a communication plan so that families understand the changes being made.",
    "Hold a learning event on the findings of the most recent case review.",
    "Put in place a peer review with a neighbouring authority.",
    "Revise the missing children protocol and circulate it to all partners.",
    "Introduce a monthly meeting between the Designated Nurse and the Head of Service for {cohort}.",
    "Track completion of return home interviews within 72 hours and report weekly.",
    "Review all open private fostering notifications and complete outstanding assessments.",
    "Develop guidance on recording children's identity, culture and faith needs.",
    "Use the case management system to flag {process} that are overdue.",
    "Appoint an additional Designated Clinical Officer for SEND.",
    "Ensure all EHC plan annual reviews are held and amended plans issued within 4 weeks.",
    "Develop a single improvement plan dashboard for the Improvement Board.",
    "Deliver domestic abuse awareness training to all early help practitioners.",
    "Evaluate the impact of the new practice model through a survey of families.",
    "Re-commission the independent visitor service with clear performance measures.",
    "Create a transitions panel for {cohort} from age 14.",
    "Audit the quality of contingency plans in child protection plans.",
    "Provide each care leaver with a copy of the refreshed local offer and entitlements.",
    "Review the LADO arrangements and publish an annual report.",
    "Introduce a practice standards checklist for chronologies.",
    "Review the early help assessment and simplify the referral form.",
    "Increase the number of foster carers through a targeted recruitment campaign.",
    "Introduce quarterly case-tracking meetings for children with a plan of permanence.",
    "Refresh the joint protocol between children's and adult services.",
    "Run focus groups with frontline staff to identify barriers to good recording.",
    "Implement an electronic signing process for {process} with partners.",
    "Complete a self-evaluation and share it with the Department for Education adviser.",
    "Introduce a named health professional for every care leaver up to the age of 25.",
    "Produce an annual report on the health of {cohort} for {board}.",
    "Update the escalation policy so that disagreements between agencies are resolved quickly.",
    "Ensure the child's lived experience is summarised at the start of every assessment.",
    "Ensure that the views of parents are captured in the annual review of every EHC plan.",
    "Develop a SEND sufficiency plan for specialist school places.",
    "Re-launch the CP | CIN performance report with RAG-rated team level data.",
]

LIST_STEMS = [
    "Deliver a programme of multi-agency training to include:",
    "Revise the practice guidance so that it covers:",
    "Introduce monthly reporting to senior managers on:",
    "Carry out a review of the service, looking at:",
    "Agree with partners a set of standards for:",
]
BULLETS = ["the use of chronologies", "the voice of the child", "analysis of risk", "contingency planning",
           "recording of management decisions", "timeliness of visits", "the quality of plans",
           "information sharing between agencies", "escalation of concerns", "caseload levels",
           "the response to neglect", "exploitation and missing episodes", "joint visits with health colleagues",
           "feedback from families"]

OUTCOMES = ["Plans are specific and progress is evident on audit.", "Timeliness improves to at least 90%.",
            "Children report that they are listened to.", "Audits show consistent management oversight.",
            "Fewer children experience drift and delay.", "Families understand the support available.",
            "Staff report improved confidence in practice.", "Board receives accurate data each quarter.",
            "Placement moves reduce year on year.", "All EHC plans meet the quality standard."]
EVIDENCE = ["Monthly audit reports", "Performance dashboard", "Board minutes", "Training attendance records",
            "Survey results", "Case file audits", "Supervision records", "Panel minutes", "Quarterly report to DCS"]
PROGRESS = ["Completed.", "Underway – first audit completed and themes reported.", "Not yet due.",
            "On track; draft circulated to partners for comment.", "Delayed due to recruitment difficulties.",
            "Training delivered to 80% of staff; further sessions booked.", "Awaiting sign-off by the Board.",
            "Complete – new process in place since the spring.", "Progressing; revised timescale agreed.",
            "Pilot under way in two teams.", "Initial meeting held; terms of reference agreed.", ""]

TITLES = [
    "{place} Council Children's Services – Improvement Plan following the Ofsted Inspection",
    "Written Statement of Action – {place} Local Area SEND Inspection",
    "{place} Joint Targeted Area Inspection: Multi-agency Action Plan",
    "Review of Health Services for Children Looked After and Safeguarding in {place} – Action Plan",
    "{place} Safeguarding and Looked After Children Inspection Action Plan",
    "Post-inspection Action Plan – {place} Children's Services",
]

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
    if r < 0.05:
        return None
    if r < 0.07:
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
                for _ in range(min(rng.choice([1, 2, 2, 3, 3, 4]), target - count)):
                    if not act_pool:
                        act_pool = rng.sample(ACTIONS, len(ACTIONS))
                    bullets = []
                    if rng.random() < 0.14:
                        text = rng.choice(LIST_STEMS)
                        bullets = [b[0].upper() + b[1:] if rng.random() < 0.3 else b
                                   for b in rng.sample(BULLETS, rng.randint(2, 4))]
                    else:
                        text = _fill(rng, act_pool.pop())
                    nl = 0 if rng.random() < 0.05 else rng.choice([1, 1, 1, 2, 2, 3])
                    leads = _leads(rng, people, place, nl)
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
