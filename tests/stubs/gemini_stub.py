"""A local server speaking the Gemini REST protocol (as google-genai sends it), scriptable per test.

Routes (under `/v1` and `/v1beta`): `POST /models/{model}:generateContent`,
`POST /models/{model}:streamGenerateContent?alt=sse` and `POST /models/{model}:batchEmbedContents`.
Every request is recorded (`stub.requests`). Replies come from a FIFO script (`stub.reply_*`); with nothing
scripted, generate answers "stub reply" and embeddings are deterministic unit vectors of the requested
`outputDimensionality` (default 3072), derived from each text's SHA-256 (same text -> same vector).

    with GeminiStub() as stub:
        client = genai.Client(api_key=stub.api_key, http_options=HttpOptions(base_url=stub.base_url))
        stub.reply_error(429, retry_after=0)
        stub.reply_text("Namaste!", input_tokens=12, output_tokens=3)
"""

import hashlib
import json
import math
import re
import struct
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

ROUTE = re.compile(
    r"^/(v1|v1beta)/models/([^/:]+):(generateContent|streamGenerateContent|batchEmbedContents)$"
)
STATUS_NAMES = {
    400: "INVALID_ARGUMENT",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    503: "UNAVAILABLE",
    504: "DEADLINE_EXCEEDED",
}


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    version: str
    model: str
    action: str
    query: Mapping[str, list[str]]
    headers: Mapping[str, str]
    body: Any

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


@dataclass
class StubReply:
    """One scripted reply: JSON body or raw bytes, or SSE events (dicts or raw strings), after a delay."""

    status: int = 200
    body: Any = None
    raw: bytes | None = None
    sse: Sequence[Any] | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0
    action: str | None = None  # only for this action (e.g. "generateContent"); None: the next request


def generate_body(
    text: str, *, input_tokens: int = 10, output_tokens: int = 5, finish_reason: str = "STOP"
) -> dict[str, Any]:
    """A generateContent reply as Gemini returns it."""
    return {
        "candidates": [
            {
                "content": {"role": "model", "parts": [{"text": text}]},
                "finishReason": finish_reason,
                "index": 0,
            }
        ],
        "usageMetadata": {
            "promptTokenCount": input_tokens,
            "candidatesTokenCount": output_tokens,
            "totalTokenCount": input_tokens + output_tokens,
        },
        "modelVersion": "stub",
    }


def deterministic_vector(text: str, dimension: int) -> list[float]:
    """A unit vector derived from the text's SHA-256 (stable across runs and processes)."""
    values: list[float] = []
    counter = 0
    while len(values) < dimension:
        digest = hashlib.sha256(f"{counter}:{text}".encode()).digest()
        values.extend((v / 2**31) - 1.0 for v in struct.unpack(">8I", digest))
        counter += 1
    values = values[:dimension]
    norm = math.sqrt(sum(v * v for v in values)) or 1.0
    return [v / norm for v in values]


