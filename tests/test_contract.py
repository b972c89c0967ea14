"""Tests of `contract`: the agreement as data."""

from __future__ import annotations

import ast
import json
import re
from datetime import date, timedelta
from decimal import Decimal
from importlib import resources
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contract._parse import agreement
from contract.clauses import (
    CLAUSES,
    Clause,
    agreements_of,
    clause,
    head_of,
    representations_of,
    whose_representation,
)
from contract.conditions import CONDITIONS, PRE_CLOSING, SETTLEMENT, Condition, condition
from contract.parties import PARTIES_1997, Address, Party
from contract.printable import BIDI_CONTROLS
from contract.terms import (
    ASSUMED,
    BUSINESS_DAYS,
    DAY_COUNTS,
    DEFAULT_TERMS,
    STUBS,
    DealTerms,
    NoteTerms,
    TermsError,
    TermSheet,
    dump_toml,
    load_terms,
    terms_from_dict,
    terms_to_dict,
)
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


# --- the package -----------------------------------------------------------


def test_contract_imports_nothing_from_engine_storage_or_features() -> None:
    """No module of contract imports engine, storage or features."""
    import contract

    for path in Path(contract.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                assert name.split(".")[0] not in {"engine", "storage", "features"}, path


def test_package_exports_its_public_names() -> None:
    """contract re-exports the public names of its modules in __all__."""
    import contract

    for name in contract.__all__:
        assert hasattr(contract, name), name
    assert {"clause_text", "CLAUSES", "CONDITIONS", "TermSheet", "load_terms"} <= set(
        contract.__all__
    )


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


# --- contract.clauses ------------------------------------------------------


def test_every_section_has_its_clause() -> None:
    """CLAUSES holds one Clause per key of SECTIONS, in the same order, with its text."""
    assert list(CLAUSES) == list(SECTIONS)
    for section, item in CLAUSES.items():
        assert item.section == section
        assert item.text == clause_text(section)
        assert clause(section) is item


def test_titles_and_counterparts_are_not_operative() -> None:
    """8.11 and 8.14 are listed as non-operative, each with its reason; nothing else is."""
    assert clause("8.11") == Clause(
        section="8.11",
        heading="Titles",
        text=clause_text("8.11"),
        operative=False,
        why_not_operative=(
            "the titles are for convenience of reference only and are not to be "
            "considered in construing this Agreement"
        ),
        parent=None,
    )
    assert clause("8.14").operative is False
    assert clause("8.14").why_not_operative == (
        "execution in counterparts has no effect on the parties' rights once the "
        "agreement is signed"
    )
    assert [s for s, c in CLAUSES.items() if not c.operative] == ["8.11", "8.14"]
    assert all(c.why_not_operative is None for c in CLAUSES.values() if c.operative)


def test_numbered_headings_follow_the_table_of_contents() -> None:
    """Numbered sections take the TOC's capitalisation of the heading the body prints."""
    assert clause("3.6").heading == "Litigation, etc."
    assert clause("3.1").heading == (
        "Organization and Standing; Certificate of Incorporation and By-laws"
    )
    assert clause("6.3").heading == "Obligations Upon Merger or Consolidation"
    assert clause("8.14").heading == "Counterparts"
    for unit in agreement().units:
        if re.fullmatch(r"\d\.\d+", unit.key):
            assert clause(unit.key).heading.upper().rstrip(".") == (
                unit.printed_heading.rstrip(".")
            ), unit.key


def test_paragraph_headings_are_title_cased() -> None:
    """Paragraphs whose body prints a heading in capitals have it in title case."""
    assert clause("5.1(a)").heading == "Representations, Etc."
    assert clause("5.1(b)").heading == "Officer's Certificate"
    assert clause("5.1(c)").heading == "Notes; Guarantee"
    assert clause("5.1(d)").heading == "Opinion of Counsel"
    assert clause("5.2(c)").heading == "Purchase Price"


def test_openings_take_their_section_title() -> None:
    """The openings of sections 3 and 6 are headed with their section's title."""
    assert clause("3").heading == "Representations and Warranties of the Company"
    assert clause("6").heading == "Covenants of the Company"


def test_unheaded_paragraphs_have_a_written_heading() -> None:
    """Every clause has a heading, including those the agreement prints none for."""
    assert clause("6.1(a)").heading == "Annual Financial Statements"
    assert clause("6.2(a)(ii)").heading == "Inspection of Properties"
    assert clause("signature page").heading == "Signature Page"
    assert all(c.heading for c in CLAUSES.values())


def test_parents_link_paragraphs_to_their_section() -> None:
    """A paragraph's parent is the piece it sits in; 3.x and 6.x sit under the openings."""
    assert clause("5.1(d)").parent == "5.1"
    assert clause("6.2(a)(ii)").parent == "6.2(a)"
    assert clause("6.2(a)").parent == "6.2"
    assert clause("3.6").parent == "3"
    assert clause("6.1").parent == "6"
    assert clause("4.1").parent is None
    assert clause("5.1").parent is None
    for item in CLAUSES.values():
        assert item.parent is None or item.parent in CLAUSES


def test_head_of_a_paragraph_is_its_numbered_section() -> None:
    """head_of strips paragraph letters and romanettes from a key."""
    assert head_of("5.1(d)") == "5.1"
    assert head_of("6.2(a)(ii)") == "6.2"
    assert head_of("8.10(b)") == "8.10"
    assert head_of("5.1") == "5.1"
    assert head_of("preamble") == "preamble"


def test_clause_refuses_an_unknown_section() -> None:
    """clause raises UnknownSection for a key the agreement does not have."""
    with pytest.raises(UnknownSection) as caught:
        clause("5.1(i)")
    assert caught.value.section == "5.1(i)"


def test_representations_of_each_party() -> None:
    """The Company represents in 3.1-3.19 and 8.7(a), the Purchaser in 4.1-4.4 and 8.7(b)."""
    assert representations_of("company") == (*(f"3.{n}" for n in range(1, 20)), "8.7(a)")
    assert representations_of("purchaser") == ("4.1", "4.2", "4.3", "4.4", "8.7(b)")
    assert representations_of("guarantor") == ()


def test_agreements_of_each_party() -> None:
    """Each party's covenants and agreements are the sections that bind it to act."""
    assert agreements_of("company") == (
        "1.1", "1.2", "2.1", "2.2", "6", "6.1", "6.2", "6.3", "7.2(a)", "7.2(b)", "7.3",
        "8.7(a)", "8.9", "8.10(a)", "8.13")
    assert agreements_of("purchaser") == (
        "1.2", "2.1", "2.2", "4.3", "7.1", "7.3", "8.7(b)", "8.8", "8.9", "8.10(b)", "8.13")
    assert agreements_of("guarantor") == ()


#: The words by which a party undertakes to do, or not to do, something.
UNDERTAKING = re.compile(r"\b(shall|will|agrees?|covenants)\b")


def undertakings_unlisted(agreements: dict[str, tuple[str, ...]]) -> list[str]:
    """The operative sections whose own words say "shall", "will", "agree(s)" or
    "covenants" and that are neither a representation, nor (with a section above them)
    an agreement of a party in `agreements`, nor listed as binding no party to act."""
    from contract import not_an_agreement

    listed = {section for sections in agreements.values() for section in sections}
    found = []
    for section in SECTIONS:
        if not clause(section).operative or whose_representation(section) is not None:
            continue
        words = clause_text(section) if section == "preamble" else opening_words(section)
        if not UNDERTAKING.search(words) or not_an_agreement(section) is not None:
            continue
        line = [section]
        while clause(line[-1]).parent is not None:
            line.append(clause(line[-1]).parent or "")
        if not listed.intersection(line):
            found.append(section)
    return found


def test_every_shall_agrees_and_covenants_of_a_party_is_an_agreement_of_it() -> None:
    """Issue 9 item 6: no section that binds a party to act is left out of the lists."""
    lists = {role: agreements_of(role) for role in ("company", "purchaser")}
    assert undertakings_unlisted(lists) == []


def test_the_audit_finds_an_agreement_left_out() -> None:
    """The check fails when 7.2(b) ("the Company shall issue an instrument without such
    legend") and 7.3 ("agrees to comply") are left out, as they once were."""
    lists = {role: tuple(s for s in agreements_of(role) if s not in ("7.2(b)", "7.3"))
             for role in ("company", "purchaser")}
    assert undertakings_unlisted(lists) == ["7.2(b)", "7.3"]


def test_sections_that_bind_no_party_say_why() -> None:
    """The conditions of section 5 and 8.2, 8.3, 8.5, 8.6, 8.12, 8.15 say "shall" of no
    party's act; each is listed with its reason, and none is also an agreement."""
    from contract import not_an_agreement

    condition_reason = not_an_agreement("5.1(b)")
    assert condition_reason is not None
    assert condition_reason.startswith("a condition, not a promise")
    assert not_an_agreement("8.3") == ("it says whom the provisions bind (successors and "
                                       "assigns), not what they do")
    assert not_an_agreement("7.2(b)") is None
    every = set(agreements_of("company")) | set(agreements_of("purchaser"))
    assert not [s for s in SECTIONS if s in every and not_an_agreement(s) is not None]


def test_representations_and_agreements_cite_the_agreement() -> None:
    """Each listed section holds the words quoted as the reason it is listed."""
    from contract.clauses import _AGREEMENTS, _REPRESENTATIONS

    for table in (_AGREEMENTS, _REPRESENTATIONS):
        for entries in table.values():
            for section, words in entries:
                holder = clause_text(section) + " " + clause_text(
                    clause(head_of(section)).parent or head_of(section)
                )
                assert words in holder, (section, words)


def test_unknown_role_is_refused() -> None:
    """A role other than company, purchaser or guarantor is a ValueError."""
    with pytest.raises(ValueError, match="unknown role 'bank'"):
        representations_of("bank")
    with pytest.raises(ValueError):
        agreements_of("Company")


def test_whose_representation_a_section_is() -> None:
    """whose_representation names the representing party, counting paragraphs as theirs."""
    assert whose_representation("3.6") == "company"
    assert whose_representation("3.7(b)") == "company"
    assert whose_representation("4.1") == "purchaser"
    assert whose_representation("8.7(a)") == "company"
    assert whose_representation("8.7(b)") == "purchaser"
    assert whose_representation("8.7") is None
    assert whose_representation("6.1") is None
    assert whose_representation("3") is None
    assert whose_representation("9.9") is None


# --- contract.parties ------------------------------------------------------


def test_parties_of_1997() -> None:
    """The 1997 parties are the Company, the Purchaser and LCI, with their 8.5 addresses."""
    assert list(PARTIES_1997) == ["company", "purchaser", "guarantor"]
    company = PARTIES_1997["company"]
    assert company == Party(
        role="company",
        name="Lexington Precision Corporation",
        defined_term="the Company",
        jurisdiction="Delaware",
        address=Address(
            name="Lexington Precision Corporation",
            lines=("767 Third Avenue", "29th Floor", "New York, New York 10017-2023"),
            attention="President",
            fax="(212) 319-4659",
        ),
        copies=(
            Address(
                name="Nixon, Hargrave, Devans & Doyle LLP",
                lines=("437 Madison Avenue", "New York, New York 10022"),
                attention="Richard F. Langan, Jr.",
                fax="(212) 940-3740",
            ),
        ),
        signatory="Warren Delano",
        title="President",
    )
    purchaser = PARTIES_1997["purchaser"]
    assert purchaser.name == "Nomura Holding America, Inc."
    assert purchaser.defined_term == "Purchaser"
    assert purchaser.address is not None
    assert purchaser.address.attention == "Mr. Thomas Fuller"
    assert purchaser.copies[0].name == "Robinson, Silverman, Pearce, Aronsohn & Berman LLP"
    assert (purchaser.signatory, purchaser.title) == ("Dennis Dolan", "Managing Director")
    guarantor = PARTIES_1997["guarantor"]
    assert (guarantor.name, guarantor.defined_term, guarantor.address) == (
        "Lexington Components, Inc.", "LCI", None
    )


def _address_text(address: Address) -> str:
    return " ".join(
        [address.name, *address.lines, f"Attention: {address.attention}",
         f"Facsimile: {address.fax}"]
    )


def test_notice_addresses_are_as_section_8_5_prints_them() -> None:
    """Each address and copy recipient appears, line for line, in 8.5."""
    notices = clause_text("8.5")
    company, purchaser = PARTIES_1997["company"], PARTIES_1997["purchaser"]
    for heading, party in (("If to the Company:", company), ("If to Purchaser:", purchaser)):
        assert party.address is not None
        copy = party.copies[0]
        assert (
            f"{heading} {_address_text(party.address)} with a copy to: {_address_text(copy)}"
            in notices
        )


def test_parties_are_named_as_the_agreement_names_them() -> None:
    """Names, jurisdictions, defined terms and signatories appear in the agreement."""
    preamble, subsidiaries = clause_text("preamble"), clause_text("3.3")
    signatures = clause_text("signature page")
    assert (
        'Lexington Precision Corporation, a Delaware corporation (the "COMPANY")' in preamble
    )
    assert 'Nomura Holding America, Inc., a Delaware corporation ("PURCHASER")' in preamble
    assert 'Lexington Components, Inc., a Delaware corporation that is a Subsidiary of the ' \
        'Company ("LCI")' in subsidiaries
    for role in ("company", "purchaser"):
        party = PARTIES_1997[role]
        assert f"{party.name.upper()} By: /s/ {party.signatory} {party.signatory} " \
            f"{party.title}" in signatures
    for party in PARTIES_1997.values():
        assert party.defined_term.removeprefix("the ").upper() in (
            preamble + subsidiaries
        ).upper()


# --- contract.conditions ---------------------------------------------------


def test_conditions_table() -> None:
    """Each condition of 5.1 and 5.2 has its kind, deliverers and waivability."""
    table = [(c.section, c.protects, c.kind, c.delivered_by, c.waivable) for c in CONDITIONS]
    company, purchaser, both = ("company",), ("purchaser",), ("company", "purchaser")
    assert table == [
        ("5.1(a)", "purchaser", "absence", (), True),
        ("5.1(b)", "purchaser", "delivery", company, True),
        ("5.1(c)", "purchaser", "settlement", (), False),
        ("5.1(d)", "purchaser", "delivery", company, True),
        ("5.1(e)", "purchaser", "absence", (), True),
        ("5.1(f)", "purchaser", "delivery", both, True),
        ("5.1(g)", "purchaser", "settlement", (), True),
        ("5.1(h)", "purchaser", "absence", (), True),
        ("5.2(a)", "company", "absence", (), True),
        ("5.2(b)", "company", "delivery", purchaser, True),
        ("5.2(c)", "company", "settlement", (), False),
        ("5.2(d)", "company", "absence", (), True),
        ("5.2(e)", "company", "delivery", both, True),
        ("5.2(f)", "company", "absence", (), True),
    ]


def test_condition_headings_are_the_clause_headings() -> None:
    """A condition is headed as its paragraph is."""
    assert condition("5.1(d)").heading == "Opinion of Counsel"
    assert condition("5.1(d)") == Condition(
        section="5.1(d)",
        protects="purchaser",
        kind="delivery",
        delivered_by=("company",),
        waivable=True,
    )
    for item in CONDITIONS:
        assert item.heading == clause(item.section).heading


def test_pre_closing_and_settlement_split_the_conditions() -> None:
    """PRE_CLOSING and SETTLEMENT partition the conditions, each in the agreement's order."""
    assert SETTLEMENT == ("5.1(c)", "5.1(g)", "5.2(c)")
    assert PRE_CLOSING == (
        "5.1(a)", "5.1(b)", "5.1(d)", "5.1(e)", "5.1(f)", "5.1(h)",
        "5.2(a)", "5.2(b)", "5.2(d)", "5.2(e)", "5.2(f)",
    )


def test_condition_refuses_a_section_that_is_no_condition() -> None:
    """condition raises UnknownSection for 5.1 itself or any non-condition key."""
    for section in ("5.1", "5.3(a)", "6.1(a)"):
        with pytest.raises(UnknownSection) as caught:
            condition(section)
        assert caught.value.section == section


# --- contract.terms --------------------------------------------------------


def test_default_terms_are_the_1997_deal() -> None:
    """The default term sheet holds the amounts and dates of 1.1, 2.1 and 2.2."""
    assert DEFAULT_TERMS.deal == DealTerms(
        closing_date=date(1997, 10, 27),
        purchase_price=Decimal("7500000.00"),
        transaction_fee=Decimal("75000.00"),
    )
    assert DEFAULT_TERMS.notes == NoteTerms(
        principal=Decimal("7500000.00"),
        rate=Decimal("0.105"),
        issue_date=date(1997, 10, 27),
        maturity=date(2000, 2, 1),
        first_interest_date=date(1998, 2, 1),
        cycle_anchor=None,
        interest_cycle="6M",
        stub="short",
        day_count="30/360",
        business_days="new-york",
    )
    assert DEFAULT_TERMS.parties == PARTIES_1997
    assert TermSheet() == DEFAULT_TERMS


def test_stated_terms_appear_in_the_agreement() -> None:
    """Principal, rate, maturity, price, Closing Date and fee are the agreement's own."""
    assert "$7,500,000 aggregate principal amount" in clause_text("1.1")
    assert "10 1/2% Senior Unsecured Notes due February 1, 2000" in clause_text("1.1")
    assert "purchase price of $7,500,000.00" in clause_text("1.1")
    assert "shall be held on October 27, 1997" in clause_text("2.1")
    assert "a fee in the amount of $75,000" in clause_text("2.2")


def test_assumed_terms_are_those_of_schedule_1() -> None:
    """ASSUMED marks exactly the payment conventions that come from the omitted Schedule 1."""
    assert dict(ASSUMED) == {
        f"notes.{key}": "Schedule 1 (Form of Note) was omitted from the filing: ASSUMED"
        for key in (
            "first_interest_date",
            "cycle_anchor",
            "interest_cycle",
            "stub",
            "day_count",
            "business_days",
            "prepayment",
            "default_rate",
        )
    }


def test_empty_term_sheet_is_the_1997_deal() -> None:
    """A term sheet that says nothing keeps every 1997 value."""
    assert load_terms("") == DEFAULT_TERMS


def test_term_sheet_keeps_what_it_leaves_out() -> None:
    """A key given replaces its 1997 value; every other key keeps it."""
    terms = load_terms(
        """
        [notes]
        rate = "0.0925"
        day_count = "ACT/360"

        [parties.company.address]
        fax = "(212) 555-0100"
        """
    )
    assert terms.notes == attrs.evolve(
        DEFAULT_TERMS.notes, rate=Decimal("0.0925"), day_count="ACT/360"
    )
    assert terms.deal == DEFAULT_TERMS.deal
    company = PARTIES_1997["company"]
    assert company.address is not None
    assert terms.parties["company"] == attrs.evolve(
        company, address=attrs.evolve(company.address, fax="(212) 555-0100")
    )
    assert terms.parties["purchaser"] == PARTIES_1997["purchaser"]


def test_term_sheet_takes_dates_and_numbers_in_either_form() -> None:
    """Dates may be TOML dates or strings; amounts and rates may be strings or numbers."""
    as_strings = load_terms(
        """
        [deal]
        closing_date = "1997-10-28"
        purchase_price = "7400000"
        [notes]
        rate = "0.1"
        """
    )
    as_values = load_terms(
        """
        [deal]
        closing_date = 1997-10-28
        purchase_price = 7400000.00
        [notes]
        rate = 0.1
        """
    )
    assert as_strings == as_values
    assert as_values.deal.closing_date == date(1997, 10, 28)
    assert str(as_values.deal.purchase_price) == "7400000.00"
    assert as_values.notes.rate == Decimal("0.1")


def test_term_sheet_can_name_a_new_deal() -> None:
    """Another deal's parties, amounts, dates and conventions can all be given."""
    terms = load_terms(
        """
        [deal]
        closing_date = 2026-03-02
        purchase_price = "9900000.00"
        transaction_fee = "99000.00"

        [notes]
        principal = "10000000.00"
        rate = "0.0875"
        issue_date = 2026-03-02
        maturity = 2031-03-31
        first_interest_date = 2026-06-30
        cycle_anchor = 2026-03-31
        interest_cycle = "3M"
        stub = "long"
        day_count = "ACT/ACT"
        business_days = "weekends"

        [parties.guarantor]
        name = "Acme Holdings LLC"
        defined_term = "Guarantor"
        signatory = "Jane Roe"
        title = "Manager"

        [parties.guarantor.address]
        name = "Acme Holdings LLC"
        lines = ["1 Main Street", "Springfield"]

        [[parties.purchaser.copies]]
        name = "Counsel LLP"
        lines = ["2 Side Street"]
        attention = "A. Lawyer"
        fax = ""
        """
    )
    assert terms.notes.cycle_anchor == date(2026, 3, 31)
    guarantor = terms.parties["guarantor"]
    assert guarantor.address is not None
    assert (guarantor.address.attention, guarantor.address.fax) == ("", "")
    assert guarantor.jurisdiction == "Delaware"
    assert [copy.name for copy in terms.parties["purchaser"].copies] == ["Counsel LLP"]
    assert load_terms(dump_toml(terms)) == terms


def test_terms_round_trip_through_a_dict() -> None:
    """terms_from_dict reads back exactly what terms_to_dict wrote, through JSON."""
    data = terms_to_dict(DEFAULT_TERMS)
    assert data["deal"] == {
        "closing_date": "1997-10-27",
        "purchase_price": "7500000.00",
        "transaction_fee": "75000.00",
    }
    assert data["notes"]["rate"] == "0.105"
    assert data["notes"]["cycle_anchor"] is None
    assert data["parties"]["guarantor"]["address"] is None
    assert terms_from_dict(json.loads(json.dumps(data))) == DEFAULT_TERMS


def test_terms_round_trip_through_toml() -> None:
    """load_terms reads back exactly what dump_toml wrote."""
    assert load_terms(dump_toml(DEFAULT_TERMS)) == DEFAULT_TERMS


def test_dumped_toml_marks_assumed_terms() -> None:
    """Each assumed key is written with the Schedule 1 note beside it."""
    text = dump_toml(DEFAULT_TERMS)
    assert 'day_count = "30/360"  # Schedule 1 (Form of Note) was omitted from the filing: ' \
        "ASSUMED" in text
    assert 'principal = "7500000.00"\n' in text


def test_stored_terms_must_be_complete() -> None:
    """terms_from_dict refuses a dict with a key missing, rather than fill it from 1997."""
    data = terms_to_dict(DEFAULT_TERMS)
    del data["notes"]["stub"]
    with pytest.raises(TermsError) as caught:
        terms_from_dict(data)
    assert caught.value.field == "notes.stub"
    assert str(caught.value) == "terms: notes.stub: missing"


def test_term_sheet_checks_direct_construction() -> None:
    """A TermSheet built in code is checked as a loaded one is."""
    with pytest.raises(TermsError) as caught:
        attrs.evolve(DEFAULT_TERMS.notes, day_count="30/365")
    assert caught.value.field == "notes.day_count"
    with pytest.raises(TermsError) as caught:
        TermSheet(deal=DealTerms(closing_date=date(2000, 2, 2)))
    assert caught.value.field == "deal.closing_date"
    company = attrs.evolve(PARTIES_1997["company"], address=None)
    with pytest.raises(TermsError) as caught:
        TermSheet(parties={**PARTIES_1997, "company": company})
    assert caught.value.field == "parties.company.address"


REFUSALS = [
    ("not toml", "[notes\n", "terms"),
    ("unknown table", "[fees]\nrate = 1", "fees"),
    ("unknown key", "[notes]\ncoupon = 1", "notes.coupon"),
    ("unknown party", "[parties.bank]\nname = 'X'", "parties.bank"),
    ("unknown party key", "[parties.company]\nemail = 'x'", "parties.company.email"),
    ("unknown address key", "[parties.company.address]\nzip = 1", "parties.company.address.zip"),
    ("table not a table", "notes = 5", "notes"),
    ("wrong type string", "[notes]\nday_count = 30", "notes.day_count"),
    ("wrong type lines", "[parties.company.address]\nlines = 'x'", "parties.company.address.lines"),
    ("wrong type line", "[parties.company.address]\nlines = [1]",
     "parties.company.address.lines[0]"),
    ("copy missing name", "[[parties.company.copies]]\nlines = []",
     "parties.company.copies[0].name"),
    ("date format", "[deal]\nclosing_date = '10/27/1997'", "deal.closing_date"),
    ("date not on calendar", "[notes]\nmaturity = '2000-02-30'", "notes.maturity"),
    ("date-time for date", "[notes]\nissue_date = 1997-10-27T10:00:00", "notes.issue_date"),
    ("boolean for money", "[deal]\npurchase_price = true", "deal.purchase_price"),
    ("money not decimal", "[deal]\npurchase_price = '7,500,000'", "deal.purchase_price"),
    ("money three decimals", "[deal]\ntransaction_fee = '75000.001'", "deal.transaction_fee"),
    ("money negative", "[notes]\nprincipal = '-1.00'", "notes.principal"),
    ("money zero", "[deal]\ntransaction_fee = 0", "deal.transaction_fee"),
    ("money too large", "[notes]\nprincipal = '1000000000000.01'", "notes.principal"),
    ("rate one", "[notes]\nrate = '1'", "notes.rate"),
    ("rate negative", "[notes]\nrate = -0.01", "notes.rate"),
    ("rate percent", "[notes]\nrate = '10.5%'", "notes.rate"),
    ("cycle zero", "[notes]\ninterest_cycle = '0M'", "notes.interest_cycle"),
    ("cycle weeks", "[notes]\ninterest_cycle = '2W'", "notes.interest_cycle"),
    ("stub", "[notes]\nstub = 'medium'", "notes.stub"),
    ("day count", "[notes]\nday_count = '30/365'", "notes.day_count"),
    ("business days", "[notes]\nbusiness_days = 'london'", "notes.business_days"),
    ("issue after first interest", "[notes]\nissue_date = 1998-02-01",
     "notes.first_interest_date"),
    ("first interest after maturity", "[notes]\nfirst_interest_date = 2000-08-01",
     "notes.first_interest_date"),
    ("anchor after first interest", "[notes]\ncycle_anchor = 1998-02-02", "notes.cycle_anchor"),
    ("first interest off cycle", "[notes]\ncycle_anchor = 1997-09-01",
     "notes.first_interest_date"),
    ("closing after maturity", "[deal]\nclosing_date = 2000-02-02", "deal.closing_date"),
    ("empty name", "[parties.purchaser]\nname = ' '", "parties.purchaser.name"),
]


@pytest.mark.parametrize(
    ("text", "field"), [(text, field) for _, text, field in REFUSALS],
    ids=[name for name, _, _ in REFUSALS],
)
def test_term_sheet_refusal_names_the_key(text: str, field: str) -> None:
    """A term sheet that does not fit is refused with a one-line error naming the key."""
    with pytest.raises(TermsError) as caught:
        load_terms(text)
    error = caught.value
    assert error.field == field
    assert isinstance(error, ValueError)
    # A fault of the whole file names `terms` once ("terms: not valid TOML: ...").
    named = "" if field == "terms" else f"{field}: "
    assert str(error) == f"terms: {named}{error.message}"
    assert "\n" not in str(error)


def test_first_interest_date_on_the_anchor_cycle_is_accepted() -> None:
    """An anchor a whole number of cycles before the first interest date is accepted."""
    terms = load_terms("[notes]\ncycle_anchor = 1997-08-01")
    assert terms.notes.cycle_anchor == date(1997, 8, 1)
    month_end = load_terms(
        "[notes]\ncycle_anchor = 1998-01-31\nfirst_interest_date = 1998-03-31\n"
        "interest_cycle = '1M'\nissue_date = 1998-01-15"
    )
    assert month_end.notes.first_interest_date == date(1998, 3, 31)


# --- property: round trips -------------------------------------------------

#: Text a term sheet may hold: no control characters (contract.printable).
_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Zl", "Zp"),
                                       exclude_characters="".join(BIDI_CONTROLS)),
                max_size=12)
