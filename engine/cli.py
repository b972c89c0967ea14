"""npa: the command line. Parse, call Deal, print, exit; nothing else lives here.

Exit status: 0 accepted (or done), 1 refused (or a check failed, or a broken
log), 2 invalid input, 75 the store's write lock not had within the lock
timeout (try again). Every error is one line naming the field; never a
traceback; under `--json` it is also printed as `{"error": {...}}`.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import click

from engine.errors import InvalidAction, InvalidOption, NpaError, StoreBusy, UnknownDeal

DB_HELP = "SQLite database file (default npa.db in the working directory)."
JSON_HELP = "Print one JSON document."
#: Whether this run's command asked for --json, and whether it printed its document yet.
_OUTPUT = {"json": False, "printed": False}
#: A scenario file holds many actions, each at most 1 MiB; the file at most this.
SCENARIO_BYTES = 256 * 1024 * 1024


def _emit(data: Any, as_json: bool, render: Callable[[Any], str], *,
          escape: bool = True) -> None:
    """Print a result as JSON or as text for people.

    Text for people is rendered from the data with every string escaped
    (`contract.printable.escape`): no value can print a line of its own or
    move the terminal (issue 10 item 7). JSON escapes by itself. Only text
    the engine writes itself, whole (a diagram), is printed with `escape=False`.
    """
    if as_json:
        click.echo(json.dumps(data, indent=2, default=str))
    else:
        click.echo(render(_shown(data) if escape else data))
    _OUTPUT["printed"] = True


def _shown(data: Any) -> Any:
    """The data with every string in it as a renderer for people may print it."""
    from contract.printable import escape

    if isinstance(data, str):
        return escape(data)
    if isinstance(data, dict):
        return {_shown(key): _shown(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_shown(item) for item in data]
    return data


def _fail(error: NpaError | ValueError, code: int | None = None, note: str = "") -> NoReturn:
    """Print a one-line error and exit with its code; under --json, a JSON error object too
    (unless the command already printed its document). `note` goes before the message."""

    found = _error_object(error, code, note)
    if _OUTPUT["json"] and not _OUTPUT["printed"]:
        click.echo(json.dumps({"error": found}, indent=2))
    click.echo(f"npa: error: {found['message']}", err=True)
    raise SystemExit(found["exit_code"])


def _error_object(error: NpaError | ValueError, code: int | None = None,
                  note: str = "") -> dict[str, Any]:
    """An error as every --json document gives it: type, message (one line), field, exit
    code."""
    from contract.printable import escape

    line = escape(" ".join((f"{note}: {error}" if note else str(error)).split()))
    exit_code = code if code is not None else getattr(error, "exit_code", 2)
    return {"type": type(error).__name__, "message": line,
            "field": getattr(error, "field", None), "exit_code": exit_code}


@contextmanager
def _store(db: str, *, must_exist: bool) -> Iterator[Any]:
    """Open the SQLite store; a read that names a missing file finds no deal. A command
    that may make the database (new, import) leaves none behind when it fails."""
    new = db != ":memory:" and not Path(db).exists()
    if must_exist and new:
        raise UnknownDeal(f"no database at {db}", field="db")
    try:
        with _open_store(db) as store:
            yield store
    except BaseException:
        if new:
            for made in (db, f"{db}-wal", f"{db}-shm", f"{db}-journal"):
                Path(made).unlink(missing_ok=True)
        raise


@contextmanager
def _open_store(db: str) -> Iterator[Any]:
    """The store at `db`, with the key and lock timeout the command line gave."""
    from storage import SqliteStore

    settings = click.get_current_context().find_root().obj or {}
    key = None
    if settings.get("key_file") is not None:
        from storage.keys import read_key_file

        key = read_key_file(settings["key_file"], "--key-file")
    store = SqliteStore(db, lock_timeout=settings.get("lock_timeout"), key=key)
    try:
        yield store
    finally:
        store.close()


def _read_action_text(text: str) -> str:
    """An action given inline, as @FILE, or as - for standard input."""
    if text == "-":
        return sys.stdin.read()
    if text.startswith("@"):
        if not text[1:]:
            raise InvalidAction("'@' names no file: give @FILE, - for standard input, or the "
                                "action's JSON", field="action")
        try:
            return Path(text[1:]).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidAction(f"cannot read {text[1:]} ({exc.__class__.__name__})",
                                field="action") from None
    return text


#: Path types, one instance each for every option that takes one: each `click.Path()`
#: looks up its translated names through gettext when it is made, at import.
_FILE = click.Path(dir_okay=False)
_ANY_PATH = click.Path()


class _Whole(click.IntRange):
    """A whole number as a person types one: ASCII digits after an optional sign (click's
    own int reads whatever Python's `int` does: "1_0", " 10 ", Arabic-Indic digits)."""

    name = "integer"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not _DIGITS.fullmatch(value):
            self.fail(f"{value!r} is not a whole number written in the digits 0-9", param, ctx)
        return super().convert(value, param, ctx)


_DIGITS = re.compile(r"[+-]?[0-9]+", re.ASCII)


class _Seconds(click.FloatRange):
    """A number of seconds as a person types one: ASCII digits with an optional fraction
    (click's FloatRange reads what Python's `float` does: "nan", "1e-1", "1_0", " 1")."""

    name = "seconds"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not _DECIMAL.fullmatch(value):
            self.fail(f"{value!r:.40} is not a number of seconds written in the digits 0-9",
                      param, ctx)
        return super().convert(value, param, ctx)


_DECIMAL = re.compile(r"\+?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)", re.ASCII)


def _option_in(error: click.UsageError) -> str | None:
    """The option, argument or command a command-line error is about, as typed."""
    named = getattr(error, "option_name", None)
    if named:
        return str(named)
    param = getattr(error, "param", None)
    if isinstance(param, click.Option):
        return max(param.opts, key=len)
    if isinstance(param, click.Argument):
        return param.name
    if error.message.startswith("No such command"):
        return "command"
    return None


def _db_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--db", default="npa.db", show_default=True, help=DB_HELP)(fn)


def _json_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--json", "as_json", is_flag=True, help=JSON_HELP)(fn)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--lock-timeout", "lock_timeout", type=_Seconds(0, 86400),
              default=None, metavar="SECONDS",
              help="The most a write waits for the store's write lock, in all (default "
              "$NPA_LOCK_TIMEOUT, else 30); then exit 75, nothing written.")
