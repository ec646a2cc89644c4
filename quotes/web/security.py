"""Headers that make every page safe by construction, and a bound on what a URL may ask.

The Content-Security-Policy allows nothing but this site's own stylesheet, script and
pictures: an injected script or inline handler would not run even if escaping failed.
"""

from starlette.middleware import Middleware

MAX_QUERY = 4096  # bytes of query string
HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
        b"form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """ASGI middleware: GET and HEAD only, a bounded query string, the headers above."""

    def __init__(self, app):
        self.app = app

    @classmethod
    def middleware(cls) -> Middleware:
        return Middleware(cls)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if scope["method"] not in ("GET", "HEAD"):
            return await _refuse(send, 405, b"Read-only: GET and HEAD only.\n")
        if len(scope.get("query_string", b"")) > MAX_QUERY:
            return await _refuse(send, 414, b"The query string is too long.\n")

        async def with_headers(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], *HEADERS]
            await send(message)

        return await self.app(scope, receive, with_headers)


async def _refuse(send, status: int, body: bytes) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"text/plain; charset=utf-8"), *HEADERS],
        }
    )
    await send({"type": "http.response.body", "body": body})
