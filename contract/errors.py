"""The root of every error the project reports to a user, and the term sheet's own.

The root lives here, in the lowest layer, because `contract` imports nothing
from the engine while the engine's errors (`engine.errors`) and the term
sheet's (`TermsError`) must share it: a platform catches `NpaError` and gets
every one of them, each with its `exit_code` and the `field` at fault.
"""

from __future__ import annotations

from typing import ClassVar


class NpaError(Exception):
    """The root of every error the engine reports to a user."""

    exit_code: ClassVar[int] = 2

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    @property
    def shown_field(self) -> str:
        """The field as an error line names it: as typed, or quoted if it has odd characters."""
        field = self.field or ""
        if not field.isprintable() or field != field.strip():
            field = repr(field)
        return field if len(field) <= 80 else field[:77] + "..."

    def __str__(self) -> str:
        message = " ".join(self.message.split())
        if self.field:
            return f"{self.shown_field}: {message}"
        return message


class TermsError(NpaError, ValueError):
    """A term sheet refused: the dotted key path at fault and a one-line reason."""

    exit_code: ClassVar[int] = 2

    def __init__(self, field: str, message: str) -> None:
        """Hold the key path and the message."""
        super().__init__(message, field=field)

    def __str__(self) -> str:
        """The one line "terms: <field>: <message>" ("terms: <message>" for the whole file)."""
        message = ' '.join(self.message.split())
        if self.field == "terms":
            return f"terms: {message}"
        return f"terms: {self.shown_field}: {message}"
