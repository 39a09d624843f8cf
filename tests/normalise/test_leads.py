from pathlib import Path

import pytest

from actionplan.normalise.glossary import (
    acronym_definitions, glossary_entries, glossary_entry, is_initials, resolve_initials,
)
from actionplan.normalise.lead_vocabulary import load_vocabulary
from actionplan.normalise.leads import parse_leads


def people(raw, vocabulary=None):
    return [(lead.name, lead.role, lead.organisation) for lead in parse_leads(raw, vocabulary)]


def full(raw):
    return [(lead.title, lead.name, lead.role, lead.organisation) for lead in parse_leads(raw)]


@pytest.mark.parametrize("raw,expected", [
    ("Heather Flinders", [("Heather Flinders", None, None)]),
    ("Sue Burns (LSCB Manager) Angela Glenn (Fieldwork Manager) Mark Longstaff (Head of Commissioning resources and Support)",
     [("Sue Burns", "LSCB Manager", None), ("Angela Glenn", "Fieldwork Manager", None),
      ("Mark Longstaff", "Head of Commissioning resources and Support", None)]),
    ("DBC – Mary Sweeney (Service manager)", [("Mary Sweeney", "Service manager", "DBC")]),
    ("DBC- Lisa Summers(Head of safeguarding adult and children)",
     [("Lisa Summers", "Head of safeguarding adult and children", "DBC")]),
    ("CT – Mel Brown/Jenni Cooke", [("Mel Brown", None, "CT"), ("Jenni Cooke", None, "CT")]),
    ("Meg Boustead / Ken Hall", [("Meg Boustead", None, None), ("Ken Hall", None, None)]),
    ("Maureen Grieveson/Kath Vasey/Diane Richardson",
     [("Maureen Grieveson", None, None), ("Kath Vasey", None, None), ("Diane Richardson", None, None)]),
    ("Kath Vasey and Anne Holt", [("Kath Vasey", None, None), ("Anne Holt", None, None)]),
    # a team acronym after a name is a second lead, not the person's post
    ("Christine Walshaw / Tracy Potts SMT",
     [("Christine Walshaw", None, None), ("Tracy Potts", None, None), (None, "SMT", None)]),
    ("Rosemary Stephenson (NHCFT)", [("Rosemary Stephenson", None, "NHCFT")]),
    ("Director of Nursing / SSCB rep for CHSNHSFT", [(None, "Director of Nursing", None), (None, "SSCB rep for CHSNHSFT", None)]),
    ("Director of Nursing and Transformation\nMaureen Grieveson",
     [(None, "Director of Nursing and Transformation", None), ("Maureen Grieveson", None, None)]),
    ("All managers", [(None, "All managers", None)]),
    ("Relevant HoS", [(None, "Relevant HoS", None)]),
    ("All Case File Auditors", [(None, "All Case File Auditors", None)]),
    ("SMcL", [("SMcL", None, None)]),
    ("JH SMcL", [("JH", None, None), ("SMcL", None, None)]),
    ("RB / KS / MG", [("RB", None, None), ("KS", None, None), ("MG", None, None)]),
    ("MG.", [("MG", None, None)]),
    ("Sandra Martin/ Designated Doctor for LAC\nSandra Martin\nSandra Martin",
     [("Sandra Martin", None, None), (None, "Designated Doctor for LAC", None)]),
    # a name with its post
    ("Ruth Baker, Team Manager", [("Ruth Baker", "Team Manager", None)]),
    ("Mary Sweeney - Service Manager", [("Mary Sweeney", "Service Manager", None)]),
    ("Head of Service – Jane Bell", [("Jane Bell", "Head of Service", None)]),
    ("Jane Bell, Head of Service, Children's Social Care", [("Jane Bell", "Head of Service, Children's Social Care", None)]),
    # a bracket cut off by the page: kept whole as a post rather than guessed at
    ("Paula Gibbons (Manager :Fostering and Adoption Service", [(None, "Paula Gibbons (Manager :Fostering and Adoption Service", None)]),
    ("Lisa Summers (Head of Review and Development)", [("Lisa Summers", "Head of Review and Development", None)]),
    ("Jenni Cooke (Assistant Director)", [("Jenni Cooke", "Assistant Director", None)]),
    ("Sue Williams", [("Sue Williams", None, None)]),
    ("Owen Hallam (Assistant Director, Safeguarding and Quality Assurance)",
     [("Owen Hallam", "Assistant Director, Safeguarding and Quality Assurance", None)]),
    ("Duncan Tranter (Designated Clinical Officer (SEND)); Haldon Vale SEND Partnership Board",
     [("Duncan Tranter", "Designated Clinical Officer (SEND)", None), (None, "Haldon Vale SEND Partnership Board", None)]),
    ("Amir Khan (Named Nurse, Northgate Hospitals NHS Trust)", [("Amir Khan", "Named Nurse", "Northgate Hospitals NHS Trust")]),
    # posts and teams without a name are valid leads
    ("Strategic Safeguarding Lead", [(None, "Strategic Safeguarding Lead", None)]),
    ("Strategic Safeguarding Lead (STNHSFT)", [(None, "Strategic Safeguarding Lead", "STNHSFT")]),
    ("Designated Clinical Officer (SEND)", [(None, "Designated Clinical Officer (SEND)", None)]),
    ("Named Nurse / Named Doctor", [(None, "Named Nurse", None), (None, "Named Doctor", None)]),
    ("Head of Service", [(None, "Head of Service", None)]),
    ("All Service Managers", [(None, "All Service Managers", None)]),
    ("Designated Nurse LAC", [(None, "Designated Nurse LAC", None)]),
    ("Contract Manager", [(None, "Contract Manager", None)]),
    ("SMT", [(None, "SMT", None)]),
    ("SSCB", [(None, "SSCB", None)]),
    ("Meg Boustead / SMT", [("Meg Boustead", None, None), (None, "SMT", None)]),
    ("Local Safeguarding Children Board (LSCB)", [(None, "Local Safeguarding Children Board (LSCB)", None)]),
    # organisations
    ("DBC – Nik Flavell (Service Manager)", [("Nik Flavell", "Service Manager", "DBC")]),
    ("CT – Mel Brown", [("Mel Brown", None, "CT")]),
    ("Sarah St Pierre", [("Sarah St Pierre", None, None)]),
    ("HFT – Jane Bell", [("Jane Bell", None, "HFT")]),
    ("LA: Fiona Hallam", [("Fiona Hallam", None, "LA")]),
    ("Northgate Hospitals NHS Trust – Amir Khan (Named Nurse)", [("Amir Khan", "Named Nurse", "Northgate Hospitals NHS Trust")]),
    ("Northumbria Police: Head of Public Protection", [(None, "Head of Public Protection", "Northumbria Police")]),
    ("SCP – Tariq Ibbotson; LA: Jane Nair", [("Tariq Ibbotson", None, "SCP"), ("Jane Nair", None, "LA")]),
    ("CCG – Rajesh Okafor, HFT – Duncan Pickford", [("Rajesh Okafor", None, "CCG"), ("Duncan Pickford", None, "HFT")]),
    ("Corporate Parenting Board, LA: Fiona Hallam", [(None, "Corporate Parenting Board", None), ("Fiona Hallam", None, "LA")]),
    ("DBC – NF (Service Manager)", [("NF", "Service Manager", "DBC")]),
    # several bodies in one cell, and one body whose name holds " and " and ", "
    ("Lyndale Council, NHS Lyndale ICB and NHS Lyndale Community Health Foundation Trust",
     [(None, "Lyndale Council", None), (None, "NHS Lyndale ICB", None),
      (None, "NHS Lyndale Community Health Foundation Trust", None)]),
    ("NHS Bath and North East Somerset, Swindon and Wiltshire ICB",
     [(None, "NHS Bath and North East Somerset, Swindon and Wiltshire ICB", None)]),
    ("Kestwick Council Learning and Development Service", [(None, "Kestwick Council Learning and Development Service", None)]),
    ("Carrowby Safeguarding Children Partnership, Children's Services Senior Leadership Team",
     [(None, "Carrowby Safeguarding Children Partnership", None), (None, "Children's Services Senior Leadership Team", None)]),
    # several posts: " and ", ", " between posts; a post's service area after a comma stays with it
    ("Principal Social Worker and Commissioning Team", [(None, "Principal Social Worker", None), (None, "Commissioning Team", None)]),
    ("Associate Director of Nursing and Director of Children's Services",
     [(None, "Associate Director of Nursing", None), (None, "Director of Children's Services", None)]),
    ("Head of Service, Children's Social Care", [(None, "Head of Service, Children's Social Care", None)]),
    ("Detective Inspector, Public Protection Unit", [(None, "Detective Inspector, Public Protection Unit", None)]),
    ("Assistant Director, Children's Services", [(None, "Assistant Director, Children's Services", None)]),
    ("Head of Legal and Democratic Services", [(None, "Head of Legal and Democratic Services", None)]),
    ("Virtual School Head, Head of Early Help, Partnership Business Manager",
     [(None, "Virtual School Head", None), (None, "Head of Early Help", None), (None, "Partnership Business Manager", None)]),
    ("Service Manager, Leaving Care and Dr Marcus Madden",
     [(None, "Service Manager, Leaving Care", None), ("Marcus Madden", None, None)]),
    ("Service Manager, Leaving Care and Head of Commissioning",
     [(None, "Service Manager, Leaving Care", None), (None, "Head of Commissioning", None)]),
    ("Workforce Development Manager, NHS Lyndale Integrated Care Board",
     [(None, "Workforce Development Manager", None), (None, "NHS Lyndale Integrated Care Board", None)]),
    ("Head of Safeguarding and Joanne Ibbotson and Dr Marcus Madden",
     [(None, "Head of Safeguarding", None), ("Joanne Ibbotson", None, None), ("Marcus Madden", None, None)]),
    ("Early Help Hub, Gareth Whitlock (Workforce Development Manager)",
     [(None, "Early Help Hub", None), ("Gareth Whitlock", "Workforce Development Manager", None)]),
    ("Rachel Dunmore (Associate Director of Nursing), Partnership Business Manager",
     [("Rachel Dunmore", "Associate Director of Nursing", None), (None, "Partnership Business Manager", None)]),
    ("Tom Price (Head of HR) and JW", [("Tom Price", "Head of HR", None), ("JW", None, None)]),
    ("RB, Designated Doctor for Children Looked After", [("RB", None, None), (None, "Designated Doctor for Children Looked After", None)]),
    ("SO, Quality Assurance Team, AA", [("SO", None, None), (None, "Quality Assurance Team", None), ("AA", None, None)]),
    # other separators: " | " and a markdown-escaped "\|", a markdown line-end backslash
    ("Jane Nair \\| Kestwick Safeguarding Children Partnership \\| Kestwick SEND Partnership Board",
     [("Jane Nair", None, None), (None, "Kestwick Safeguarding Children Partnership", None),
      (None, "Kestwick SEND Partnership Board", None)]),
    ("Fostering Service | Performance Team", [(None, "Fostering Service", None), (None, "Performance Team", None)]),
    ("Fiona Varley \\", [("Fiona Varley", None, None)]),
    # posts run together where a line break was lost
    ("Named Nurse Named Midwife", [(None, "Named Nurse", None), (None, "Named Midwife", None)]),
    ("Service Manager Designated LAC Professionals", [(None, "Service Manager", None), (None, "Designated LAC Professionals", None)]),
    ("Harriet Catterall Bethan Bell", [("Harriet Catterall", None, None), ("Bethan Bell", None, None)]),
    ("SENCO network Claire Ibbotson (Head of Early Help)",
     [(None, "SENCO network", None), ("Claire Ibbotson", "Head of Early Help", None)]),
    # Regression (scan-1 word-vmerge-lo, scans of seeds 4/5; their text layers too): one lead a
    # line in the Word cell, the PDF's lines read as one wrapped paragraph. A name (opening on
    # a forename) then a body, or a group's post; a body then a body or initials.
    ("Stuart Bell Marshford Parent Carer Forum", [("Stuart Bell", None, None), (None, "Marshford Parent Carer Forum", None)]),
    ("Kwame Hallam Commissioning Team", [("Kwame Hallam", None, None), (None, "Commissioning Team", None)]),
    ("Amir Royle Corporate Parenting Board Bethan Bell",
     [("Amir Royle", None, None), (None, "Corporate Parenting Board", None), ("Bethan Bell", None, None)]),
    ("Alison Ormerod MASH partners", [("Alison Ormerod", None, None), (None, "MASH partners", None)]),
    ("LA: Jane Rashid NHS Carrowby Integrated Care Board",
     [("Jane Rashid", None, "LA"), (None, "NHS Carrowby Integrated Care Board", None)]),
    ("Corporate Parenting Board Kestwick Community Health Services",
     [(None, "Corporate Parenting Board", None), (None, "Kestwick Community Health Services", None)]),
    ("MASH partners Lyndale Safeguarding Children Partnership",
     [(None, "MASH partners", None), (None, "Lyndale Safeguarding Children Partnership", None)]),
    ("Lyndale Safeguarding Children Partnership GO", [(None, "Lyndale Safeguarding Children Partnership", None), ("GO", None, None)]),
    # ... and what stays whole: a place read as a name, a person's own post, a body's board
    # or department, a body opening on a service-area word after another
    ("Tower Hamlets Safeguarding Children Partnership", [(None, "Tower Hamlets Safeguarding Children Partnership", None)]),
    ("Ruth Baker Team Manager", [(None, "Ruth Baker Team Manager", None)]),
    ("Youth Offending Service Management Board", [(None, "Youth Offending Service Management Board", None)]),
    ("Carrowby Council Learning and Development Service", [(None, "Carrowby Council Learning and Development Service", None)]),
    ("IRO Service Performance Team", [(None, "IRO Service Performance Team", None)]),
    ("MASH Team Manager, Corporate Parenting Board",  # draw-1 text-md-rec-headings: a post, then a body
     [(None, "MASH Team Manager", None), (None, "Corporate Parenting Board", None)]),
    # a name or post wrapped over two lines of a PDF cell is one
    ("Harriet\nCatterall", [("Harriet Catterall", None, None)]),
    ("Dr Duncan\nNair (Named Nurse)", [("Duncan Nair", "Named Nurse", None)]),
    ("Head of Service,\nChildren's Social Care", [(None, "Head of Service, Children's Social Care", None)]),
    ("Designated Doctor for\nChildren Looked After", [(None, "Designated Doctor for Children Looked After", None)]),
    ("Virtual School Head\nBrackfield Community Health Services",
     [(None, "Virtual School Head", None), (None, "Brackfield Community Health Services", None)]),
    # initials
    ("KS", [("KS", None, None)]),
    ("SW", [("SW", None, None)]),
    ("RB / MG", [("RB", None, None), ("MG", None, None)]),
    ("DR", [("DR", None, None)]),
    # several people
    ("Charlotte Burnham / Meg Boustead", [("Charlotte Burnham", None, None), ("Meg Boustead", None, None)]),
    ("Maureen Grieveson and Anne Brock", [("Maureen Grieveson", None, None), ("Anne Brock", None, None)]),
    ("Carole Atherton/Lorrae Rose", [("Carole Atherton", None, None), ("Lorrae Rose", None, None)]),
    ("", []),
    (None, []),
])
def test_parse_leads(raw, expected):
    assert people(raw) == expected


