"""`quotes serve`: read-only pages over the query layer, one stable URL per question.

Every page is server-rendered HTML that works without JavaScript; every picture is SVG drawn
here; downloads stream. Nothing here writes: the database is opened read-only and no URL
names a file (source texts are found from the database's own record, checked by checksum).
"""

import contextlib
import functools
import hashlib
import json
import re
import threading
from collections import defaultdict
from itertools import islice
from pathlib import Path
from urllib.parse import quote, urlencode

from jinja2 import Environment, PackageLoader, select_autoescape
from sqlalchemy import Engine
from sqlmodel import Session
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Route

from quotes import browse
from quotes.citation import chicago_note, location
from quotes.lookup import (
    AmbiguousName,
    UnknownName,
    find_claim,
    find_party,
    find_source,
    find_speaker,
    resolve_filters,
)
from quotes.query import (
    Filters,
    find_statement,
    statement_page,
    statement_records,
    utterance_reports,
)
from quotes.reader import location_of, reader_of
from quotes.reports.matrix import criticism_graph_svg, stance_matrix_svg
from quotes.reports.timeline import claim_timeline_svg
from quotes.web import params
from quotes.web.security import SecurityHeaders
from quotes.web.streams import streamed

PAGE = 50
API_MOST = 1000
MATRIX_MOST = 24  # parties each way on the matrix page (the SVG download has them all)
LISTED = 500  # rows of an index page, a claim's timeline, a source's statements
STATIC = {
    "quotes.css": "text/css",
    "copy.js": "text/javascript",
    "favicon.svg": "image/svg+xml",
}
DOWNLOADS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "jsonl": ("application/jsonl; charset=utf-8", "nl"),
    "csl.json": ("application/vnd.citationstyles.csl+json; charset=utf-8", "csl-json"),
}


