"""`--out DIR`, all or none: the directory checked before the work, the files written
beside their names and put in place together once every one was written.

`npa explore` (graph.mmd, summary.json, the counterexamples) and `npa simulate`
(paths.csv as paths finish, summary.json, three plots) both write this way: a run
that fails, or a file that cannot be written, leaves the directory as it was,
the files of an earlier run included.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO

from engine.errors import InvalidAction


def _cannot(path: Path | str, exc: OSError) -> InvalidAction:
    return InvalidAction(f"cannot write {path} ({exc.strerror or exc.__class__.__name__})",
                         field="out")


def out_dir(path: object, names: Sequence[str], what: str) -> Path:
    """The directory `--out` names, made if it is not there, checked before any work: it
    can be written in, and none of the files it will hold is a directory.

    Raises:
        InvalidAction: naming `out`, for an empty path or a directory that cannot hold
            the files (`what` says what they are).
    """
    if not isinstance(path, str | os.PathLike) or not str(path).strip():
        raise InvalidAction(f"a directory to write {what} in, not an empty path",
                            field="out")
    where = Path(path)
    try:
        where.mkdir(parents=True, exist_ok=True)
    except (OSError, ValueError) as exc:
        raise InvalidAction(f"cannot make the directory {str(where)!r:.80} "
                            f"({exc.__class__.__name__})", field="out") from None
    if not where.is_dir():
        raise InvalidAction(f"{str(where)!r:.80} is not a directory", field="out")
    for name in names:
        if (where / name).is_dir():
            raise _cannot(where / name, IsADirectoryError(21, "Is a directory"))
    try:  # before the work, not after it: a directory it cannot write in
        handle, probe = tempfile.mkstemp(dir=where, prefix=".npa-", suffix=".tmp")
        os.close(handle)
        os.unlink(probe)
    except OSError as exc:
        raise InvalidAction(f"cannot write in {where} "
                            f"({exc.strerror or exc.__class__.__name__})", field="out") from None
    return where


_UMASK_LOCK = threading.Lock()


def _plain_mode() -> int:
    """The mode a file made with `open` gets (0o666 less the umask): a temporary file is
    made 0o600, and the files of a run are for whoever may read the directory."""
    with _UMASK_LOCK:  # the umask is read only by setting it: set it straight back
        umask = os.umask(0o022)
        os.umask(umask)
    return 0o666 & ~umask


class Staged:
    """Files of one directory written under temporary names, then put in place at once
    (`commit`), or all removed (`discard`, which `commit` leaves nothing to do)."""

    def __init__(self, where: Path) -> None:
        self.where = where
        self._ready: list[tuple[Path, Path]] = []

    def path(self, name: str) -> Path:
        """A temporary file for `name` (ending as it does, so a writer that reads the
        extension, as matplotlib does, sees it)."""
        final = self.where / name
        try:
            if final.is_dir():
                raise IsADirectoryError(21, "Is a directory")
            handle, temporary = tempfile.mkstemp(dir=self.where, prefix=".npa-",
                                                 suffix=f"-{name}")
            os.close(handle)
        except OSError as exc:
            raise _cannot(final, exc) from None
        self._ready.append((Path(temporary), final))
        return Path(temporary)

    def open(self, name: str) -> IO[str]:
        """A temporary text file for `name`, open for writing (UTF-8, newlines as given)."""
        temporary = self.path(name)
        try:
            return temporary.open("w", encoding="utf-8", newline="")
        except OSError as exc:
            raise _cannot(self.where / name, exc) from None

    def write(self, name: str, text: str) -> None:
        """The whole text of `name`."""
        with self.open(name) as out:
            try:
                out.write(text)
            except OSError as exc:
                raise _cannot(self.where / name, exc) from None

    def commit(self, stale: Iterable[Path] = ()) -> list[Path]:
        """Put every file in place (removing first the `stale` ones of an earlier run that
        this one does not write); returns the files, in the order they were staged.

        Raises:
            InvalidAction: naming `out`, when one cannot be put in place.
        """
        finals = [final for _, final in self._ready]
        path: Path | str = self.where
        try:
            for path in stale:
                if path not in finals:
                    path.unlink(missing_ok=True)
            mode = _plain_mode()
            for temporary, path in self._ready:
                os.chmod(temporary, mode)
                os.replace(temporary, path)
        except OSError as exc:
            raise _cannot(path, exc) from None
        finally:
            self.discard()
        return finals

    def discard(self) -> None:
        """Remove every temporary file not put in place."""
        for temporary, _ in self._ready:
            temporary.unlink(missing_ok=True)
        self._ready = []
