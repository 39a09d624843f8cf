import pytest

from actionplan.normalise.leads import parse_leads


def people(raw):
    return [(lead.name, lead.role, lead.organisation) for lead in parse_leads(raw)]


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
    ("Christine Walshaw / Tracy Potts SMT", [("Christine Walshaw", None, None), ("Tracy Potts", "SMT", None)]),
    ("DCI Max Black (Northumbria Police)", [("DCI Max Black", None, "Northumbria Police")]),
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
    # a bracket cut off by the page: kept whole as a post rather than guessed at
    ("Paula Gibbons (Manager :Fostering and Adoption Service", [(None, "Paula Gibbons (Manager :Fostering and Adoption Service", None)]),
    ("Lisa Summers (Head of Review and Development)", [("Lisa Summers", "Head of Review and Development", None)]),
    ("Jenni Cooke (Assistant Director)", [("Jenni Cooke", "Assistant Director", None)]),
    ("Sue Williams", [("Sue Williams", None, None)]),
    ("Dr Sandra Martin", [("Dr Sandra Martin", None, None)]),
    ("Cllr Ann Smith", [("Cllr Ann Smith", None, None)]),
    # posts and teams without a name are valid leads
    ("Strategic Safeguarding Lead", [(None, "Strategic Safeguarding Lead", None)]),
    ("Named Nurse / Named Doctor", [(None, "Named Nurse", None), (None, "Named Doctor", None)]),
    ("Head of Service", [(None, "Head of Service", None)]),
    ("All Service Managers", [(None, "All Service Managers", None)]),
    ("Designated Nurse LAC", [(None, "Designated Nurse LAC", None)]),
    ("Contract Manager", [(None, "Contract Manager", None)]),
    ("SMT", [(None, "SMT", None)]),
    ("SSCB", [(None, "SSCB", None)]),
    ("Meg Boustead / SMT", [("Meg Boustead", None, None), (None, "SMT", None)]),
    # organisations
    ("DBC – Nik Flavell (Service Manager)", [("Nik Flavell", "Service Manager", "DBC")]),
    ("CT – Mel Brown", [("Mel Brown", None, "CT")]),
    ("Sarah St Pierre", [("Sarah St Pierre", None, None)]),
    # initials
    ("KS", [("KS", None, None)]),
    ("SW", [("SW", None, None)]),
    ("RB / MG", [("RB", None, None), ("MG", None, None)]),
    # several people
    ("Charlotte Burnham / Meg Boustead", [("Charlotte Burnham", None, None), ("Meg Boustead", None, None)]),
    ("Maureen Grieveson and Anne Brock", [("Maureen Grieveson", None, None), ("Anne Brock", None, None)]),
    ("Carole Atherton/Lorrae Rose", [("Carole Atherton", None, None), ("Lorrae Rose", None, None)]),
    ("", []),
    (None, []),
])
def test_parse_leads(raw, expected):
    assert people(raw) == expected


def test_glossary_resolves_initials_and_keeps_the_rest():
    from actionplan.normalise.leads import is_initials, resolve_initials

    leads = resolve_initials(parse_leads("JH SMcL"), {"SMcL": "Shaun McLean (Head of Service)"})
    assert [(lead.name, lead.role) for lead in leads] == [("JH", None), ("Shaun McLean", "Head of Service")]
    assert [is_initials(lead) for lead in leads] == [True, False]


@pytest.mark.parametrize("line,entry", [
    ("SMcL – Shaun McLean (Head of Service)", ("SMcL", "Shaun McLean (Head of Service)")),
    ("JH = Jo Hughes", ("JH", "Jo Hughes")),
    ("KS: Kate Smith, Training Manager", ("KS", "Kate Smith, Training Manager")),
    ("Recommendation No. 3 – for immediate improvement", None),
    ("Strengthen management oversight", None),
])
def test_glossary_lines_in_a_document(line, entry):
    from actionplan.normalise.leads import glossary_entry

    assert glossary_entry(line) == entry