class GeminiStub:
    def __init__(self, api_key: str = "stub-key", *, check_key: bool = True) -> None:
        self.api_key = api_key
        self.check_key = check_key
        self.requests: list[RecordedRequest] = []
        self._script: list[StubReply] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> "GeminiStub":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    # --- scripting -------------------------------------------------------------------------------------
    def enqueue(self, reply: StubReply) -> None:
        with self._lock:
            self._script.append(reply)

    def reply_json(
        self, body: Any, *, status: int = 200, delay: float = 0.0, action: str | None = None
    ) -> None:
        self.enqueue(StubReply(status=status, body=body, delay=delay, action=action))

    def reply_text(
        self, text: str, *, input_tokens: int = 10, output_tokens: int = 5, delay: float = 0.0
    ) -> None:
        body = generate_body(text, input_tokens=input_tokens, output_tokens=output_tokens)
        self.enqueue(StubReply(body=body, delay=delay, action="generateContent"))

    def reply_stream(self, pieces: Sequence[str], *, input_tokens: int = 10, output_tokens: int = 5) -> None:
        events = [generate_body(p, input_tokens=input_tokens, output_tokens=0) for p in pieces]
        for event in events[:-1]:
            del event["usageMetadata"]
            del event["candidates"][0]["finishReason"]
        if events:
            events[-1]["usageMetadata"]["candidatesTokenCount"] = output_tokens
        self.enqueue(StubReply(sse=events, action="streamGenerateContent"))

    def reply_error(
        self,
        status: int,
        message: str = "scripted error",
        *,
        retry_after: float | None = None,
        delay: float = 0.0,
    ) -> None:
        body = {"error": {"code": status, "message": message, "status": STATUS_NAMES.get(status, "UNKNOWN")}}
        headers = {} if retry_after is None else {"Retry-After": f"{retry_after:g}"}
        self.enqueue(StubReply(status=status, body=body, headers=headers, delay=delay))

    def reply_raw(self, raw: bytes, *, status: int = 200, content_type: str = "application/json") -> None:
        self.enqueue(StubReply(status=status, raw=raw, headers={"Content-Type": content_type}))

    def pending(self) -> int:
        with self._lock:
            return len(self._script)

    def requests_for(self, action: str) -> list[RecordedRequest]:
        return [r for r in self.requests if r.action == action]

    # --- serving ---------------------------------------------------------------------------------------
    def _next(self, action: str) -> StubReply | None:
        with self._lock:
            for i, reply in enumerate(self._script):
                if reply.action in (None, action):
                    return self._script.pop(i)
        return None

    def _default(self, action: str, body: Any) -> StubReply:
        if action == "batchEmbedContents":
            embeddings = []
            for request in (body or {}).get("requests", []):
                text = " ".join(p.get("text", "") for p in request.get("content", {}).get("parts", []))
                dimension = int(request.get("outputDimensionality") or 3072)
                embeddings.append({"values": deterministic_vector(text, dimension)})
            return StubReply(body={"embeddings": embeddings})
        if action == "streamGenerateContent":
            return StubReply(sse=[generate_body("stub reply")])
        return StubReply(body=generate_body("stub reply"))

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_POST(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                try:
                    body = json.loads(raw) if raw else None
                except ValueError:
                    body = raw.decode("utf-8", "replace")
                match = ROUTE.match(parts.path)
                version, model, action = match.groups() if match else ("", "", "")
                stub.requests.append(
                    RecordedRequest(
                        method="POST",
                        path=parts.path,
                        version=version,
                        model=model,
                        action=action,
                        query=parse_qs(parts.query),
                        headers={k.lower(): v for k, v in self.headers.items()},
                        body=body,
                    )
                )
                if not match:
                    return self._send(
                        StubReply(status=404, body={"error": {"code": 404, "message": "no route"}})
                    )
                if stub.check_key and self.headers.get("x-goog-api-key") != stub.api_key:
                    return self._send(
                        StubReply(
                            status=400,
                            body={
                                "error": {
                                    "code": 400,
                                    "message": "API key not valid.",
                                    "status": "INVALID_ARGUMENT",
                                }
                            },
                        )
                    )
                reply = stub._next(action) or stub._default(action, body)
                self._send(reply)

            def _send(self, reply: StubReply) -> None:
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    if reply.sse is not None and reply.status == 200:
                        return self._send_sse(reply)
                    payload = reply.raw if reply.raw is not None else json.dumps(reply.body).encode()
                    self.send_response(reply.status)
                    headers = {"Content-Type": "application/json; charset=UTF-8", **reply.headers}
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    return

            def _send_sse(self, reply: StubReply) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Connection", "close")
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                for event in _sse_events(reply.sse or ()):
                    self.wfile.write(event)
                    self.wfile.flush()
                self.close_connection = True

        return Handler


def _sse_events(events: Sequence[Any]) -> Iterator[bytes]:
    for event in events:
        data = event if isinstance(event, str) else json.dumps(event)
        yield f"data: {data}\r\n\r\n".encode()
