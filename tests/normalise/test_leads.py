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
    ("", []),
    (None, []),
])
def test_parse_leads(raw, expected):
    assert people(raw) == expected