@pytest.mark.parametrize("raw,expected", [
    ("Dr Sandra Martin", [("Dr", "Sandra Martin", None, None)]),
    ("Cllr Ann Smith", [("Cllr", "Ann Smith", None, None)]),
    ("Prof. Jane Bell", [("Prof", "Jane Bell", None, None)]),
    ("Mrs Jo Hughes / Mr Tom Price", [("Mrs", "Jo Hughes", None, None), ("Mr", "Tom Price", None, None)]),
    ("Ms Kate Smith, Training Manager", [("Ms", "Kate Smith", "Training Manager", None)]),
    ("DCI Max Black (Northumbria Police)", [("DCI", "Max Black", None, "Northumbria Police")]),
    ("ICB: Dr Eleanor Catterall", [("Dr", "Eleanor Catterall", None, "ICB")]),
    ("CCG: Dr Amir Shah", [("Dr", "Amir Shah", None, "CCG")]),
    # Regression (draw-4 word-shading, draw-5 word-split-sections): an agency named by one word,
    # and two organisation-prefixed people in one cell split at the comma.
    ("Police: Priya Okafor", [(None, "Priya Okafor", None, "Police")]),
    ("LA: Harriet Tranter, Police: Darren Crowther",
     [(None, "Harriet Tranter", None, "LA"), (None, "Darren Crowther", None, "Police")]),
    ("HFT – Tariq Rashid, Police: Darren Crowther",
     [(None, "Tariq Rashid", None, "HFT"), (None, "Darren Crowther", None, "Police")]),
    ("Dr Owen Pennington (Designated Doctor for Children Looked After)",
     [("Dr", "Owen Pennington", "Designated Doctor for Children Looked After", None)]),
    # a title word alone, or before a post, is not a title
    ("Designated Dr", [(None, None, "Designated Dr", None)]),
])
def test_titles_are_kept_out_of_the_name(raw, expected):
    assert full(raw) == expected