@click.option("--key-file", "key_file", type=_FILE, default=None,
              help="A file holding the key of the keyed chain (HMAC-SHA256), at least 16 "
              "bytes (default $NPA_KEY_FILE, else the text of $NPA_KEY); never stored.")
@click.pass_context
def cli(ctx: click.Context, lock_timeout: float | None, key_file: str | None) -> None:
    """The 1997 Lexington Precision / Nomura Note Purchase Agreement, executable.

    \b
    Exit status: 0 accepted or done; 1 refused, a check failed or a broken log;
    2 invalid input; 75 the write lock was not had within --lock-timeout (try again).
    """
    ctx.obj = {"lock_timeout": lock_timeout, "key_file": key_file}


@cli.command()
@click.argument("deal")
@click.option("--terms", "terms_file", type=_FILE,
              help="A term sheet (TOML); keys left out keep the 1997 values.")
@_db_option
@_json_option
def new(deal: str, terms_file: str | None, db: str, as_json: bool) -> None:
    """Make a new deal from the template, with an optional term sheet."""
    from contract import load_terms_file
    from engine.deal import Deal
    from engine.ports import check_deal_id

    check_deal_id(deal)
    terms = load_terms_file(terms_file) if terms_file is not None else None
    with _store(db, must_exist=False) as store:
        made = Deal.create(store, deal, terms)
        _emit(made.status(), as_json, lambda s: f"{deal}: {s['state']}")


def _act(deal_id: str, text: str, db: str, as_json: bool, *, dry: bool) -> int:
    """Take (or only test) one action and print its result; the exit code."""
    from engine.codec import parse_action
    from engine.deal import Deal
    from engine.ports import check_deal_id

    check_deal_id(deal_id)
    action = parse_action(_read_action_text(text))
    with _store(db, must_exist=True) as store:
        deal = Deal.load(store, deal_id)
        if dry:
            from engine.deadlines import fire_until
            from engine.decide import decide

            replayed = deal.replay_of(action)
            if replayed is not None:
                # `act` would give the first result again, nothing applied or stored.
                _emit({"allowed": True, "state": replayed.state.value, "reasons": [],
                       "replayed": True}, as_json, _render_reasons)
                return 0
            decision = decide(deal.state, action)
            reasons = list(decision.reasons)
            # The state `act` would report: after the action, or, refused, as of its time
            # (a deadline due by then has fired: a coupon unpaid is a Default by then).
            if decision.after is not None:
                then = decision.after.status
            elif deal.state.clock is None or action.at >= deal.state.clock:
                then = fire_until(deal.state, action.at)[1].status
            else:
                then = deal.state.status
            data = {"allowed": not reasons, "state": then.value,
                    "reasons": [r.to_dict() for r in reasons], "replayed": False}
            _emit(data, as_json, _render_reasons)
            return 1 if reasons else 0
        result = deal.act(action)
        _emit(result.to_dict(), as_json, _render_result)
        return 0 if result.accepted else 1


@cli.command()
@click.argument("deal")
@click.argument("action_json")
@_db_option
@_json_option
def act(deal: str, action_json: str, db: str, as_json: bool) -> None:
    """Take one action (JSON, @FILE or -): exit 0 accepted, 1 refused, 2 invalid."""
    raise SystemExit(_act(deal, action_json, db, as_json, dry=False))


@cli.command("why-not")
@click.argument("deal")
@click.argument("action_json")
@_db_option
@_json_option
def why_not(deal: str, action_json: str, db: str, as_json: bool) -> None:
    """What stands in the way of an action, without taking it (exit 1 if anything)."""
    raise SystemExit(_act(deal, action_json, db, as_json, dry=True))


@cli.command()
@click.argument("deal")
@click.argument("scenario", type=_FILE)
@_db_option
@_json_option
def run(deal: str, scenario: str, db: str, as_json: bool) -> None:
    """Apply a file of actions in order; stop at the first refused or invalid one."""
    from engine.deal import Deal

    actions = _read_scenario(scenario)
    results: list[Any] = []
    with _store(db, must_exist=True) as store:
        target = Deal.load(store, deal)
        for position, action in enumerate(actions, start=1):
            try:
                result = target.act(action)
            except InvalidAction as exc:
                invalid = InvalidAction(exc.message, field=f"action {position}: {exc.field}")
                _emit_run(results, as_json, target, _error_object(invalid))
                _fail(invalid)
            except NpaError as exc:
                # A busy store or a broken log stops the run at this action; the ones
                # before it are stored, and the message must not say otherwise.
                stored = (f"actions 1 to {position - 1} were stored" if position > 2
                          else "action 1 was stored" if position == 2 else "none was stored")
                note = f"action {position}: nothing of it was written ({stored})"
                _emit_run(results, as_json, target, _error_object(exc, note=note))
                _fail(exc, note=note)
            results.append(result.to_dict())
            if not result.accepted:
                _emit_run(results, as_json, target)
                click.echo(f"npa: action {position} refused", err=True)
                raise SystemExit(1)
        _emit_run(results, as_json, target)


