import pytest

from actionplan.extract.markup import html_to_text, strip_markdown


@pytest.mark.parametrize("fragment,text", [
    ("<p><b>IMMEDIATE CDDFT</b> Ensure arrangements</p>", "IMMEDIATE CDDFT Ensure arrangements"),
    ("<p>One</p> <p>Two</p>", "One\nTwo"),
    ("Line one<br>Line two", "Line one\nLine two"),
    ("<ul> <li>First</li> <li>Second</li> </ul>", "• First\n• Second"),
    ('<ul style="list-style-type: none"> <li>• Already bulleted</li></ul>', "• Already bulleted"),
    ("<ol> <li>Improve the effectiveness</li> </ol>", "Improve the effectiveness"),
    ("the 25 <sup>th</sup> May 2012", "the 25th May 2012"),
    ("31<sup>st</sup> January 2012", "31st January 2012"),
    ("DMH A&amp;E", "DMH A&E"),
    ("  spaced   out  ", "spaced out"),
    ("a <!-- note --> b", "a b"),
    ("a <!-- never closed", "a <!-- never closed"),  # text, as an unclosed "<" is
    ("<!-- one --> x <!-- two", "x <!-- two"),
])
def test_html_to_text(fragment, text):
    assert html_to_text(fragment) == text


def test_strip_markdown():
    assert strip_markdown("**Action Plan:** Announced") == "Action Plan: Announced"
