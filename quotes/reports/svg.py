"""Writing SVG by hand: every text and attribute escaped, the document wrapped, PNG on demand."""

from xml.sax.saxutils import escape, quoteattr

POLARITY_COLOURS = {
    "critical": "#c0392b",
    "supportive": "#2e8b57",
    "neutral": "#7f8c8d",
    "mixed": "#d68910",
}
POSITION_COLOURS = {"asserts": "#2e6da4", "denies": "#c0392b", "questions": "#d68910"}
FONT = "DejaVu Sans, Verdana, sans-serif"


def text(x: float, y: float, words: str, **attributes) -> str:
    return f'<text x="{_n(x)}" y="{_n(y)}"{_attributes(attributes)}>{escape(str(words))}</text>'


def element(name: str, **attributes) -> str:
    return f"<{name}{_attributes(attributes)}/>"


def link(href: str | None, inner: str, title: str | None = None) -> str:
    """``inner`` as a link to ``href`` (nothing when None), with a tooltip and label."""
    label = f"<title>{escape(title)}</title>" if title else ""
    if href is None:
        return f"<g>{label}{inner}</g>"
    return f"<a href={quoteattr(href)}>{label}{inner}</a>"


def document(width: float, height: float, title: str, body: list[str]) -> str:
    """A standalone SVG document with an accessible title."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(width)}" height="{_n(height)}" '
        f'viewBox="0 0 {_n(width)} {_n(height)}" role="img" aria-label={quoteattr(title)} '
        f'font-family="{FONT}" font-size="12">\n'
        f"<title>{escape(title)}</title>\n"
        f'<rect width="100%" height="100%" fill="#ffffff"/>\n' + "\n".join(body) + "\n</svg>\n"
    )


def to_png(svg: str) -> bytes:
    """The picture as PNG, rendered by CairoSVG."""
    import cairosvg

    return cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=2)


def _attributes(attributes: dict) -> str:
    return "".join(
        f" {name.rstrip('_').replace('_', '-')}={quoteattr(_value(value))}"
        for name, value in attributes.items()
        if value is not None
    )


def _value(value) -> str:
    return _n(value) if isinstance(value, float) else str(value)


def _n(number: float) -> str:
    return f"{number:.1f}".rstrip("0").rstrip(".") if isinstance(number, float) else str(number)
