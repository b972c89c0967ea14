"""Which rules cite which sections: a scan of the engine's own source.

A rule cites a section when its docstring's summary line names it (STYLE.md:
"a rule is a function named for its clause, with the section in its
docstring") or when it builds a refusal citing it with a literal section
(`refusal("5.1(d)", ...)`). The rules are the functions of `engine/rules`,
the deadlines' firings (`engine/deadlines.py`) and the rows of the lifecycle
table (`engine/lifecycle.py`). The scan reads the source with `ast`; nothing
is imported or run.
"""

from __future__ import annotations

import ast
import functools
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from engine.events import Event
    from engine.explain import Reason
    from engine.state import DealState

ENGINE = Path(__file__).resolve().parent
#: Where the rules live: every module of engine/rules, the deadlines and the lifecycle.
RULE_FILES = ("rules/*.py", "deadlines.py", "lifecycle.py")

#: A section as the engine cites it: "5.1(d)", "6.2(a)(ii)", "Schedule 1 (b)", "8.10".
SECTION = re.compile(r"Schedule 1(?: \([a-e]\))?|signature page|\b\d\.\d{1,2}(?:\([a-z]+\))*")


def _rule_files() -> list[Path]:
    files: list[Path] = []
    for pattern in RULE_FILES:
        files += sorted(ENGINE.glob(pattern))
    return [f for f in files if f.name != "__init__.py"]