_name = _text.filter(lambda value: bool(value.strip()))
_money = st.decimals(
    min_value=Decimal("0.01"), max_value=Decimal(10) ** 12, places=2,
    allow_nan=False, allow_infinity=False,
)
_addresses = st.builds(
    Address, name=_name, lines=st.lists(_text, max_size=3).map(tuple), attention=_text, fax=_text
)


@st.composite
def _term_sheets(draw: st.DrawFn) -> TermSheet:
    cycle = draw(st.sampled_from(["1M", "2M", "3M", "6M", "12M", "1Y", "2Y"]))
    months = int(cycle[:-1]) * (12 if cycle.endswith("Y") else 1)
    # up to 8 years of cycles and 11 more to maturity: every date stays in 1900-2100
    anchor = draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2080, 12, 31)))
    steps = draw(st.integers(min_value=0, max_value=4))
    total = anchor.month - 1 + steps * months
    year, month = anchor.year + total // 12, total % 12 + 1
    last_day = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    first = date(year, month, min(anchor.day, last_day))
    issue = first - timedelta(days=draw(st.integers(min_value=1, max_value=400)))
    # Term sheets' dates lie in 1900-2100 (issue 10 item 5).
    maturity = min(first + timedelta(days=draw(st.integers(min_value=0, max_value=4000))),
                   date(2100, 11, 30))
    closing = maturity - timedelta(days=draw(st.integers(min_value=0, max_value=4000)))
    notes = NoteTerms(
        principal=draw(_money),
        rate=draw(st.decimals(min_value=0, max_value=Decimal("0.999999"), places=6)),
        issue_date=issue,
        maturity=maturity,
        first_interest_date=first,
        cycle_anchor=draw(st.sampled_from([None, anchor])),
        interest_cycle=cycle,
        stub=draw(st.sampled_from(STUBS)),
        day_count=draw(st.sampled_from(DAY_COUNTS)),
        business_days=draw(st.sampled_from(BUSINESS_DAYS)),
    )
    deal = DealTerms(closing_date=closing, purchase_price=draw(_money),
                     transaction_fee=draw(_money))

    def party(role: str, signs: bool) -> Party:
        return Party(
            role=role,
            name=draw(_name),
            defined_term=draw(_name),
            jurisdiction=draw(_name),
            address=draw(_addresses if signs else st.none() | _addresses),
            copies=tuple(draw(st.lists(_addresses, max_size=2))),
            signatory=draw(_name if signs else st.none() | _name),
            title=draw(_name if signs else st.none() | _name),
        )

    parties = {
        "company": party("company", True),
        "purchaser": party("purchaser", True),
        "guarantor": party("guarantor", False),
    }
    return TermSheet(deal=deal, notes=notes, parties=parties)


@settings(max_examples=200, deadline=None)
@given(_term_sheets())
def test_any_term_sheet_round_trips_through_toml_and_dict(terms: TermSheet) -> None:
    """Every valid term sheet survives dump_toml/load_terms and terms_to_dict/terms_from_dict."""
    assert load_terms(dump_toml(terms)) == terms
    assert terms_from_dict(json.loads(json.dumps(terms_to_dict(terms)))) == terms