def _read_scenario(path: str) -> list[Any]:
    """The actions of a scenario file: a JSON array, or one JSON object a line."""
    from engine.codec import parse_json

    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidAction(f"cannot read {path} ({exc.__class__.__name__})",
                            field="scenario") from None
    if text.lstrip().startswith("["):
        try:
            data = parse_json(text, limit=SCENARIO_BYTES)
        except InvalidAction as exc:
            raise InvalidAction(exc.message, field="scenario") from None
        if not isinstance(data, list):
            raise InvalidAction("a scenario is a JSON array of actions", field="scenario")
        return data
    actions = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                actions.append(parse_json(line))
            except InvalidAction as exc:
                raise InvalidAction(exc.message, field=f"scenario line {number}") from None
    return actions


def _emit_run(results: list[dict[str, Any]], as_json: bool, deal: Any,
              error: dict[str, Any] | None = None) -> None:
    """Print what a run did so far, and (under --json) the error that stopped it."""
    data = {"results": results, "state": deal.state.status.value, "error": error}
    _emit(data, as_json, lambda d: "\n".join(
        [_render_result(r) for r in d["results"]] + [f"state: {d['state']}"]))


@cli.command()
@click.argument("deal")
@click.option("--as-of", "as_of", help="A past time: the deal as it was; a later one: "
              "as it will be if nothing else happens. Nothing is stored.")
@_db_option
@_json_option
def status(deal: str, as_of: str | None, db: str, as_json: bool) -> None:
    """State, conditions, settlement, holders and what is still missing."""
    from engine.clock import parse_time
    from engine.deal import Deal

    moment = parse_time(as_of, "as-of") if as_of is not None else None
    with _store(db, must_exist=True) as store:
        data = Deal.load(store, deal).status(moment)
    _emit(data, as_json, _render_status)


@cli.command()
@click.argument("deal")
@_db_option
@_json_option
def timeline(deal: str, db: str, as_json: bool) -> None:
    """The deal's event history, each event with its section."""
    from engine.deal import Deal

    with _store(db, must_exist=True) as store:
        data = Deal.load(store, deal).timeline()
    _emit(data, as_json, _render_timeline)


@cli.command()
@click.argument("deal")
@_db_option
@_json_option
def schedule(deal: str, db: str, as_json: bool) -> None:
    """The payment schedule of the deal's term sheet (Schedule 1, ASSUMED); once the Notes
    are issued, the deal's own, as any prepayment has counted it again, each payment with
    its status (pending, paid, overdue; accelerated or superseded once accelerated)."""
    from engine.deal import Deal
    from engine.schedule import payment_schedule, schedule_to_json

    with _store(db, must_exist=True) as store:
        held = Deal.load(store, deal)
    state = held.state
    data = schedule_to_json(state.schedule or payment_schedule(state.terms.notes))
    if state.schedule:
        # As `status` has each payment among the obligations (the same ids).
        statuses = {o["id"]: o["status"] for o in held.status()["obligations"]}
        for row in data:
            row["status"] = statuses.get(f"{row['kind']}-{row['date']}")
    _emit(data, as_json, _render_schedule)


@cli.command()
@_db_option
@_json_option
def actions(db: str, as_json: bool) -> None:
    """The action catalogue: each type, its fields, who may take it, its sections."""
    from engine.actions import catalogue

    _emit(catalogue(), as_json, _render_catalogue)


@cli.command()
@_db_option
@_json_option
def sections(db: str, as_json: bool) -> None:
    """Every section and Schedule of the agreement: modelled, or why not."""
    from contract import accounts

    _emit([a.to_dict() for a in accounts()], as_json, _render_sections)


@cli.command()
@click.argument("deal")
@click.option("--head", "head", metavar="SEQ:HASH", default=None,
              help="A head printed by an earlier verify: fail unless the log still extends "
              "it (a truncation or rewrite is caught without any key).")
@click.option("--rebuild-tables", "rebuild", is_flag=True,
              help="If the query tables are all that is wrong, rewrite them from the log "
              "(a write refuses a deal whose tables disagree with its log).")
@_db_option
@_json_option
def verify(deal: str, head: str | None, rebuild: bool, db: str, as_json: bool) -> None:
    """Re-check the stored log: chain, MACs with a key, triggers, replay; print its head."""
    from engine.deal import parse_head, rebuild_tables, verify_report

    anchor = parse_head(head) if head is not None else None
    with _store(db, must_exist=True) as store:
        rebuilt = rebuild_tables(store, deal) if rebuild else []
        data = verify_report(store, deal, anchor)
        data["rebuilt"] = rebuilt
    _emit(data, as_json, _render_verify)
    raise SystemExit(0 if data["ok"] else 1)



# --- the platform's commands: deals, the feed, time across deals, export and import ---


@cli.command()
@click.option("--state", "state", default=None, metavar="STATE",
              help="Only deals in this lifecycle state (Drafted, ConditionsPending, Closed, "
              "Outstanding, Default, Repaid).")
