"""A claim's timeline: one row per statement, its position in colour, and the days it may
have been said drawn as a bar (a point only when the day is known; open ends fade out)."""

from datetime import date, timedelta

from quotes.reports.svg import POSITION_COLOURS, document, element, link, text

LABEL_W, ROW_H, PLOT_W, TOP = 300, 30, 520, 60


def claim_timeline_svg(claim_key: str, claim_text: str, events: list[dict], href=None) -> str:
    """``events``: statement records with a ``position``, oldest first; ``href(record)``
    links each row."""
    href = href or (lambda _record: None)
    known = [date.fromisoformat(d) for e in events for d in (e["said_from"], e["said_to"]) if d]
    low = min(known, default=date.today())
    high = max(known, default=low)
    low, high = date(low.year, 1, 1), date(high.year, 12, 31)
    span = (high - low).days or 1

    def x(day: date) -> float:
        return LABEL_W + PLOT_W * (day - low).days / span

    height = TOP + ROW_H * max(len(events), 1) + 70
    width = LABEL_W + PLOT_W + 30
    body = [
        text(10, 20, claim_key, font_weight="bold"),
        text(10, 38, claim_text),
    ]
    axis_y = TOP + ROW_H * max(len(events), 1) + 10
    body.append(
        element("line", x1=LABEL_W, y1=axis_y, x2=LABEL_W + PLOT_W, y2=axis_y, stroke="#555555")
    )
    for year in range(low.year, high.year + 2):
        tick = x(date(year, 1, 1)) if year <= high.year else x(high)
        body.append(element("line", x1=tick, y1=TOP - 6, x2=tick, y2=axis_y + 5, stroke="#e3e3e3"))
        if year <= high.year:
            body.append(text(tick + 3, axis_y + 18, year, font_size=11))
    for i, event in enumerate(events):
        y = TOP + ROW_H * i
        colour = POSITION_COLOURS.get(event["position"], "#555555")
        start = date.fromisoformat(event["said_from"]) if event["said_from"] else None
        end = date.fromisoformat(event["said_to"]) if event["said_to"] else None
        x1 = x(start) if start else LABEL_W
        x2 = x(end + timedelta(days=1)) if end else LABEL_W + PLOT_W
        bar = element(
            "rect",
            x=round(x1, 1),
            y=y + 8,
            width=round(max(x2 - x1, 4.0), 1),
            height=14,
            fill=colour,
            opacity="0.35" if (start is None or end is None) else "0.8",
            rx=3,
        )
        said = event["said"] or "date unknown"
        label = text(10, y + 19, f"{event['speaker']} {event['position']}")
        when = text(
            min(x2, LABEL_W + PLOT_W) + 4 if x2 < LABEL_W + PLOT_W - 80 else x1 - 4,
            y + 19,
            said,
            font_size=10,
            fill="#555555",
            text_anchor="start" if x2 < LABEL_W + PLOT_W - 80 else "end",
        )
        body.append(
            link(
                href(event),
                label + bar + when,
                f"{event['speaker']} {event['position']}, said {said}: {event['text']}",
            )
        )
    legend_y = height - 12
    for k, (position, colour) in enumerate(POSITION_COLOURS.items()):
        body.append(
            element("rect", x=10 + 110 * k, y=legend_y - 10, width=10, height=10, fill=colour)
        )
        body.append(text(24 + 110 * k, legend_y, position))
    body.append(
        text(
            360,
            legend_y,
            "bar: the days it may have been said; faded: open-ended",
            font_size=10,
            fill="#555555",
        )
    )
    return document(width, height, f"Timeline of the claim {claim_key}", body)
