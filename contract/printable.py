"""Printable text: what a text field may hold, and how text is shown when it may not.

Issue 10 item 7: a description with a line break printed fake lines in `npa
timeline`. The decision: text that a user gives (an action's fields, a term
sheet's names and addresses, a holder's name) may not hold control
characters, and is refused with the field named; and every renderer for
people escapes whatever it is given that is not printable (`escape`), so that
a log written before the rule, or any other source, cannot forge a line
either. JSON output is escaped by JSON itself.

This lives in `contract`, the lowest layer, because the term sheet (here) and
the engine's codec both apply it.
"""

from __future__ import annotations

import unicodedata

#: Characters that move or reorder what a terminal or page shows without being text:
#: the bidirectional embeddings, overrides and isolates ("Trojan Source").
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

#: Unicode categories text fields refuse: controls (C0, DEL, C1: line breaks, tabs,
#: escapes), line and paragraph separators, and lone surrogates (not text at all).
_REFUSED_CATEGORIES = frozenset({"Cc", "Zl", "Zp", "Cs"})

#: The longest holder name: a legal name (PRODUCT.md section 8).
HOLDER_NAME_LIMIT = 200


def _refused(char: str) -> bool:
    return char in BIDI_CONTROLS or unicodedata.category(char) in _REFUSED_CATEGORIES


def control_character(text: str) -> str | None:
    """Why `text` may not be a text field's value, or None when it may.

    Names the first control character (a line break, a tab, an escape, a line
    separator, a bidirectional override or a lone surrogate) and its position.
    """
    if text.isprintable():  # the common case, in C: no control of any kind
        return None
    for position, char in enumerate(text):
        if _refused(char):
            return (f"text may not hold control characters: {_name(char)} at position "
                    f"{position + 1} (write it on one line, without them)")
    return None


def holder_name_problem(name: str) -> str | None:
    """Why `name` is not a holder's legal name, or None when it is one.

    A holder name is 1 to 200 printable characters (letters of any script,
    digits, spaces, punctuation: "Special Fund, L.P."), with no control or
    format characters and no spaces around it. Names are compared exactly.
    """
    if not name:
        return "a holder name has 1 to 200 characters; this one is empty"
    if len(name) > HOLDER_NAME_LIMIT:
        return f"a holder name has at most {HOLDER_NAME_LIMIT} characters, not {len(name)}"
    if not name.isprintable():
        char = next(c for c in name if not c.isprintable())
        return f"a holder name is printable text: {_name(char)} is not"
    if name != name.strip():
        return "a holder name has no spaces before or after it"
    return None


def escape(text: str) -> str:
    """Text as a renderer for people shows it: every character that is not printable
    written as its escape (a line break as \\n, an escape character as \\x1b)."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() or char == " " else
                   char.encode("unicode_escape", "backslashreplace").decode("ascii")
                   for char in text)


def _name(char: str) -> str:
    """A character as an error line names it: U+000A (LINE FEED)."""
    name = unicodedata.name(char, "")
    if not name and unicodedata.category(char) == "Cs":
        name = "a lone surrogate"
    elif not name:
        name = {"\n": "LINE FEED", "\r": "CARRIAGE RETURN", "\t": "TAB",
                "\x1b": "ESCAPE"}.get(char, "a control character")
    return f"U+{ord(char):04X} ({name})"


def shown(value: object, limit: int = 40) -> str:
    """A user's value as an error line shows it: its repr, cut to `limit` characters.

    Never fails: a value whose repr raises (an int of more than 4,300 digits)
    is shown by its type, and a long string is cut before it is repr'd.
    """
    if isinstance(value, str) and len(value) > limit:
        value = value[:limit]
    try:
        text = repr(value)
    except Exception:  # a repr that raises is still a value a user gave
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[:limit - 3] + "..."