@click.option("--limit", type=_Whole(1, 100_000), default=None, metavar="N",
              help="At most N deals.")
@click.option("--after", "after", default=None, metavar="ID",
              help="Only deals whose id sorts after ID (the last of the previous page).")
@_db_option
@_json_option
def deals(state: str | None, limit: int | None, after: str | None, db: str,
          as_json: bool) -> None:
    """The deals in the store, in id order, with their state (from the query tables)."""
    if db != ":memory:" and not Path(db).exists():
        raise UnknownDeal(f"no database at {db}", field="db")
    with _store(db, must_exist=True) as store:
        rows = store.deals(state, limit=limit, after=after)
    _emit(rows, as_json, lambda rs: "\n".join(
        f"{r['deal']:24} {r['state']:18} {r['events']} events" for r in rs))


#: How often `npa events --follow` asks the store for new events, unless --interval says.
FOLLOW_INTERVAL = 0.5


@cli.command()
@click.argument("deal", required=False)
@click.option("--after", "after", type=_Whole(min=0), default=0, show_default=True,
              metavar="POS", help="Only events after this global position (the last seen).")
@click.option("--limit", type=_Whole(1, 10_000), default=1000, show_default=True,
              metavar="N", help="At most N events (each poll, with --follow).")
@click.option("--follow", is_flag=True, help="Keep polling for new events until stopped "
              "(Ctrl-C or SIGTERM); with --json one JSON object a line.")
@click.option("--interval", type=_Seconds(0.01, 60), default=FOLLOW_INTERVAL,
              show_default=True, metavar="SECONDS", help="How often --follow polls.")
@_db_option
@_json_option
def events(deal: str | None, after: int, limit: int, follow: bool, interval: float, db: str,
           as_json: bool) -> None:
    """The change feed: stored events in global position order (position, deal, seq,
    type, at, section, data)."""
    import time

    from engine.ports import check_deal_id

    if deal is not None:
        check_deal_id(deal)
    with _store(db, must_exist=True) as store:
        if deal is not None and not store.exists(deal):
            raise UnknownDeal(f"no deal {deal!r}", field="deal")
        if not follow:
            feed = store.events_since(after, limit, deal=deal)
            last = feed[-1]["position"] if feed else after
            _emit({"events": feed, "position": last}, as_json,
                  lambda d: "\n".join(_render_feed(e) for e in d["events"]))
            return
        position = after
        _OUTPUT["printed"] = True  # a stream: an error after it starts is its line alone
        try:
            _stop_on_sigterm()
            while True:
                feed = store.events_since(position, limit, deal=deal)
                for event in feed:
                    click.echo(json.dumps(event, separators=(",", ":"), default=str)
                               if as_json else _render_feed(_shown(event)))
                    position = event["position"]
                sys.stdout.flush()
                if len(feed) < limit:
                    time.sleep(interval)
        except KeyboardInterrupt:
            return


def _stop_on_sigterm() -> None:
    """A follower stopped by SIGTERM (a supervisor, `kill`) ends as Ctrl-C ends it: what it
    printed is flushed, exit 0, not death by the signal."""
    import signal
    import threading

    def stop(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)


@cli.command()
@click.option("--until", "until", default=None, metavar="T",
              help="Only deadlines due at or before T (ISO 8601; no offset is New York).")
@click.option("--limit", type=_Whole(1, 100_000), default=None, metavar="N",
              help="At most N deals.")
@_db_option
@_json_option
def due(until: str | None, limit: int | None, db: str, as_json: bool) -> None:
    """Each deal's next deadline across the store (deal, what, section, due), earliest
    first."""
    from engine.clock import parse_time

    moment = parse_time(until, "until") if until is not None else None
    with _store(db, must_exist=True) as store:
        rows = store.due(moment, limit=limit)
        stale = store.unscheduled()
    if stale:
        click.echo(f"npa: {len(stale)} deal(s) written by an earlier release are not indexed "
                   f"yet (first: {stale[0]}): `npa tick` or `npa verify DEAL --rebuild-tables` "
                   "indexes them", err=True)
    _emit({"until": until, "due": rows, "unindexed": stale}, as_json, lambda d: "\n".join(
        f"{r['due']}  {r['deal']:20} {r['what']} ({r['section']})"
        + (f" [+{r['pending'] - 1} more pending]" if r["pending"] > 1 else "")
        for r in d["due"]))


@cli.command()
@click.argument("until", metavar="T")
@click.option("--actor", default="company", show_default=True,
              help="Who asks time to pass (recorded on each clock_advanced event).")
@_db_option
@_json_option
def tick(until: str, actor: str, db: str, as_json: bool) -> None:
    """Advance every deal with a deadline due by T to T, each in its own transaction;
    print the consequences (exit 1 if any deal could not be advanced)."""
    from engine.clock import parse_time
    from engine.ticks import tick as advance

    moment = parse_time(until, "until")
    with _store(db, must_exist=True) as store:
        results = advance(store, moment, actor=actor)
    failed = [r for r in results if r["error"] is not None]
    _emit({"until": until, "deals": results, "ok": not failed}, as_json, _render_tick)
    busy = any(r["error"]["exit_code"] == StoreBusy.exit_code for r in failed
               if r["error"] is not None)
    raise SystemExit(StoreBusy.exit_code if busy else 1 if failed else 0)


@cli.command("export")
@click.argument("deal")
@click.option("--out", "out", type=_FILE, default=None,
              help="Write the lines to this file (default: standard output).")
