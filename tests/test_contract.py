"""Tests of `contract`: the agreement as data."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from contract.text import SECTIONS, UnknownSection, clause_text, opening_words

EXPECTED_KEYS = (
    ["preamble", "1.1", "1.2", "2.1", "2.2", "3"]
    + [f"3.{n}" for n in range(1, 7)]
    + ["3.7", "3.7(a)", "3.7(b)"]
    + [f"3.{n}" for n in range(8, 20)]
    + ["4.1", "4.2", "4.3", "4.4", "5.1"]
    + [f"5.1({letter})" for letter in "abcdefgh"]
    + ["5.2"]
    + [f"5.2({letter})" for letter in "abcdef"]
    + ["6", "6.1"]
    + [f"6.1({letter})" for letter in "abcde"]
    + ["6.2", "6.2(a)", "6.2(a)(i)", "6.2(a)(ii)", "6.2(a)(iii)"]
    + ["6.2(b)", "6.2(b)(i)", "6.2(b)(ii)", "6.2(b)(iii)", "6.2(b)(iv)"]
    + ["6.3", "7.1", "7.2", "7.2(a)", "7.2(b)", "7.3", "8.1", "8.1(a)", "8.1(b)"]
    + ["8.2", "8.3", "8.4", "8.5", "8.6", "8.7", "8.7(a)", "8.7(b)", "8.8", "8.9"]
    + ["8.10", "8.10(a)", "8.10(b)", "8.11", "8.12", "8.13", "8.14", "8.15"]
    + ["signature page"]
)


def _raw() -> str:
    return resources.files("contract").joinpath("agreement.txt").read_text(encoding="utf-8")


def _words(text: str) -> str:
    return " ".join(text.split())


def _body_without_artifacts() -> str:
    """The body of the filing with page numbers, page markers and underlines dropped."""
    raw = _raw()
    body = raw[raw.index("THIS NOTE PURCHASE AGREEMENT") : raw.index("Schedules to the Note")]
    kept = [
        line
        for line in body.splitlines()
        if not re.fullmatch(r"\s*(\d+|-+)\s*", line)
    ]
    return _words(" ".join(kept))


# --- contract.text ---------------------------------------------------------


def test_sections_are_every_key_in_document_order() -> None:
    """SECTIONS lists every section, paragraph and opening of the agreement, in order."""
    assert list(SECTIONS) == EXPECTED_KEYS


def test_opinion_of_counsel_text_is_exact() -> None:
    """5.1(d) reads word for word as the agreement prints it."""
    assert clause_text("5.1(d)") == (
        "(d) OPINION OF COUNSEL. Nixon, Hargrave, Devans & Doyle LLP, counsel to the "
        "Company, shall have delivered to Purchaser its opinion in the form attached as "
        "SCHEDULE 8."
    )


def test_closing_date_text_is_exact() -> None:
    """2.1 reads word for word as the agreement prints it."""
    assert clause_text("2.1") == (
        '2.1 CLOSING DATE. Subject to the terms and conditions of this Agreement, the '
        'closing of the purchase and sale of the Notes (the "CLOSING") shall be held on '
        'October 27, 1997 (the "CLOSING DATE") or such other date as the parties may '
        "mutually agree upon in writing."
    )


def test_entire_agreement_text_is_exact() -> None:
    """8.4 reads word for word, page break before it dropped."""
    assert clause_text("8.4") == (
        "8.4 ENTIRE AGREEMENT; AMENDMENT. This Agreement and the other documents "
        "delivered pursuant hereto constitute the full and entire understanding and "
        "agreement between the parties with regard to the subject matter hereof and "
        "thereof and supersede all other prior agreements and understandings, written "
        "and oral, among any or all of the parties, with respect to the subject matter "
        "hereof. Neither this Agreement nor any term hereof may be amended, waived, "
        "discharged or terminated orally, but only by a written instrument signed by the "
        "Company and Purchaser."
    )


def test_subsidiaries_text_is_seamless_across_the_page_break() -> None:
    """3.3 reads word for word, running on across the page break after "makes"."""
    assert clause_text("3.3") == (
        "3.3 SUBSIDIARIES. The Company does not own or control, directly or indirectly, "
        "any interest or investment in any corporation, association or business entity, "
        "except as set forth on SCHEDULE 2 hereto. Each of the corporations listed on "
        "SCHEDULE 2 hereto of which the Company, as of the Closing Date, will own at least "
        "a majority of the outstanding capital stock as indicated on SCHEDULE 2 hereto "
        '(each, a "SUBSIDIARY" and, collectively, the "SUBSIDIARIES"), is a corporation '
        "duly organized, validly existing and in good standing under the laws of the "
        "jurisdiction of its incorporation. Each Subsidiary has all requisite corporate "
        "power and authority to own and operate its properties and assets, and to carry on "
        "its business as presently conducted. Each Subsidiary is qualified to do business "
        "and is in good standing as a foreign corporation in each jurisdiction in which the "
        "ownership, leasing or operation of its properties or the nature of its activities "
        "makes such qualification necessary, except where the failure to so qualify would "
        "not have a material adverse effect on the condition (financial or otherwise), "
        "properties, assets, business, or results of operations of such Subsidiary. "
        "Lexington Components, Inc., a Delaware corporation that is a Subsidiary of the "
        'Company ("LCI"), has all requisite corporate power and authority to execute and '
        'deliver its guarantee of the Notes (the "GUARANTEE")'
    )


def test_texts_have_normalised_whitespace() -> None:
    """No text has a line break, a doubled space or a leading or trailing space."""
    for section in SECTIONS:
        text = clause_text(section)
        assert text == _words(text), section
        assert text, section


def test_every_text_is_a_passage_of_the_agreement() -> None:
    """Each text is a contiguous passage of the body once page artifacts are dropped."""
    body = _body_without_artifacts()
    for section in SECTIONS:
        assert clause_text(section) in body, section


def test_numbered_sections_cover_the_body_in_order() -> None:
    """The preamble, openings, numbered sections and signature page tile the body."""
    tops = [s for s in SECTIONS if "(" not in s]
    joined = " ".join(clause_text(s) for s in tops)
    body = _body_without_artifacts()
    titles = re.compile(r"SECTION \d .*?(?=(?:The Company hereby|\d\.1 ))")
    stripped = titles.sub("", body)
    stripped = stripped.replace("NOTE PURCHASE AGREEMENT SIGNATURE PAGE ", "")
    assert _words(stripped) == joined


def test_section_with_paragraphs_holds_them_all() -> None:
    """The text of 5.1 is its opening words followed by the text of (a) to (h)."""
    parts = [f"5.1 CONDITIONS TO OBLIGATIONS OF PURCHASER. {opening_words('5.1')}"]
    parts += [clause_text(f"5.1({letter})") for letter in "abcdefgh"]
    assert clause_text("5.1") == " ".join(parts)


def test_opening_words_of_conditions_to_obligations_of_purchaser() -> None:
    """The opening words of 5.1 are the sentence before its paragraphs."""
    assert opening_words("5.1") == (
        "The obligations of Purchaser under this Agreement are, at the option of "
        "Purchaser, subject to the fulfillment of each of the following conditions:"
    )


def test_opening_words_of_sections_3_and_6() -> None:
    """Keys "3" and "6" hold the words that open sections 3 and 6."""
    assert clause_text("3") == "The Company hereby represents and warrants to Purchaser as follows:"
    assert clause_text("6") == (
        "The Company hereby covenants and agrees that from and after the Closing Date "
        "so long as any of the Notes shall remain outstanding:"
    )
    assert opening_words("6") == clause_text("6")


def test_opening_words_of_a_paragraph_drop_its_letter_and_heading() -> None:
    """The opening words of 5.1(d) start after "(d) OPINION OF COUNSEL."."""
    assert opening_words("5.1(d)").startswith("Nixon, Hargrave")
    assert opening_words("6.2(a)") == "The Company will afford to the Holders the following:"
    assert opening_words("6.2") == ""


def test_romanettes_of_additional_information_and_rights() -> None:
    """6.2(a)(ii) is the inspection right, and 6.2(b)(iv) runs on across the page break."""
    assert clause_text("6.2(a)(ii)").startswith(
        '(ii) Upon the occurrence and during the continuance of an "Event of Default"'
    )
    assert clause_text("6.2(b)(iv)").endswith(
        "customarily insured against by such entities and with such deductibles, "
        "self-insurance or coinsurance as is customary for entities engaged in the same "
        "or similar businesses similarly situated."
    )


def test_inline_first_paragraph_is_split_off() -> None:
    """3.7(a), 8.1(a) and 8.10(a) begin on their section's heading line."""
    assert clause_text("3.7(a)").startswith("(a) Except as set forth in paragraph 3.7(b)")
    assert clause_text("8.1") == " ".join(
        ["8.1 GOVERNING LAW; CONSENT TO FORUM.", clause_text("8.1(a)"), clause_text("8.1(b)")]
    )


def test_unknown_section_is_refused_with_its_key() -> None:
    """An unknown section raises UnknownSection, a KeyError naming the section."""
    with pytest.raises(UnknownSection) as caught:
        clause_text("9.1")
    assert caught.value.section == "9.1"
    assert isinstance(caught.value, KeyError)
    assert str(caught.value) == "unknown section: '9.1'"
    with pytest.raises(UnknownSection):
        opening_words("5.3")