def _literal(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _refusals(node: ast.AST) -> Iterator[str]:
    """The literal sections of every `refusal("...", ...)` under a node."""
    for call in ast.walk(node):
        if (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
                and call.func.id == "refusal" and call.args):
            section = _literal(call.args[0])
            if section is not None:
                yield section


#: A section followed by more paragraphs of it in shorthand: "5.1(b), (d), (f)".
_SHORTHAND = re.compile(r"\b(\d\.\d{1,2})(\([a-z]+\))((?:(?:, | and |, and )\([a-z]+\))+)")


def _summary_sections(doc: str | None, known: frozenset[str]) -> list[str]:
    """The sections a docstring's summary names (only real ones), shorthand included:
    "5.1(b), (d), (f) and 5.2(b), (e)" names five paragraphs."""
    if not doc:
        return []
    summary = " ".join(doc.strip().split("\n\n")[0].split())
    found = SECTION.findall(summary)
    for head, first, rest in _SHORTHAND.findall(summary):
        found += [head + first] + [head + p for p in re.findall(r"\([a-z]+\)", rest)]
    return [s for s in dict.fromkeys(found) if s in known]


def _known() -> frozenset[str]:
    from contract import EVENTS_OF_DEFAULT, SECTIONS

    return frozenset(SECTIONS) | {"Schedule 1"} | {f"Schedule 1 ({k})"
                                                   for k in EVENTS_OF_DEFAULT}


def _table_rows(tree: ast.Module) -> Iterator[tuple[str, str]]:
    """The lifecycle table's rows: (trigger, section)."""
    for call in ast.walk(tree):
        if (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
                and call.func.id == "Transition" and len(call.args) >= 4):
            trigger, section = _literal(call.args[0]), _literal(call.args[3])
            if trigger and section:
                yield trigger, section


@functools.cache
def rules_citing() -> Mapping[str, tuple[str, ...]]:
    """Each section a rule cites, with the rules that cite it ("rules.conditions.unmet")."""
    known = _known()
    found: dict[str, list[str]] = {}

    def note(section: str, rule: str) -> None:
        found.setdefault(section, [])
        if rule not in found[section]:
            found[section].append(rule)

    for path in _rule_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module = path.relative_to(ENGINE).with_suffix("").as_posix().replace("/", ".")
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                name = f"{module}.{node.name}"
                for section in _summary_sections(ast.get_docstring(node), known):
                    note(section, name)
                for section in _refusals(node):
                    note(section, name)
        for trigger, section in _table_rows(tree):
            note(section, f"{module}.TABLE[{trigger}]")
    order = {s: i for i, s in enumerate(sorted(known, key=_document_order))}
    return {s: tuple(found[s]) for s in sorted(found, key=lambda s: order.get(s, len(order)))}


def literal_refusal_sections() -> set[str]:
    """Every section written literally into a `refusal(...)` anywhere in the engine."""
    found: set[str] = set()
    for path in sorted(ENGINE.rglob("*.py")):
        found.update(_refusals(ast.parse(path.read_text(encoding="utf-8"))))
    return found


def cited_sections() -> tuple[str, ...]:
    """The sections some rule cites, in the agreement's order."""
    return tuple(rules_citing())


def _document_order(section: str) -> tuple[int, ...]:
    from contract import SECTIONS

    if section in SECTIONS:
        return (0, SECTIONS.index(section))
    return (1, len(section), ord(section[-2]) if len(section) > 1 else 0)


def covers(section: str, cited: Iterable[str]) -> bool:
    """Whether citing any of `cited` exercises `section`: the section itself or one of its
    paragraphs ("5.1(d)" exercises 5.1; "Schedule 1 (b)" exercises Schedule 1)."""
    opening = "Schedule 1 (" if section == "Schedule 1" else section + "("
    return any(s == section or s.startswith(opening) for s in cited)


#: The section each kind of event cites, by the event's short words (its kind, purpose,
#: condition, trigger...): what `describe` says depends on nothing else.
_SECTION_OF: dict[tuple[Any, ...], str] = {}


def _values_of(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    """A function that reads every field of an event class at once (one C call)."""
    names = [f.name for f in attrs.fields(cls)]
    getter = operator.attrgetter(*names)
    if len(names) == 1:
        return lambda event: (getter(event),)
    return getter


def cited_by(state: DealState, events: Iterable[Event], reasons: Iterable[Reason] = ()
             ) -> set[str]:
    """The sections an action's results cite: each event's section as `act` reports it
    (`engine.status.describe`), the section an event is about (the representation of a
    claim or of a misrepresentation, the covenant of a breach, what a notice is given
    under), and each refusal's."""
    found = {r.section for r in reasons if r.section}
    for event in events:
        cls = type(event)
        read = _READS.get(cls)
        if read is None:
            read = _READS[cls] = _reads_of(cls)
        values_of, has_section, is_notice = read
        short = (cls, *[v for v in values_of(event) if v.__class__ is str and len(v) <= 24])
        section = _SECTION_OF.get(short)
        if section is None:
            from engine.status import describe

            section = describe(state, event)[1]
            if len(_SECTION_OF) < 50_000:
                _SECTION_OF[short] = section
        if section:
            found.add(section)
        if has_section:
            about = getattr(event, "section", None)
            if isinstance(about, str) and _is_section(about):
                found.add(about)
        if is_notice:
            kind = getattr(event, "kind", None)
            if kind in NOTICE_RESTS_ON:
                found.add(NOTICE_RESTS_ON[kind])
    return found


#: For each event class: its fields read at once, whether it has a `section`, and whether
#: it is a notice (whose kind names what it is given under).
_READS: dict[type, tuple[Callable[[Any], tuple[Any, ...]], bool, bool]] = {}


def _reads_of(cls: type) -> tuple[Callable[[Any], tuple[Any, ...]], bool, bool]:
    return _values_of(cls), hasattr(cls, "section"), cls.__name__ == "NoticeSent"


@functools.lru_cache(maxsize=4096)
def _is_section(text: str) -> bool:
    """Whether text names a section the way the agreement numbers them."""
    return SECTION.fullmatch(text) is not None


#: What each kind of notice is given under, besides 8.5 (how notices are given).
NOTICE_RESTS_ON = {"default": "6.2(a)(i)", "covenant_breach": "Schedule 1 (c)",
                   "acceleration": "Schedule 1", "transfer": "7.3", "claim": "8.10"}