@_db_option
@_json_option
def export_log(deal: str, out: str | None, db: str, as_json: bool) -> None:
    """The deal's log as JSON lines (each event as stored, with its version and hashes),
    after checking it."""
    from engine.ports import check_deal_id

    check_deal_id(deal)
    with _store(db, must_exist=True) as store:
        lines = store.export(deal)
    last = json.loads(lines[-1])
    head = {"seq": last["seq"], "hash": last["hash"]}
    if out is not None:
        try:
            Path(out).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        except OSError as exc:
            raise InvalidAction(f"cannot write {out} ({exc.__class__.__name__})",
                                field="out") from None
        _emit({"deal": deal, "out": out, "events": len(lines), "head": head}, as_json,
              lambda d: f"{d['out']}: {d['events']} events of {d['deal']}; head "
                        f"{d['head']['seq']}:{d['head']['hash']}")
    elif as_json:
        _emit({"deal": deal, "events": len(lines), "head": head,
               "lines": [json.loads(line) for line in lines]}, True, str)
    else:
        click.echo("\n".join(lines))
        _OUTPUT["printed"] = True


@cli.command("import")
@click.argument("file")
@click.option("--as", "as_id", default=None, metavar="NEW_ID",
              help="Store the deal under this id instead of the one it was exported as.")
@click.option("--head", "head", metavar="SEQ:HASH", default=None,
              help="The head the source's verify (or export) printed: refuse a file that "
              "does not extend it.")
@_db_option
@_json_option
def import_log(file: str, as_id: str | None, head: str | None, db: str, as_json: bool) -> None:
    """Load an exported log (FILE, or - for standard input) after checking its chain and
    replay; nothing is stored unless every line holds."""
    from engine.deal import parse_head
    from engine.ports import check_deal_id

    anchor = parse_head(head) if head is not None else None
    if as_id is not None:
        check_deal_id(as_id)
    if file == "-":
        text = sys.stdin.read()
    else:
        try:
            with Path(file).open(encoding="utf-8") as handle:
                text = handle.read(SCENARIO_BYTES + 1)
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidAction(f"cannot read {file} ({exc.__class__.__name__})",
                                field="file") from None
    if len(text) > SCENARIO_BYTES:
        raise InvalidAction(f"an export is at most {SCENARIO_BYTES // 2**20} MiB", field="file")
    with _store(db, must_exist=False) as store:
        report = store.import_log(text.splitlines(), as_id, head=anchor)
    _emit(report, as_json, lambda r: f"{r['deal']}: imported {r['events']} events (exported "
          f"as {r['exported_as']}); head {r['head']['seq']}:{r['head']['hash']}")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["mermaid", "svg"]), default="mermaid",
              show_default=True, help="mermaid text, or SVG drawn from the same table.")
@click.option("--state", help="Mark this state as the current one (svg).")
@_db_option
@_json_option
def diagram(fmt: str, state: str | None, db: str, as_json: bool) -> None:
    """The lifecycle as mermaid text that mermaid's own parser accepts, or as SVG."""
    from engine.lifecycle import mermaid
    from engine.page import lifecycle_svg
    from engine.state import Status

    if state is not None and state not in {s.value for s in Status}:
        raise InvalidAction(f"{state!r} is not a state of the lifecycle", field="state")
    text = mermaid() if fmt == "mermaid" else lifecycle_svg(state)
    _emit({"format": fmt, "diagram": text}, as_json, lambda d: d["diagram"].rstrip("\n"),
          escape=False)


@cli.command()
@click.argument("deal")
@click.option("--as-of", "as_of", help="The moment to show (default: the deal's clock); a "
              "later one shows the deal as it will be if nothing else happens.")
@click.option("--out", help="The HTML file to write (default DEAL.html; - for standard output).")
@click.option("--coverage", "features", multiple=True, type=_ANY_PATH,
              help="Feature files or directories whose clause coverage the page shows "
              "(default: the features shipped with npa). Repeatable.")
@click.option("--no-coverage", is_flag=True, help="Leave the clause coverage out (faster).")
@_db_option
@_json_option
def page(deal: str, as_of: str | None, out: str | None, features: tuple[str, ...],
         no_coverage: bool, db: str, as_json: bool) -> None:
    """The whole agreement as one self-contained HTML page, annotated with the deal."""
    from engine.clock import parse_time
    from engine.deal import Deal
    from engine.page import page_of, write_page

    moment = parse_time(as_of, "as-of") if as_of is not None else None
    with _store(db, must_exist=True) as store:
        loaded = Deal.load(store, deal)
    covered = None if no_coverage else _coverage_of(features)
    text = page_of(loaded, moment, covered)
    if out == "-" and as_json:
        _emit({"deal": deal, "as_of": as_of, "out": "-", "html": text}, True, str)
        return
    target = write_page(text, out if out is not None else f"{deal}.html")
    if target is not None:
        _emit({"deal": deal, "as_of": as_of, "out": target, "bytes": len(text.encode())},
              as_json, lambda d: f"{d['out']}: the agreement as of {d['as_of'] or 'now'}")


@cli.command()
@click.option("--path", "story", type=click.Choice(["repaid", "default", "indemnity"]),
              default="repaid", show_default=True,
              help="repaid: signing to repayment; default: a missed coupon, acceleration "
              "by notice and recovery; indemnity: a claim from notice to payment.")
@click.option("--db", default=None, help="SQLite file to run it in (default: a fresh "
              "temporary file).")
