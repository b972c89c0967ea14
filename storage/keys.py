"""The key of a keyed chain (HMAC-SHA256): where it comes from, and what it signs.

PRODUCT.md section 11, issue 10 item 3. The SHA-256 chain of `storage.sqlite`
lets anyone check that a log is whole, and anyone who can write the file can
recompute it. A key the platform keeps outside the database makes the log
tamper-evident: each event row also stores `event_mac`, the HMAC-SHA256 of its
chained hash, and the deal's row `head_mac` over its last seq and hash, which
nobody without the key can compute. The key is never stored in the database.

It comes from the store's `key` argument, else the file named by
`NPA_KEY_FILE`, else the text of `NPA_KEY`; at least 16 bytes.
"""

from __future__ import annotations

import hmac
import os
from pathlib import Path

from engine.errors import InvalidSetting

#: Environment variables a platform may set instead of passing `key=`.
KEY_ENV, KEY_FILE_ENV = "NPA_KEY", "NPA_KEY_FILE"
#: The shortest key accepted: 128 bits.
MIN_KEY_BYTES = 16
#: A key file larger than this is not a key.
MAX_KEY_BYTES = 4096


def resolve_key(key: bytes | str | None) -> bytes | None:
    """The key to use: the one given, else NPA_KEY_FILE's contents, else NPA_KEY; or None.

    Raises:
        InvalidSetting: for a key file that cannot be read, or a key under 16 bytes.
    """
    if isinstance(key, str):
        return _checked(key.encode("utf-8", "surrogateescape"), "key")
    if isinstance(key, bytes | bytearray | memoryview):
        return _checked(bytes(key), "key")
    if key is not None:
        raise InvalidSetting(f"a key is bytes or text, not {type(key).__name__}", field="key")
    path = os.environ.get(KEY_FILE_ENV)
    if path:
        return read_key_file(path, KEY_FILE_ENV)
    text = os.environ.get(KEY_ENV)
    if text:
        return _checked(text.encode("utf-8", "surrogateescape"), KEY_ENV)
    return None


def read_key_file(path: str | os.PathLike[str], field: str = "key_file") -> bytes:
    """The key a file holds (its bytes, less a trailing newline).

    Raises:
        InvalidSetting: naming `field`, if it cannot be read, is over 4 KiB or under 16 bytes.
    """
    try:
        with Path(path).open("rb") as handle:
            data = handle.read(MAX_KEY_BYTES + 1)
    except OSError as exc:
        raise InvalidSetting(f"cannot read the key file {os.fspath(path)} "
                             f"({exc.__class__.__name__})", field=field) from None
    if len(data) > MAX_KEY_BYTES:
        raise InvalidSetting(f"the key file is over {MAX_KEY_BYTES} bytes", field=field)
    return _checked(data.rstrip(b"\r\n"), field)


def _checked(key: bytes, field: str) -> bytes:
    """The key, if it is long enough to be one."""
    if len(key) < MIN_KEY_BYTES:
        raise InvalidSetting(f"a key is at least {MIN_KEY_BYTES} bytes", field=field)
    return key


def event_mac(key: bytes, digest: str) -> str:
    """The MAC of one event row: HMAC-SHA256 of its chained hash (which covers all before it)."""
    return hmac.digest(key, b"npa-event\n" + digest.encode(), "sha256").hex()


def head_mac(key: bytes, deal_id: str, seq: int, digest: str) -> str:
    """The MAC of a deal's head as its query-table row records it: its last seq and hash."""
    return hmac.digest(key, f"npa-head\n{deal_id}\n{seq}\n{digest}".encode(), "sha256").hex()


def same(a: str | None, b: str) -> bool:
    """Whether a stored MAC is the expected one (compared in constant time)."""
    return a is not None and hmac.compare_digest(a, b)