def test_glossary_resolves_initials_and_keeps_the_rest():
    leads = resolve_initials(parse_leads("JH SMcL"), {"SMcL": "Shaun McLean (Head of Service)"})
    assert [(lead.name, lead.role) for lead in leads] == [("JH", None), ("Shaun McLean", "Head of Service")]
    assert [is_initials(lead) for lead in leads] == [True, False]


@pytest.mark.parametrize("cell,glossary,expected", [
    ("KM", {"KM": "Karen Moss, Head of Service"}, [("Karen Moss", "Head of Service", None)]),
    ("SM", {"SM": "Shona Madden"}, [("Shona Madden", None, None)]),
    ("SM, Commissioning Team", {"SM": "Shona Madden (Head of Service)"},
     [("Shona Madden", "Head of Service", None), (None, "Commissioning Team", None)]),
    ("HFT – JB", {"JB": "Jane Bell"}, [("Jane Bell", None, "HFT")]),
    ("NF (Service Manager)", {"NF": "Nik Flavell"}, [("Nik Flavell", "Service Manager", None)]),
    # a key line that defines several people, read as one glossary value
    ("TS, SM", {"RB": "Rajesh Brennan; SM = Shona Madden; TS = Tom Shah"},
     [("Tom Shah", None, None), ("Shona Madden", None, None)]),
    # initials the document defines as a body stay as written, but as a body
    ("SVS", {"SVS": "Sunderland Virtual School"}, [(None, "SVS", None)]),
])
def test_glossary_gives_name_and_role_apart(cell, glossary, expected):
    leads = resolve_initials(parse_leads(cell), glossary)
    assert [(lead.name, lead.role, lead.organisation) for lead in leads] == expected
    assert not any(is_initials(lead) for lead in leads)