@_json_option
def demo(story: str, db: str | None, as_json: bool) -> None:
    """Run the 1997 deal from signing to repayment on SQLite and print its timeline."""
    import tempfile

    from engine.deal import Deal
    from engine.demo import STORIES
    from storage import SqliteStore

    path = db or str(Path(tempfile.mkdtemp(prefix="npa-demo-")) / "demo.db")
    with SqliteStore(path) as store:
        deal = Deal.create(store, "lexington-1997")
        for action in STORIES[story]():
            result = deal.act(action)
            if not result.accepted:  # pragma: no cover - the demo is a tested script
                _emit(result.to_dict(), as_json, _render_result)
                raise SystemExit(1)
        data = {"db": path, "deal": deal.id, "state": deal.state.status.value,
                "timeline": deal.timeline()}
    _emit(data, as_json, lambda d: f"{_render_timeline(d['timeline'])}\n\n"
                                   f"{d['deal']} is {d['state']} (stored in {d['db']})")


@cli.command()
@click.option("--scenario", type=_FILE,
              help="Scripted: run this file of actions (as `npa run` takes) in memory.")
@click.option("--terms", metavar="FILE",
              help="A term sheet (TOML); keys left out keep the 1997 values.")
@click.option("--paths", type=_Whole(), metavar="N",
              help="Monte Carlo: how many paths (numbered from 1).")
@click.option("--seed", type=_Whole(), metavar="S",
              help="The run's seed: the same seed, the same paths.")
@click.option("--model", metavar="FILE",
              help="A behaviour model (TOML); keys left out keep the defaults (--print-model).")
@click.option("--workers", type=_Whole(), metavar="K", help="Run the paths in K processes.")
@click.option("--dask", metavar="ADDRESS",
              help="Send batches of paths to this Dask scheduler instead.")
@click.option("--discount", metavar="RATE", help="Annual rate for present values (compounded "
              "annually, ACT/365 from the Closing Date); default 0.")
@click.option("--out", metavar="DIR",
              help="Write paths.csv, summary.json and three PNG plots here.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--path", "path_k", type=_Whole(), metavar="K",
              help="Re-run path K alone: its actions and timeline.")
@click.option("--save", metavar="FILE",
              help="With --path: write the path as a scenario for `npa run`.")
@click.option("--print-model", "print_model", is_flag=True,
              help="Print the shipped default behaviour model (commented TOML).")
@click.option("--db", default=None, help="Not used: a simulation stores nothing (no "
              "database is created or changed).")
@_json_option
def simulate(scenario: str | None, path_k: int | None, as_json: bool, db: str | None,
             **given: Any) -> None:
    """Simulate the deal in memory: a scripted scenario, or Monte Carlo paths. Nothing stored."""
    from engine.simulation.command import Options, run

    options = Options(scenario=scenario, path=path_k, as_json=as_json, **given)
    raise SystemExit(run(options, click.echo, _read_scenario))


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--tags", help='A Cucumber tag expression: "@section_5_1 and not @slow".')
@click.option("--dry-run", is_flag=True, help="Parse and match every step; run none.")
@click.option("--format", "formats", multiple=True, default=("pretty",), show_default=True,
              metavar="FORMAT[:FILE]", help="pretty, progress, json, cucumber-json (Cucumber's "
              "JSON report) or junit (JUnit XML); :FILE writes it to a file. Repeatable.")
@click.option("--db", default="npa.db", show_default=True,
              help="Accepted like every command's; nothing is written: scenarios run in memory.")
@_json_option
def spec(paths: Sequence[str], tags: str | None, dry_run: bool, formats: tuple[str, ...],
         db: str, as_json: bool) -> None:
    """Run Gherkin .feature files (or FILE:LINE) against the engine's step vocabulary."""
    from features.formats import FormatError, outputs, write_outputs
    from features.runner import TargetError, run_files

    try:
        given = list(formats)
        if as_json:  # --json is --format json: it takes the terminal from the default only
            source = click.get_current_context().get_parameter_source("formats")
            if source is click.core.ParameterSource.DEFAULT:
                given = []
            if "json" not in given:
                given.append("json")
        chosen = outputs(given)
        report = run_files(list(paths), tags=tags, dry_run=dry_run)
        shown = write_outputs(report, chosen)
    except TargetError as exc:
        raise InvalidAction(exc.message, field=exc.field) from None
    except FormatError as exc:
        raise InvalidAction(str(exc), field="format") from None
    if shown is not None:
        click.echo(shown)
    raise SystemExit(0 if report["ok"] else 1)


@cli.command()
@_db_option
@_json_option
def steps(db: str, as_json: bool) -> None:
    """The step vocabulary that features (and `npa spec`) may use, and what each
    placeholder accepts."""
    from features.steps import vocabulary
    from features.steps.accepts import placeholder_types, render_vocabulary

    data = {"steps": vocabulary(), "placeholders": placeholder_types()}
    _emit(data, as_json, render_vocabulary)


@cli.command()
@click.option("--depth", type=_Whole(0, 50), default=3, show_default=True,
              help="Moves a path may have after the scene it starts from.")
@click.option("--terms", "terms_file", type=_FILE,
              help="A term sheet (TOML) to explore instead of the 1997 deal's.")
@click.option("--max-states", type=_Whole(min=1), default=None,
              help="Stop, and say so, after this many distinct states.")
@click.option("--workers", type=_Whole(1, 64), default=1, show_default=True,
              help="Processes sharing each level of the search (same result for any).")