def create_app(engine: Engine, *, project: Path, page_size: int = PAGE) -> Starlette:
    """The web application over ``engine`` (opened read-only by the caller); source texts are
    read from ``project``, the folder their paths in the database are relative to."""
    site = Site(engine, project.resolve(), page_size)
    routes = [
        Route("/", lambda request: RedirectResponse("/statements", status_code=302)),
        Route("/statements", site.statements),
        Route("/statements.{fmt:str}", site.download),
        Route("/statements/{source}/{statement}", site.statement),
        Route("/api/statements", site.api_statements),
        Route("/speakers", site.speakers),
        Route("/speakers/{key:path}", site.speaker),  # unnamed: source/key
        Route("/parties", site.parties),
        Route("/parties/{key}", site.party),
        Route("/claims", site.claims),
        Route("/claims/{key}", site.claim),
        Route("/claims/{key}/timeline.svg", site.claim_svg),
        Route("/sources", site.sources),
        Route("/sources/{key}", site.source),
        Route("/stance-matrix", site.matrix),
        Route("/stance-matrix/matrix.svg", site.matrix_svg),
        Route("/stance-matrix/graph.svg", site.graph_svg),
        Route("/static/{name}", site.static),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(app):
        threading.Thread(target=site.pictures, daemon=True, name="quotes-matrix").start()
        yield

    return Starlette(
        routes=routes,
        lifespan=lifespan,
        middleware=[SecurityHeaders.middleware()],
        exception_handlers={404: site.not_found},
    )


def _templates() -> Environment:
    environment = Environment(
        loader=PackageLoader("quotes.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals.update(statement_url=statement_url, q=urlencode, path=quote)
    return environment


def statement_url(key: str) -> str:
    source, _, statement = key.partition("/")
    return f"/statements/{quote(source)}/{quote(statement)}"


def matrix_href(by: str | None, about: str, polarity: str | None) -> str | None:
    if by is None:
        return None
    pairs = [("by", by), ("about", about)] + ([("stance", polarity)] if polarity else [])
    return "/statements?" + urlencode(pairs)


# The lookups' messages point to the command that lists the names; a page points to its page.
_COMMAND = re.compile(r"`quotes (speakers|parties|sources|claims|list)`")
_PAGE_OF = {"list": "Statements"}


def for_readers(message: str) -> str:
    """``Unknown party 'x'. See `quotes parties`.`` as a page says it: "See the Parties page"."""
    return _COMMAND.sub(lambda m: f"the {_PAGE_OF.get(m[1], m[1].title())} page", message)


class Site:
    """The pages; each method answers one route."""

    def __init__(self, engine: Engine, project: Path, page_size: int):
        self.engine = engine
        self.page_size = page_size
        self.project = project
        self.templates = _templates()
        self._pictures: dict | None = None
        self._pictures_lock = threading.Lock()

    # -- helpers

    def page(self, template: str, status: int = 200, **context) -> HTMLResponse:
        html = self.templates.get_template(template).render(**context)
        return HTMLResponse(html, status_code=status)

    def problem(self, message: str, status: int = 400) -> HTMLResponse:
        message = for_readers(message)
        return self.page("problem.html", status=status, title="Not found", message=message)

    def index(self, template: str, rows) -> HTMLResponse:
        """A registry listing, its first ``LISTED`` rows."""
        with self.session() as session:
            found = list(islice(rows(session), LISTED + 1))
        return self.page(template, rows=found[:LISTED], more=len(found) > LISTED)

    async def not_found(self, request: Request, _error) -> HTMLResponse:
        return self.problem("No page at this address. Start from the statements.", 404)

    def session(self) -> Session:
        return Session(self.engine)

    def _filters(self, session: Session, request: Request) -> tuple[params.Question, Filters]:
        asked = params.question(request.query_params)
        return asked, resolve_filters(session, **asked.keywords)

    # -- statements

    def statements(self, request: Request) -> Response:
        if any(not value for _, value in request.query_params.multi_items()):
            # The form sends every field; the address to share names only those filled in.
            filled = [(k, v) for k, v in request.query_params.multi_items() if v]
            return RedirectResponse("/statements?" + urlencode(filled), status_code=303)
        with self.session() as session:
            try:
                asked, filters = self._filters(session, request)
                after = params.cursor(request.query_params.get("after"))
                records, following = statement_page(
                    session, filters, after=after, size=self.page_size
                )
                facets = browse.facets(session, filters)
            except (params.BadRequest, UnknownName, AmbiguousName) as error:
                asked = params.Question(
                    [(k, v) for k, v in request.query_params.multi_items() if k != "after"], {}
                )
                return self.page(
                    "statements.html",
                    status=400,
                    asked=asked,
                    error=for_readers(str(error)),
                    records=[],
                )
        return self.page(
            "statements.html",
            asked=asked,
            records=records,
            facets=facets,
            first_page=after is None,
            next_query=asked.query_string(after=params.cursor_text(following))
            if following
            else None,
        )

    def download(self, request: Request) -> Response:
        fmt = request.path_params["fmt"]
        if fmt not in DOWNLOADS:
            return self.problem(f"No download as {fmt!r}; use csv, jsonl or csl.json.", 404)
        with self.session() as session:
            try:
                _, filters = self._filters(session, request)
            except (params.BadRequest, UnknownName, AmbiguousName) as error:
                return self.problem(str(error))
        media, writer = DOWNLOADS[fmt]
        return StreamingResponse(
            streamed(functools.partial(self._export, filters, writer)),
            media_type=media,
            headers={"Content-Disposition": f'attachment; filename="statements.{fmt}"'},
        )

    def _export(self, filters: Filters, writer: str, out) -> None:
        """What `quotes export` writes for the same filters, in the same format."""
        from quotes.cli.statements import write_export

        with self.session() as session:
            reader = reader_of(session)
            reader.location = location_of(self.engine.url.render_as_string(hide_password=False))
            write_export(reader, filters, out, fmt=writer)

    def api_statements(self, request: Request) -> Response:
        """The records `quotes list --json` gives, a page at a time (``limit``, ``after``)."""
        with self.session() as session:
            try:
                asked, filters = self._filters(session, request)
                limit = params.bounded_int(
                    request.query_params, "limit", default=API_MOST, most=API_MOST
                )
                after = params.cursor(request.query_params.get("after"))
                records, following = statement_page(session, filters, after=after, size=limit)
            except (params.BadRequest, UnknownName, AmbiguousName) as error:
                return Response(
                    json.dumps({"error": str(error)}),
                    status_code=400,
                    media_type="application/json",
                )
        headers = {}
        if following:
            more = asked.query_string(limit=limit, after=params.cursor_text(following))
            headers["Link"] = f'</api/statements?{more}>; rel="next"'
        body = json.dumps(records, ensure_ascii=False, indent=1)
        return Response(body, media_type="application/json", headers=headers)

    def statement(self, request: Request) -> Response:
        key = f"{request.path_params['source']}/{request.path_params['statement']}"
        with self.session() as session:
            try:
                record = find_statement(session, key)
            except UnknownName as error:
                return self.problem(str(error), 404)
            notes = browse.stance_notes(session, record["source_key"], key.partition("/")[2])
            reports = utterance_reports(session, record) if record["reports"] > 1 else []
            source = find_source(session, record["source_key"])
            text_path, sha256 = browse.source_file(session, source.id)
        before, after = self._in_paragraph(record, self.source_text(text_path, sha256))
        return self.page(
            "statement.html",
            record=record,
            notes=notes,
            before=before,
            after=after,
            citation=chicago_note(record),
            location=location(record),
            reports=[(report, chicago_note(report)) for report in reports],
        )

    # -- source texts

    def source_text(self, text_path: str, sha256: str) -> str | None:
        """The text a source was anchored in, if it is there unchanged; None otherwise."""
        return _read_text(self.project, text_path, sha256)

    @staticmethod
    def _in_paragraph(record: dict, text: str | None) -> tuple[str, str]:
        """What stands before and after the quote in its paragraph (or its stored context)."""
        if text is None:
            return "…" + record["prefix"], record["suffix"] + "…"
        start, end = record["start"], record["end"]
        opening = text.rfind("\n\n", 0, start)
        closing = text.find("\n\n", end)
        return (
            text[opening + 2 if opening >= 0 else 0 : start],
            text[end : closing if closing >= 0 else len(text)],
        )

    # -- registries

    def speakers(self, request: Request) -> Response:
        from quotes.registries import speaker_rows

        return self.index("speakers.html", speaker_rows)

    def speaker(self, request: Request) -> Response:
        with self.session() as session:
            try:
                found = find_speaker(session, request.path_params["key"])
                after = params.cursor(request.query_params.get("after"))
            except (UnknownName, AmbiguousName, params.BadRequest) as error:
                return self.problem(str(error), 404)
            records, following = statement_page(
                session, Filters(speaker_ids=(found.id,)), after=after, size=self.page_size
            )
            roles = browse.speaker_roles(session, found)
            stances = browse.speaker_stances(session, found)
            party = browse.home_party_key(session, found.id)
            heading = browse.speaker_heading(session, found.id)
        by_party: dict[str, dict[str, int]] = defaultdict(dict)
        for party_key, polarity, n in stances:
            by_party[party_key][polarity] = n
        return self.page(
            "speaker.html",
            speaker=heading,
            party=party,
            roles=roles,
            stances=by_party,
            records=records,
            first_page=after is None,
            next_query=urlencode({"after": params.cursor_text(following)}) if following else None,
        )

    def parties(self, request: Request) -> Response:
        from quotes.registries import party_rows

        return self.index("parties.html", party_rows)

        with self.session() as session:
            rows = list(islice(party_rows(session), LISTED))
        return self.page("parties.html", rows=rows)

    def party(self, request: Request) -> Response:
        with self.session() as session:
            try:
                found = find_party(session, request.path_params["key"])
            except UnknownName as error:
                return self.problem(str(error), 404)
            rows = browse.party_stances(session, found)
        speakers: dict[str, dict] = {}
        years: dict = defaultdict(lambda: defaultdict(int))
        for row in rows:
            entry = speakers.setdefault(
                row["speaker_key"], {"name": row["speaker"], "years": set(), "counts": {}}
            )
            entry["counts"][row["polarity"]] = entry["counts"].get(row["polarity"], 0) + row["n"]
            entry["years"].add(row["year"])
            years[row["year"]][row["polarity"]] += row["n"]
        order = sorted(years, key=lambda y: (y is not None, y or 0))
        return self.page(
            "party.html",
            party=found,
            speakers=speakers,
            years=[(y, years[y]) for y in order],
        )

    # -- claims

    def claims(self, request: Request) -> Response:
        from quotes.claims import claim_rows

        disputed = request.query_params.get("disputed") == "1"
        with self.session() as session:
            rows = list(islice(claim_rows(session, disputed=disputed), LISTED))
        return self.page("claims.html", rows=rows, disputed=disputed)

    def _claim(self, key: str):
        from quotes.claims import stands, timeline

        with self.session() as session:
            found = find_claim(session, key)
            events = list(islice(timeline(session, found), LISTED + 1))
        return found, events[:LISTED], len(events) > LISTED, stands(events[:LISTED])

    def claim(self, request: Request) -> Response:
        try:
            found, events, more, standing = self._claim(request.path_params["key"])
        except UnknownName as error:
            return self.problem(str(error), 404)
        svg = claim_timeline_svg(
            found.key, found.text, events, href=lambda e: statement_url(e["key"])
        )
        return self.page(
            "claim.html", claim=found, events=events, more=more, stands=standing, svg=svg
        )

    def claim_svg(self, request: Request) -> Response:
        try:
            found, events, _, _ = self._claim(request.path_params["key"])
        except UnknownName as error:
            return self.problem(str(error), 404)
        return _svg(claim_timeline_svg(found.key, found.text, events))

    # -- sources

    def sources(self, request: Request) -> Response:
        from quotes.registries import source_rows

        return self.index("sources.html", source_rows)

    def source(self, request: Request) -> Response:
        with self.session() as session:
            try:
                found = find_source(session, request.path_params["key"])
            except UnknownName as error:
                return self.problem(str(error), 404)
            source = browse.source_heading(session, found.id)
            records = list(
                islice(
                    statement_records(session, Filters(source_ids=(found.id,), sort="source")), 5000
                )
            )
        text = self.source_text(source["text_path"], source["sha256"])
        return self.page(
            "source.html",
            source=source,
            records=records,
            segments=annotated(text, records) if text is not None else None,
        )

    # -- the stance matrix

    def pictures(self) -> dict:
        """The stance matrix and graph, counted and drawn once per load of the database: the
        server only reads, but `quotes load` may write while it runs, and each load that
        changes something is logged. `quotes serve` starts the first count at startup."""
        with self._pictures_lock:
            with self.session() as session:
                load = _last_load_id(session)
                if self._pictures is None or self._pictures["load"] != load:
                    rows, names = browse.stance_matrix(session), browse.party_names(session)
                    self._pictures = self._drawn(rows, names, load)
        return self._pictures

    @staticmethod
    def _drawn(rows, names, load: int | None) -> dict:
        return {
            "matrix": stance_matrix_svg(rows, names, matrix_href, most=MATRIX_MOST),
            "graph": criticism_graph_svg(rows, names, matrix_href),
            "matrix.svg": stance_matrix_svg(rows, names),
            "graph.svg": criticism_graph_svg(rows, names),
            "names": names,
            "load": load,
        }

    def matrix(self, request: Request) -> Response:
        pictures = self.pictures()
        return self.page(
            "matrix.html",
            matrix=pictures["matrix"],
            graph=pictures["graph"],
            names=pictures["names"],
            most=MATRIX_MOST,
        )

    def matrix_svg(self, request: Request) -> Response:
        return _svg(self.pictures()["matrix.svg"])

    def graph_svg(self, request: Request) -> Response:
        return _svg(self.pictures()["graph.svg"])

    def static(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in STATIC:  # a fixed list: no URL reaches any other file
            return self.problem(f"No file {name!r}.", 404)
        return Response(_static(name), media_type=STATIC[name])


def _svg(svg: str) -> Response:
    return Response(svg, media_type="image/svg+xml")


@functools.cache
def _static(name: str) -> bytes:
    from importlib import resources

    return (resources.files("quotes.web") / "static" / name).read_bytes()


@functools.lru_cache(maxsize=64)
def _read_text(project: Path, text_path: str, sha256: str) -> str | None:
    path = (project / text_path).resolve()
    if not path.is_relative_to(project) or not path.is_file():
        return None
    raw = path.read_bytes()
    if hashlib.sha256(raw).hexdigest() != sha256:
        return None
    return raw.decode("utf-8")


def annotated(text: str, records: list[dict]) -> list[tuple[str, list[dict], list[dict]]]:
    """The text cut where any statement starts or ends: (piece, statements covering it,
    statements ending right after it). Overlapping statements each keep their own link."""
    cuts = sorted({0, len(text), *(r["start"] for r in records), *(r["end"] for r in records)})
    numbered = [{**r, "number": i} for i, r in enumerate(records, 1)]
    pieces = []
    for low, high in zip(cuts, cuts[1:], strict=False):
        covering = [r for r in numbered if r["start"] <= low and high <= r["end"]]
        ending = [r for r in numbered if r["end"] == high]
        pieces.append((text[low:high], covering, ending))
    return pieces


def _last_load_id(session: Session) -> int | None:
    """The latest logged load (one that changed something): what the pictures were drawn from."""
    from sqlalchemy import func, select

    from quotes.models import Load

    return session.execute(select(func.max(Load.id))).scalar_one()
