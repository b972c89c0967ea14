"""The lifecycle as SVG, drawn from the same table as the machine (`engine.lifecycle`).

States are laid out in columns by their distance from Drafted; each
transition is an arrow labelled with its trigger and section, a move back to
an earlier column curving below. The current state, when given, is filled and
marked `class="state current"` with `aria-current="true"`. No graphviz: the
page and `npa diagram --format svg` draw it themselves.
"""

from __future__ import annotations

from collections import deque
from html import escape

from engine.lifecycle import TABLE
from engine.state import Status

_BOX_W, _BOX_H = 150, 44
_COL, _ROW = 262, 120
_MARGIN = 30
_TOP = 78


def _layout() -> dict[Status, tuple[int, int]]:
    """Each state's column (distance from Drafted) and row within the column."""
    depth: dict[Status, int] = {Status.Drafted: 0}
    queue = deque([Status.Drafted])
    while queue:
        here = queue.popleft()
        for row in TABLE:
            if row.source is here and row.dest not in depth:
                depth[row.dest] = depth[here] + 1
                queue.append(row.dest)
    for state in Status:
        depth.setdefault(state, max(depth.values()) + 1)
    rows: dict[int, int] = {}
    place: dict[Status, tuple[int, int]] = {}
    for state in Status:
        column = depth[state]
        place[state] = (column, rows.get(column, 0))
        rows[column] = rows.get(column, 0) + 1
    return place


def _centre(cell: tuple[int, int]) -> tuple[float, float]:
    column, row = cell
    return (_MARGIN + column * _COL + _BOX_W / 2, _TOP + row * _ROW + _BOX_H / 2)


#: Each state's colour when it is the current one (style.py's --ok, --info and --bad).
_STATE_COLOUR = {"Repaid": "#1f5f3a", "Outstanding": "#1f5f3a", "Default": "#8b1a1a"}


def lifecycle_svg(current: str | None = None, *, title: str = "The lifecycle of the deal") -> str:
    """The lifecycle as a standalone SVG document fragment (an <svg> element)."""
    place = _layout()
    columns = max(c for c, _ in place.values()) + 1
    rows = max(r for _, r in place.values()) + 1
    width = _MARGIN * 2 + (columns - 1) * _COL + _BOX_W
    height = _TOP + (rows - 1) * _ROW + _BOX_H + _MARGIN
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" role="img" aria-labelledby="lifecycle-title" '
           'class="lifecycle" font-family="Georgia, \'Times New Roman\', serif" font-size="13">',
           f'<title id="lifecycle-title">{escape(title)}</title>',
           '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
           'markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" '
           'fill="#444"/></marker></defs>']
    drawn: set[tuple[Status, Status]] = set()
    # The middles of box sides a vertical arrow meets: the "now" label goes on a free side.
    met: set[tuple[Status, str]] = set()
    for row in TABLE:
        if (row.source, row.dest) in drawn:
            continue
        drawn.add((row.source, row.dest))
        (x1, y1), (x2, y2) = _centre(place[row.source]), _centre(place[row.dest])
        tip = escape(f"{row.trigger} ({row.section}): {row.when}")
        back = place[row.dest][0] < place[row.source][0]
        if back:
            sx, sy = x1 - _BOX_W / 4, y1 - _BOX_H / 2
            ex, ey = x2 + _BOX_W / 4, y2 - _BOX_H / 2
            cy = min(sy, ey) - 55
            path = f"M {sx:.0f} {sy:.0f} C {sx:.0f} {cy:.0f}, {ex:.0f} {cy:.0f}, {ex:.0f} {ey:.0f}"
            apex = sy + 0.75 * (cy - sy)
            lx, ly, anchor = (sx + ex) / 2, apex - 19, "middle"
        elif x1 == x2:
            sx, sy, ex, ey = x1, y1 + _BOX_H / 2, x2, y2 - _BOX_H / 2
            met |= {(row.source, "bottom"), (row.dest, "top")}
            path = f"M {sx:.0f} {sy:.0f} L {ex:.0f} {ey:.0f}"
            lx, ly, anchor = sx + 8, (sy + ey) / 2 - 4, "start"
        elif y1 == y2:
            sx, sy, ex, ey = x1 + _BOX_W / 2, y1, x2 - _BOX_W / 2, y2
            path = f"M {sx:.0f} {sy:.0f} L {ex:.0f} {ey:.0f}"
            lx, ly, anchor = (sx + ex) / 2, sy - 20, "middle"
        else:
            sx, sy, ex, ey = x1 + _BOX_W / 2 - 20, y1 + _BOX_H / 2, x2 - _BOX_W / 2, y2
            path = f"M {sx:.0f} {sy:.0f} L {ex:.0f} {ey:.0f}"
            lx, ly, anchor = (sx + ex) / 2 - 12, (sy + ey) / 2 + 4, "end"
        out.append(f'<g class="transition" data-trigger="{escape(row.trigger)}">'
                   f'<title>{tip}</title>'
                   f'<path d="{path}" fill="none" stroke="#444" stroke-width="1.4" '
                   'marker-end="url(#arrow)"/>'
                   f'<text x="{lx:.0f}" y="{ly:.0f}" text-anchor="{anchor}" font-size="11" '
                   f'fill="#333">{escape(row.trigger)}'
                   f'<tspan x="{lx:.0f}" dy="13" fill="#666">({escape(row.section)})</tspan>'
                   '</text></g>')
    for state, cell in place.items():
        x, y = _centre(cell)
        here = state.value == current
        # The current state in its own colour, as the page's badge: red only for Default.
        colour = _STATE_COLOUR.get(state.value, "#33475b")
        fill, stroke, ink = (colour, colour, "#fff") if here else ("#fbf8f1", "#555", "#222")
        extra = ' aria-current="true"' if here else ""
        # above the box, unless an arrow meets the middle of its top and none its bottom
        below = (state, "top") in met and (state, "bottom") not in met
        label_y = y + _BOX_H / 2 + 15 if below else y - _BOX_H / 2 - 6
        out.append(f'<g class="state{" current" if here else ""}" '
                   f'data-state="{escape(state.value)}"{extra}>'
                   f'<rect x="{x - _BOX_W / 2:.0f}" y="{y - _BOX_H / 2:.0f}" width="{_BOX_W}" '
                   f'height="{_BOX_H}" rx="8" fill="{fill}" stroke="{stroke}" '
                   f'stroke-width="{2.5 if here else 1.2}"/>'
                   f'<text x="{x:.0f}" y="{y + 5:.0f}" text-anchor="middle" fill="{ink}" '
                   f'font-weight="{"bold" if here else "normal"}">{escape(state.value)}</text>'
                   + (f'<text x="{x:.0f}" y="{label_y:.0f}" text-anchor="middle" '
                      'class="now" font-size="11" fill="#7a1f1f">now</text>' if here else "")
                   + "</g>")
    out.append("</svg>")
    return "\n".join(out)


__all__ = ["lifecycle_svg"]
