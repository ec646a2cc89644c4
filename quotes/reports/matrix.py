"""The stance matrix (speakers' parties down, target parties across, counts by polarity in
each cell) and the same counts as a who-criticizes-whom graph."""

import math
from collections import defaultdict
from collections.abc import Callable, Iterable

from quotes.reports.svg import POLARITY_COLOURS, document, element, link, text

NO_PARTY = "(no party)"
POLARITIES = list(POLARITY_COLOURS)
CELL_W, CELL_H, LABEL_W, HEAD_H = 92, 46, 250, 170

# href(by party key or None, target party key, polarity or None) -> URL or None
Href = Callable[[str | None, str, str | None], str | None]


def _counts(rows: Iterable[tuple[str | None, str, str, int]]):
    counts: dict[tuple[str | None, str], dict[str, int]] = defaultdict(dict)
    for by, about, polarity, n in rows:
        counts[by, about][polarity] = counts[by, about].get(polarity, 0) + n
    return counts


def stance_matrix_svg(
    rows: Iterable[tuple[str | None, str, str, int]],
    names: dict[str, str],
    href: Href | None = None,
    most: int | None = None,
) -> str:
    """The matrix as SVG; ``names`` maps party keys to names, ``href`` links each count;
    ``most`` keeps the parties down and across with the most statements."""
    counts = _counts(rows)
    down = _busiest({by for by, _ in counts}, counts, 0, most)
    across = _busiest({about for _, about in counts}, counts, 1, most)
    down.sort(key=lambda k: (k is None, k or ""))
    across.sort()
    href = href or (lambda *_: None)
    width = LABEL_W + CELL_W * max(len(across), 1) + 20
    height = HEAD_H + CELL_H * max(len(down), 1) + 60
    heading = "Speakers' parties (down) on target parties (across)"
    if most is not None and len({about for _, about in counts}) > most:
        heading += f": the {most} with most statements each way"
    body = [text(10, 20, heading, font_weight="bold")]
    for j, about in enumerate(across):
        x, y = LABEL_W + CELL_W * j + 12, HEAD_H - 8
        body.append(
            text(x, y, about, transform=f"rotate(-40 {x} {y})", **{"aria-label": names.get(about)})
        )
    for i, by in enumerate(down):
        y = HEAD_H + CELL_H * i
        body.append(text(10, y + CELL_H / 2 + 4, by or NO_PARTY))
        body.append(element("line", x1=10, y1=y, x2=width - 10, y2=y, stroke="#dddddd"))
        for j, about in enumerate(across):
            body.append(_cell(LABEL_W + CELL_W * j, y, by, about, counts.get((by, about)), href))
    legend_y = height - 20
    for k, polarity in enumerate(POLARITIES):
        x = 10 + 110 * k
        body.append(
            element("rect", x=x, y=legend_y - 10, width=10, height=10, fill=_fill(polarity))
        )
        body.append(text(x + 14, legend_y, polarity))
    return document(width, height, "Stance matrix: who takes which stance on whom", body)


def _busiest(parties: set, counts, side: int, most: int | None) -> list:
    """``parties`` (one side of the matrix), the ``most`` with most statements only."""
    if most is None or len(parties) <= most:
        return list(parties)
    total: dict = defaultdict(int)
    for pair, by_polarity in counts.items():
        total[pair[side]] += sum(by_polarity.values())
    return sorted(parties, key=lambda k: -total[k])[:most]


def _cell(x, y, by, about, counts, href: Href) -> str:
    if not counts:
        return text(x + CELL_W / 2, y + CELL_H / 2 + 4, "·", fill="#bbbbbb", text_anchor="middle")
    total = sum(counts.values())
    by_name = by or NO_PARTY
    parts = [
        link(
            href(by, about, None),
            text(x + 6, y + 17, total, font_weight="bold"),
            f"{by_name} on {about}: {total} statement(s)",
        )
    ]
    for k, polarity in enumerate(POLARITIES):
        n = counts.get(polarity, 0)
        cx = x + 6 + 21 * k
        box = element(
            "rect", x=cx, y=y + 24, width=18, height=15, fill=_fill(polarity) if n else "#f4f4f4"
        )
        label = text(
            cx + 9,
            y + 35,
            n,
            fill="#ffffff" if n else "#bbbbbb",
            text_anchor="middle",
            font_size=10,
        )
        parts.append(
            link(
                href(by, about, polarity) if n else None,
                box + label,
                f"{by_name} {polarity} of {about}: {n}",
            )
        )
    return "".join(parts)