@pytest.mark.parametrize("line,entry", [
    ("SMcL – Shaun McLean (Head of Service)", ("SMcL", "Shaun McLean (Head of Service)")),
    ("JH = Jo Hughes", ("JH", "Jo Hughes")),
    ("KS: Kate Smith, Training Manager", ("KS", "Kate Smith, Training Manager")),
    ("SM: Shona Madden (Head of Service)", ("SM", "Shona Madden (Head of Service)")),
    ("KM – Karen Moss, Head of Service", ("KM", "Karen Moss, Head of Service")),
    ("JH is Jo Hughes", ("JH", "Jo Hughes")),
    ("Recommendation No. 3 – for immediate improvement", None),
    ("Strengthen management oversight", None),
    ("HR – Children's Services to lead", None),
])
def test_glossary_lines_in_a_document(line, entry):
    assert glossary_entry(line) == entry


def test_a_key_line_with_several_definitions():
    line = "RB = Rajesh Brennan; SM = Shona Madden (Head of Service); WW – Wendy Whitlock, Team Manager"
    assert glossary_entries(line) == [
        ("RB", "Rajesh Brennan"), ("SM", "Shona Madden (Head of Service)"), ("WW", "Wendy Whitlock, Team Manager"),
    ]


def test_acronyms_a_document_defines():
    text = ("The Local Safeguarding Children Board (LSCB) and Sunderland Virtual School (SVS) will "
            "report to the Improvement Board (IB) quarterly (Q1).")
    assert acronym_definitions(text) == {
        "LSCB": "Local Safeguarding Children Board", "SVS": "Sunderland Virtual School", "IB": "Improvement Board",
    }


