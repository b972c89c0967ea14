"""Term sheets are bounded (issue 10 item 5): size before parsing, depth and sizes after,
dates in 1900-2100; each refusal one line naming the key, exit 2, no deal made."""

from __future__ import annotations

from pathlib import Path

import pytest

from contract import DEFAULT_TERMS, NpaError, TermsError, dump_toml, load_terms, terms_to_dict
from contract.terms import terms_from_dict
from contract.terms_bounds import MAX_TERMS_BYTES
from engine import Deal
from engine.cli import main
from engine.demo import SIGNING_TO_OUTSTANDING


def _npa_new(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str | bytes
             ) -> tuple[int, str]:
    """`npa new` with this term-sheet file: the exit code and the one error line."""
    terms = tmp_path / "terms.toml"
    if isinstance(text, bytes):
        terms.write_bytes(text)
    else:
        terms.write_text(text, encoding="utf-8")
    db = tmp_path / "deals.db"
    capsys.readouterr()
    with pytest.raises(SystemExit) as done:
        main(["new", "acme", "--terms", str(terms), "--db", str(db)])
    err = capsys.readouterr().err
    assert not db.exists(), "a refused term sheet made a database"
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    code = done.value.code
    assert isinstance(code, int)
    return code, err.strip()


@pytest.mark.parametrize(("text", "words"), [
    ("a" + ".a" * 100_000 + " = 1\n", "at most 64 KiB"),
    ("a" + ".a" * 30_000 + " = 1\n", "dots outside strings"),
    ("x = " + "[" * 5000 + "]" * 5000 + "\n", "nest at most"),
    ("x = " + "{a = " * 50 + "1" + "}" * 50 + "\n", "nest at most"),
    ('[parties.company]\nname = "' + "L" * 20_000 + '"\n', "parties.company.name"),
    ('[parties.company]\nname = "Acme\\nPaid $7,500,000.00"\n', "control characters"),
    ('[notes]\nmaturity = 9999-12-01\n', "notes.maturity"),
    ('[notes]\nissue_date = 1899-12-31\n', "notes.issue_date"),
    ('[deal]\nclosing_date = "2101-01-01"\n', "deal.closing_date"),
    ('[notes]\nprincipal = "７５００"\n', "notes.principal"),
    ('[notes]\nrate = "٠.١"\n', "notes.rate"),
    ('[notes]\ndefault_rate = "1.05"\n', "notes.default_rate"),
    ('[notes]\ndefault_rate = "٠.١"\n', "notes.default_rate"),
    ('[notes]\nprepayment = "yes"\n', "notes.prepayment"),
    ('[notes]\nprepayment = 1\n', "notes.prepayment"),
])
def test_a_term_sheet_out_of_bounds_is_one_line_exit_2_and_no_deal(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, words: str) -> None:
    """Huge, dotted, nested, long, forged or far-dated term sheets are refused at once."""
    code, err = _npa_new(tmp_path, capsys, text)
    assert code == 2
    assert err.startswith("npa: error: terms: ") and words in err


def test_a_50_mb_file_is_refused_by_its_size_without_reading_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The file is read no further than 64 KiB and one byte."""
    text = '[parties.company]\nname = "' + "x" * (50 * 1024 * 1024) + '"\n'
    code, err = _npa_new(tmp_path, capsys, text)
    assert code == 2 and "at most 64 KiB" in err


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """Bytes that are not UTF-8 are no term sheet."""
    code, err = _npa_new(tmp_path, capsys, b"[deal]\nclosing_date = \xff\n")
    assert code == 2 and "not UTF-8" in err


def test_the_1997_sheet_is_far_under_the_limits() -> None:
    """The whole 1997 sheet, every party and copy recipient, is a few KiB and loads."""
    text = dump_toml(DEFAULT_TERMS)
    assert len(text.encode()) * 8 < MAX_TERMS_BYTES
    assert load_terms(text) == DEFAULT_TERMS


def test_terms_from_a_dict_are_bounded_too() -> None:
    """A platform's dict is checked as TOML is: depth, sizes, text, dates."""
    data = terms_to_dict(DEFAULT_TERMS)
    deep: object = "x"
    for _ in range(20):
        deep = [deep]
    for change, key in [({"deal": {**data["deal"], "nested": deep}}, "deal.nested"),
                        ({"notes": {**data["notes"], "maturity": "9999-12-01"}},
                         "notes.maturity")]:
        with pytest.raises(TermsError) as caught:
            terms_from_dict({**data, **change})
        assert caught.value.field is not None and caught.value.field.startswith(key)