@click.option("--out", "out", type=click.Path(file_okay=False),
              help="Write graph.mmd, summary.json and counterexample-N.feature here.")
@_db_option
@_json_option
def explore(depth: int, terms_file: str | None, max_states: int | None, workers: int,
            out: str | None, db: str, as_json: bool) -> None:
    """Every path of the parties' moves up to a depth: invariants and counterexamples."""
    from engine import explore as run
    from engine.exploration.report import out_dir, read_terms, render, write_out

    where = out_dir(out)
    result = run(depth, terms=read_terms(terms_file), max_states=max_states, workers=workers)
    if where is not None:
        write_out(result, where)
    _emit(result.to_dict(), as_json, render)
    raise SystemExit(0 if result.ok else 1)


def _coverage_of(features: Sequence[str]) -> dict[str, Any]:
    """The clause coverage of feature files (default: the shipped ones), for the page."""
    from engine.clause_coverage import coverage as clause_coverage
    from features.runner import TargetError

    for given in features:
        if not Path(given).exists():
            raise InvalidAction(f"no file or directory {given}", field="coverage")
    try:
        return clause_coverage(list(features) or None).to_dict()
    except TargetError as exc:
        raise InvalidAction(exc.message, field="coverage") from None


@cli.command()
@click.argument("paths", nargs=-1, type=_ANY_PATH)
@click.option("--depth", type=_Whole(0, 50), default=None,
              help="Also explore the 1997 deal to this depth.")
@_db_option
@_json_option
def coverage(paths: Sequence[str], depth: int | None, db: str, as_json: bool) -> None:
    """For every section: the rules citing it, the scenarios and explored paths exercising it."""
    from engine import coverage as report_on
    from engine.clause_coverage import render

    for given in paths:
        if not Path(given).exists():
            raise InvalidAction(f"no file or directory {given}", field="path")
    report = report_on(list(paths), depth=depth)
    _emit(report.to_dict(), as_json, render)
    # A file that could not be read leaves its scenarios out of the counts: exit 1, as
    # `npa spec` does for the same file.
    raise SystemExit(1 if report.errors else 0)


# --- rendering for people --------------------------------------------------


def _render_verify(d: dict[str, Any]) -> str:
    head = f"head {d['head']['seq']}:{d['head']['hash']}" if d["head"] else "no head"
    checked = ("events and head checked with the key (HMAC-SHA256)" if d["keyed"]
               else "no key: SHA-256 chain only" + (" (the deal is sealed with a key)"
                                                    if d["sealed"] else ""))
    rebuilt = (f"query tables rebuilt from the log (they differed in: "
               f"{', '.join(d['rebuilt'])})\n" if d.get("rebuilt") else "")
    if d["ok"]:
        return f"{rebuilt}{d['deal']}: sound; {head}; {checked}"
    return "\n".join([*d["problems"], f"{d['deal']}: broken; {head} as stored; {checked}"])


def _render_feed(e: dict[str, Any]) -> str:
    return f"{e['position']:6}  {e['deal']:20} {e['seq']:5}  {e['at'] or '':25}  {e['type']} " \
           f"({e['section']})"


def _render_tick(d: dict[str, Any]) -> str:
    lines = []
    for r in d["deals"]:
        if r["error"] is not None:
            lines.append(f"{r['deal']}: not advanced: {r['error']['message']}")
            continue
        lines.append(f"{r['deal']}: {r['state']}" + (" (replayed: already ticked to this "
                                                      "time)" if r["replayed"] else ""))
        lines += [f"  {c['summary']}" + (f" ({c['section']})" if c["section"] else "")
                  for c in r["consequences"]]
    return "\n".join(lines) or f"nothing due by {d['until']}"


def _render_result(result: dict[str, Any]) -> str:
    lines = [f"{'accepted' if result['accepted'] else 'refused'}: {result['state']}"
             + (" (replayed: an action with this request_id was already accepted; nothing "
                "new was applied or stored)" if result.get("replayed") else "")]
    lines += [f"  {c['summary']}" + (f" ({c['section']})" if c["section"] else "")
              for c in result["consequences"]]
    lines += [f"  {r['section']}: {r['message']}" for r in result["reasons"]]
    lines += [f"  created {kind} {ident}" for kind, ident in result["created"].items()]
    return "\n".join(lines)


def _render_reasons(data: dict[str, Any]) -> str:
    if data.get("replayed"):
        return (f"nothing stands in the way ({data['state']}): an action with this request_id "
                "was already accepted; act would give its result again, nothing new applied "
                "or stored")
    if data["allowed"]:
        return f"nothing stands in the way ({data['state']})"
    # The whole clause: a cut one drops the words a refusal rests on (8.4's "signed by the
    # Company and Purchaser", 8.10's "prior written consent").
    return "\n".join(f"{r['section']}: {r['message']}\n    \"{r['text']}\""
                     for r in data["reasons"])