def _fill(polarity: str) -> str:
    return POLARITY_COLOURS[polarity]


def criticism_graph_svg(
    rows: Iterable[tuple[str | None, str, str, int]],
    names: dict[str, str],
    href: Href | None = None,
    most: int | None = 60,
) -> str:
    """Who criticizes whom: parties on a circle, an arrow from the speakers' party to the
    party criticized, as thick as the number of critical statements; the ``most`` heaviest
    arrows only (a graph of thousands of arrows shows nothing)."""
    critical = {
        pair: c["critical"] for pair, c in _counts(rows).items() if c.get("critical") and pair[0]
    }
    dropped = max(0, len(critical) - most) if most is not None else 0
    if dropped:
        critical = dict(sorted(critical.items(), key=lambda item: -item[1])[:most])
    href = href or (lambda *_: None)
    nodes = sorted({p for pair in critical for p in pair})
    size, radius = 560, 190
    centre = size / 2
    where = {
        key: (
            centre + radius * math.cos(2 * math.pi * i / max(len(nodes), 1) - math.pi / 2),
            centre + radius * math.sin(2 * math.pi * i / max(len(nodes), 1) - math.pi / 2),
        )
        for i, key in enumerate(nodes)
    }
    heaviest = max(critical.values(), default=1)
    body = [
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="12" '
        'markerHeight="12" markerUnits="userSpaceOnUse" orient="auto-start-reverse">'
        '<path d="M 0 0 L 10 5 L 0 10 z" '
        f'fill="{POLARITY_COLOURS["critical"]}"/></marker></defs>',
        text(
            10,
            20,
            "Who criticizes whom (arrow: speakers' party to the party criticized)"
            + (f"; the {most} heaviest arrows of {most + dropped}" if dropped else ""),
            font_weight="bold",
        ),
    ]
    for (by, about), n in sorted(critical.items()):
        body.append(_edge(where, by, about, n, 1 + 5 * n / heaviest, href(by, about, "critical")))
    for key, (x, y) in where.items():
        body.append(element("circle", cx=x, cy=y, r=26, fill="#fdfdfd", stroke="#34495e"))
        anchor = "start" if x > centre + 1 else "end" if x < centre - 1 else "middle"
        dx = 32 if anchor == "start" else -32 if anchor == "end" else 0
        dy = -32 if y < centre and anchor == "middle" else 40 if anchor == "middle" else 4
        body.append(text(x + dx, y + dy, key, text_anchor=anchor, **{"aria-label": names.get(key)}))
    if not critical:
        body.append(text(centre, centre, "No critical statements.", text_anchor="middle"))
    return document(
        size + 120, size, "Who criticizes whom", ['<g transform="translate(60 0)">', *body, "</g>"]
    )


def _edge(where, by, about, n, width, href) -> str:
    (x1, y1), (x2, y2) = where[by], where[about]
    colour = POLARITY_COLOURS["critical"]
    title = f"{by} critical of {about}: {n} statement(s)"
    if by == about:
        path = (
            f"M {x1 - 12:.1f} {y1 - 24:.1f} C {x1 - 50:.1f} {y1 - 90:.1f} "
            f"{x1 + 50:.1f} {y1 - 90:.1f} {x1 + 12:.1f} {y1 - 24:.1f}"
        )
        lx, ly = x1, y1 - 76
    else:
        length = math.hypot(x2 - x1, y2 - y1) or 1
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        # A slight bend, so that arrows both ways between two parties do not overlap.
        mx, my = (x1 + x2) / 2 - uy * 24, (y1 + y2) / 2 + ux * 24
        sx, sy, ex, ey = x1 + ux * 28, y1 + uy * 28, x2 - ux * 30, y2 - uy * 30
        path = f"M {sx:.1f} {sy:.1f} Q {mx:.1f} {my:.1f} {ex:.1f} {ey:.1f}"
        lx, ly = mx, my
    line = element(
        "path",
        d=path,
        fill="none",
        stroke=colour,
        stroke_width=f"{width:.1f}",
        marker_end="url(#arrow)",
        opacity="0.8",
    )
    label = text(lx, ly, n, text_anchor="middle", font_weight="bold", fill=colour)
    return link(href, line + label, title)
