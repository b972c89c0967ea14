"""The engine's exceptions: one root, few leaves, each with its exit code.

Refusals are not exceptions (they are values: see `engine.explain.Reason`).
Exceptions are kept for input that cannot be an action at all, for a log
that cannot be trusted, and for bugs.
"""

from __future__ import annotations

from contract.errors import NpaError, TermsError

__all__ = [
    "BrokenLog",
    "ConcurrencyConflict",
    "DealExists",
    "InvalidAction",
    "InvalidDealId",
    "InvalidOption",
    "InvalidSetting",
    "NpaError",
    "StorageError",
    "StoreBusy",
    "TermsError",
    "UnknownDeal",
]


class InvalidAction(NpaError, ValueError):
    """Input that is not a valid action: malformed, ill-typed, out of range."""

    exit_code = 2


class InvalidDealId(NpaError, ValueError):
    """A deal id outside 1 to 64 letters, digits, '.', '_' or '-'."""

    exit_code = 2


class InvalidOption(NpaError, ValueError):
    """A command line `npa` cannot read: an unknown command or option, a missing argument,
    an option's value that is not of its kind or out of its range. `field` is the option
    as typed ("--after"), the argument's name ("deal"), or "command"."""

    exit_code = 2

    def __str__(self) -> str:
        """Click's own line, which names the option already."""
        return " ".join(self.message.split())


class UnknownDeal(NpaError, LookupError):
    """No deal with that id in the store."""

    exit_code = 2


class DealExists(NpaError, ValueError):
    """A deal with that id is already in the store."""

    exit_code = 2


class BrokenLog(NpaError, RuntimeError):
    """A stored log whose sequence, hash chain or contents cannot be trusted."""

    exit_code = 1


class StoreBusy(NpaError, RuntimeError):
    """The store's write lock could not be had within its bound (30 s unless configured).

    Exit 75 (EX_TEMPFAIL of sysexits.h): nothing was written, and the same
    command may simply be tried again later.
    """

    exit_code = 75


#: The exit code of StoreBusy: a temporary failure, try again (sysexits.h EX_TEMPFAIL).
LOCK_TIMEOUT_EXIT = StoreBusy.exit_code


class InvalidSetting(NpaError, ValueError):
    """A store setting that is missing, unreadable or out of range: its lock timeout,
    its synchronous mode, or its key (a deal sealed with a key is written only with it)."""

    exit_code = 2


class ConcurrencyConflict(NpaError, RuntimeError):
    """Another writer appended to the deal after it was read; re-read and retry."""

    exit_code = 1


class StorageError(NpaError, RuntimeError):
    """The database failed in a way no retry can mend: unreadable, full, closed."""

    exit_code = 1