def test_terms_error_is_an_npa_error_with_its_field_and_exit_code() -> None:
    """A platform catching NpaError catches a refused term sheet too."""
    with pytest.raises(NpaError) as caught:
        load_terms("[notes]\nmaturity = 9999-12-01\n")
    assert isinstance(caught.value, TermsError) and isinstance(caught.value, ValueError)
    assert (caught.value.field, caught.value.exit_code) == ("notes.maturity", 2)
    assert str(caught.value) == "terms: notes.maturity: must lie in 1900-2100, not 9999-12-01"
    with pytest.raises(TermsError):
        load_terms(b"[deal]")  # type: ignore[arg-type]


def test_a_deal_maturing_at_the_end_of_2100_runs_without_error() -> None:
    """Dates at the edge of the range settle, accrue and fall due without an internal error;
    the latest maturity, 2100-11-30, leaves its last coupon's 30 days' grace (Schedule 1 (b))
    inside 2100, so a last coupon left unpaid is an Event of Default a deal can reach."""
    terms = load_terms('[deal]\nclosing_date = 2099-01-05\n[notes]\nissue_date = 2099-01-05\n'
                       'maturity = 2100-11-30\nfirst_interest_date = 2099-05-30\n')
    deal = Deal.create(None, "edge", terms)
    for step in SIGNING_TO_OUTSTANDING:
        result = deal.act({**step, "at": "2099-01-05" + str(step["at"])[10:]})
        assert result.accepted, result.reasons
    coupons = [p for p in deal.state.schedule if p.kind == "interest"]
    for coupon in coupons[:-1]:
        assert deal.act({"type": "pay", "actor": "company",
                         "at": f"{coupon.payment_date.isoformat()}T10:00",
                         "purpose": "interest", "amount": str(coupon.amount)}).accepted
    assert deal.act({"type": "pay", "actor": "company", "at": "2100-11-30T10:00",
                     "purpose": "principal", "amount": "7500000.00"}).accepted
    assert deal.status()["state"] == "Outstanding"
    result = deal.act({"type": "advance", "actor": "company", "at": "2100-12-31T00:00"})
    assert result.accepted
    assert deal.status()["state"] == "Default"
    assert deal.status(as_of="2100-12-31T23:59:59")["state"] == "Default"


@pytest.mark.parametrize("maturity", ["2100-12-01", "2100-12-31"])
def test_a_maturity_whose_grace_would_end_after_2100_is_refused(maturity: str) -> None:
    """Schedule 1 (b): interest unpaid 30 days after it is due is an Event of Default. A
    maturity after 2100-11-30 would end that grace in 2101, where no action may be dated
    (PRODUCT.md 11), so the last coupon could never default: the term sheet is refused."""
    with pytest.raises(TermsError) as caught:
        load_terms(f'[notes]\nmaturity = {maturity}\n')
    assert caught.value.field == "notes.maturity"
    assert str(caught.value) == (
        f"terms: notes.maturity: {maturity} must be on or before 2100-11-30, so that the 30 "
        "days' grace of its interest (Schedule 1 (b)) ends within 2100")


def test_a_file_that_is_no_toml_names_terms_once(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """A fault of the whole file (not of one key) reads "terms: not valid TOML: ...", not
    "terms: terms: ..."; its field, for --json, is still `terms`."""
    code, err = _npa_new(tmp_path, capsys, "x = = 1\n")
    assert code == 2 and err.startswith("npa: error: terms: not valid TOML: "), err
    refused = TermsError("terms", "cannot read it")
    assert (str(refused), refused.field) == ("terms: cannot read it", "terms")
    assert str(TermsError("notes.rate", "too high")) == "terms: notes.rate: too high"


@pytest.mark.parametrize("rate", ["-0", "-0.000", "0"])
def test_a_rate_of_minus_zero_is_zero(rate: str) -> None:
    """A rate written "-0" is the rate 0: it is shown and stored as 0, never as "-0"."""
    terms = load_terms(f'[notes]\nrate = "{rate}"\ndefault_rate = "{rate}"\n')
    notes = terms_to_dict(terms)["notes"]
    assert not str(notes["rate"]).startswith("-")
    assert not str(notes["default_rate"]).startswith("-")
    lines = [line for line in dump_toml(terms).splitlines() if "rate = " in line]
    assert len(lines) == 2 and all('"-' not in line for line in lines), lines