def test_a_users_vocabulary_file_extends_the_shipped_one(tmp_path: Path):
    extra = tmp_path / "mine.toml"
    extra.write_text('acronyms = ["CSLT"]\nbodies = ["taskforce"]\n', encoding="utf-8")
    vocabulary = load_vocabulary(extra=extra)
    assert people("Jane Bell CSLT") == [("Jane Bell", None, "CSLT")]  # unknown: the person's organisation
    assert people("Jane Bell CSLT", vocabulary) == [("Jane Bell", None, None), (None, "CSLT", None)]
    assert people("Principal Social Worker and Exploitation Taskforce", vocabulary) == [
        (None, "Principal Social Worker", None), (None, "Exploitation Taskforce", None),
    ]


def test_local_acronyms_are_not_shipped():
    shipped = load_vocabulary()
    assert not {"CSLT", "SVS", "MALAP", "CYPMT", "SLSCB"} & shipped.acronyms


def test_acronyms_a_document_defines_are_bodies_in_its_lead_cells():
    defined = acronym_definitions("Sunderland Virtual School (SVS) will audit PEPs; Jo Hughes (JH) leads.")
    assert defined == {"SVS": "Sunderland Virtual School"}
    assert people("SVS / JH") == [("SVS", None, None), ("JH", None, None)]
    vocabulary = load_vocabulary().with_acronyms(defined)
    assert people("SVS / JH", vocabulary) == [(None, "SVS", None), ("JH", None, None)]


def test_four_capitals_read_as_a_body_still_resolve_through_a_glossary():
    assert people("AHMS") == [(None, "AHMS", None)]
    leads = resolve_initials(parse_leads("AHMS"), {"AHMS": "Anna Hughes-Smith (Named GP)"})
    assert [(lead.name, lead.role) for lead in leads] == [("Anna Hughes-Smith", "Named GP")]


def test_cutting_a_cell_into_leads_leaves_no_reference_cycles():
    """Regression: the memoised search for a division was a recursive closure under
    lru_cache, a reference cycle per cell that only the cyclic collector freed."""
    import gc

    from actionplan.normalise.lead_cuts import lead_pieces
    from actionplan.normalise.lead_vocabulary import default_vocabulary

    segment = "Harriet Catterall Bethan Bell"
    vocabulary = default_vocabulary()
    lead_pieces(segment, vocabulary)  # anything loaded once is loaded now
    gc.collect()
    gc.disable()
    try:
        pieces = lead_pieces(segment, vocabulary)
        assert gc.collect() == 0
    finally:
        gc.enable()
    assert pieces == ["Harriet Catterall", "Bethan Bell"]  # the search ran and divided the cell
