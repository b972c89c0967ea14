"""How large a term sheet may be, checked before its TOML is parsed and after.

Issue 10 item 5: a 200 KB TOML file of one dotted key took 24 GB (`tomllib`
is quadratic in the parts of a dotted key), nested arrays raised
RecursionError, and a 50 MB string was accepted. So, before parsing:

- the file is at most `MAX_TERMS_BYTES` (64 KiB; the 1997 sheet with every
  party and copy recipient is under 4 KiB), read no further than that;
- outside strings and comments it has at most `MAX_DOTS` dots (dotted keys,
  and any bare decimal) and nests `[` and `{` at most `MAX_NESTING` deep;

and after it, whatever it came from (TOML or `terms_from_dict`), the readers
of `contract.terms` take only the keys and shapes they know (so nothing nests
deeper than parties.company.copies[0].lines[0]); every text is at most
`MAX_TEXT` characters without control characters (`contract.printable`), and
every date lies in 1900-2100. `check_terms_data` walks any other data a
caller wants bounded the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path

from contract.errors import TermsError
from contract.printable import control_character

MAX_TERMS_BYTES = 64 * 1024
MAX_DOTS = 200
MAX_NESTING = 8
MAX_DEPTH = 8
MAX_ENTRIES = 100
MAX_TEXT = 10_000
#: The years every date of a term sheet lies in (PRODUCT.md section 11's times).
FIRST_YEAR, LAST_YEAR = 1900, 2100
#: The latest maturity: its interest's 30 days' grace (Schedule 1 (b)) ends at 2100-12-31
#: 00:00, New York time, still inside the years an action may be dated in. (A Tuesday, a
#: business day on every calendar, so no earlier maturity moves past it.)
LAST_MATURITY = date(LAST_YEAR, 11, 30)


def read_terms_text(path: str | Path) -> str:
    """The text of a term-sheet file, read no further than the size limit.

    Raises:
        TermsError: naming `terms`, for a file that cannot be read, is over
            64 KiB or is not UTF-8.
    """
    if not isinstance(path, str | Path) or "\x00" in str(path):
        raise TermsError("terms", f"expected a file name, got {type(path).__name__}")
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_TERMS_BYTES + 1)
    except OSError as exc:
        raise TermsError("terms", f"cannot read {path} ({exc.__class__.__name__})") from None
    if len(data) > MAX_TERMS_BYTES:
        raise TermsError("terms", f"a term sheet is at most {MAX_TERMS_BYTES // 1024} KiB; "
                                  f"{path} is larger")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise TermsError("terms", f"{path} is not UTF-8 text") from None


def check_toml_text(text: str) -> None:
    """Refuse TOML text too large, too dotted or too nested to parse safely.

    Strings ("...", '...', and their triple-quoted forms) and comments are
    skipped; what is left is keys, brackets and bare values.

    Raises:
        TermsError: naming `terms`.
    """
    if len(text) > MAX_TERMS_BYTES or len(text.encode("utf-8", "surrogatepass")) > \
            MAX_TERMS_BYTES:
        raise TermsError("terms", f"a term sheet is at most {MAX_TERMS_BYTES // 1024} KiB")
    dots = depth = deepest = 0
    i, end = 0, len(text)
    while i < end:
        char = text[i]
        if char in "\"'":
            i = _after_string(text, i)
            continue
        if char == "#":
            newline = text.find("\n", i)
            i = end if newline < 0 else newline
            continue
        if char == ".":
            dots += 1
            if dots > MAX_DOTS:
                raise TermsError("terms", f"more than {MAX_DOTS} dots outside strings: dotted "
                                          "keys are at most a few parts (parties.company.name)")
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_NESTING:
                raise TermsError("terms", f"arrays and tables nest at most {MAX_NESTING} deep")
        elif char in "]}":
            depth = max(depth - 1, 0)
        i += 1


def _after_string(text: str, start: int) -> int:
    """The index after the TOML string that starts at `start` (to the end if unclosed)."""
    quote = text[start]
    triple = text.startswith(quote * 3, start)
    if triple:
        close = text.find(quote * 3, start + 3)
        return len(text) if close < 0 else close + 3
    i = start + 1
    while i < len(text):
        char = text[i]
        if char == "\\" and quote == '"':
            i += 2
            continue
        if char == quote or char == "\n":
            return i + 1
        i += 1
    return i


def check_terms_data(data: object, field: str = "terms", depth: int = 0) -> None:
    """Refuse term-sheet data nested too deep, too long, or with text that is not text.

    Raises:
        TermsError: naming the dotted key path at fault.
    """
    if depth > MAX_DEPTH:
        raise TermsError(field, f"nested more than {MAX_DEPTH} deep")
    if isinstance(data, str):
        if len(data) > MAX_TEXT:
            raise TermsError(field, f"is longer than {MAX_TEXT} characters")
        problem = control_character(data)
        if problem is not None:
            raise TermsError(field, problem)
    elif isinstance(data, Mapping):
        if len(data) > MAX_ENTRIES:
            raise TermsError(field, f"has more than {MAX_ENTRIES} keys")
        for key, value in data.items():
            name = key if isinstance(key, str) else repr(key)
            check_terms_data(value, name if field == "terms" else f"{field}.{name}", depth + 1)
    elif isinstance(data, list | tuple):
        if len(data) > MAX_ENTRIES:
            raise TermsError(field, f"has more than {MAX_ENTRIES} entries")
        for index, value in enumerate(data):
            check_terms_data(value, f"{field}[{index}]", depth + 1)