def _render_status(s: dict[str, Any]) -> str:
    lines = [f"{s['deal']}: {s['state']} as of {s['as_of'] or 'the start'}",
             f"  Closing Date: {s['closing_date']}", "  conditions:"]
    lines += [f"    {section:8} {value}" for section, value in s["conditions"].items()]
    if s["holders"]:
        lines.append("  holders: " + ", ".join(f"{k} {v}" for k, v in s["holders"].items()))
    balances = s.get("balances") or {}
    if s["holders"] or any(v not in ("0.00", "0") for k, v in balances.items()
                           if k not in ("assumed", "default_rate")):
        shown = ("principal_outstanding", "interest_payable", "interest_overdue",
                 "principal_payable", "default_interest", "interest_paid", "principal_paid")
        lines.append("  balances: " + ", ".join(
            f"{k.replace('_', ' ')} {balances[k]}" for k in shown if k in balances))
    if s.get("accelerated"):
        lines.append(f"  accelerated: {s.get('accelerated_at') or 'yes'} (Schedule 1)")
    if s.get("events_of_default"):
        lines.append("  events of default:")
        lines += [f"    {e['id']:4} {e['section']}: {e['description']} (occurred "
                  f"{e['occurred_at']}; {e['status']})" for e in s["events_of_default"]]
    if s.get("breaches"):
        lines.append("  breaches:")
        lines += [f"    {b['id']:4} {b['section']}: {b['description']} (occurred "
                  f"{b['occurred_at']}; {b['status']})" for b in s["breaches"]]
    owing = [o for o in s.get("obligations", ()) if o["status"] in ("overdue", "accelerated")]
    if owing:
        lines.append("  obligations overdue or due at once:")
        lines += [f"    {o['id']} ({o['section']}): {o['status']}, due {o['due']}"
                  + (f", {o['amount']}" if o.get("amount") else "") for o in owing]
    if s.get("claims"):
        lines.append("  claims:")
        lines += [f"    {c['id']:4} {c['claimant']} against {c['against']} under {c['section']}: "
                  f"{c['status']}; claimed {c['claimed']}, indemnifiable {c['indemnifiable']}, "
                  f"paid {c['paid']}" for c in s["claims"]]
    if s["notices"]:
        lines.append("  notices:")
        for n in s["notices"]:
            when = n["effective_at"] or "never"
            lines.append(f"    {n['id']:4} {n['kind']} from {n['from']} to {n['to']} by "
                         f"{n['method'].replace('_', ' ')}: {n['status']} (effective {when})")
            lines += [f"         defect: {d}" for d in n["defects"]]
    if s["deadlines"]:
        lines.append("  deadlines:")
        lines += [f"    {d['due']}  {d['description']} ({d['section']})"
                  for d in s["deadlines"]]
    if s["missing"]:
        lines.append("  missing:")
        lines += [f"    {r['section']}: {r['message']}" for r in s["missing"]]
    return "\n".join(lines)


def _render_timeline(entries: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{e['seq']:4}  {e['at'] or '':25}  {e['summary']}"
        + (f" ({e['section']})" if e["section"] else "")
        for e in entries)


def _render_schedule(rows: list[dict[str, Any]]) -> str:
    lines = ["Schedule 1 (Form of Note) was omitted from the filing: these terms are ASSUMED."]
    for r in rows:
        period = f"  {r['start']} to {r['end']}" if r.get("start") else ""
        status = f"  {r['status']}" if r.get("status") else ""
        lines.append(f"  {r['date']}  payable {r['payment_date']}  {r['kind']:9} "
                     f"{r['amount_dollars']:>14}{period}{status}")
    return "\n".join(lines)


def _render_sections(entries: list[dict[str, Any]]) -> str:
    marks = {(True, True): "modelled", (False, True): "not modelled",
             (False, False): "not operative"}
    return "\n".join(f"{e['section']:14} {marks[(e['modelled'], e['operative'])]:13} "
                     f"{e['heading']}: {e['how']}" for e in entries)


def _render_catalogue(entries: list[dict[str, Any]]) -> str:
    lines = []
    for e in entries:
        fields = ", ".join(f["name"] + ("" if f["required"] else "?")
                           for f in e["fields"] if f["name"] not in ("actor", "at", "request_id"))
        lines.append(f"{e['type']:26} {e['who']:34} {', '.join(e['rests_on']):24} {fields}")
        lines += [f"{'':28}{f['name']}: {f['default']}" for f in e["fields"] if "default" in f]
    lines.append("every action also has actor and at, and may carry request_id (1 to 128 "
                 "printable characters): a retry with the same one is replayed, not applied twice")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    """Run npa: every error is one line on stderr with its exit code."""
    args = list(argv) if argv is not None else sys.argv[1:]
    _OUTPUT.update(json="--json" in args, printed=False)
    try:
        cli.main(args=args, prog_name="npa", standalone_mode=False)
    except click.exceptions.Exit as exc:
        raise SystemExit(exc.exit_code) from None
    except click.Abort:
        click.echo("npa: aborted", err=True)
        raise SystemExit(1) from None
    except click.UsageError as exc:
        _fail(InvalidOption(exc.format_message(), field=_option_in(exc)))
    except NpaError as exc:
        _fail(exc)
    except BrokenPipeError:  # pragma: no cover - the reader went away
        raise SystemExit(1) from None
    except Exception as exc:  # never a traceback: a bug still gets one line
        _fail(ValueError(f"internal error: {exc.__class__.__name__}: {exc}"), 70)


def entry() -> NoReturn:
    """The `npa` console script: `main`, then an exit that skips interpreter teardown.

    Every store is closed and both streams are flushed before `os._exit`;
    nothing else is registered to run at exit. Tearing the interpreter down
    cost about 17 ms of every command (README, benchmarks).
    """
    try:
        main()
        code = 0
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or 0
        else:
            click.echo(str(exc.code), err=True)
            code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # the reader went away (a closed pipe)
            code = code or 1
    os._exit(code)
