"""A local server speaking Pinecone's data-plane REST protocol (as the pinecone SDK sends it), scriptable.

Routes: `POST /vectors/upsert`, `POST /query`, `POST /vectors/delete`, `POST /describe_index_stats`, each
checking the `Api-Key` header. Vectors live in memory per namespace; the index has one dimension and cosine
metric; filters support `{"field": {"$eq": v}}`, `{"field": v}` and `{"$and": [...]}`. Every request is
recorded (`stub.requests`); scripted replies (`stub.reply_error`, `stub.reply_raw`) are served first.

    with PineconeStub(dimension=4) as stub:
        index = AsyncIndex(host=stub.host, api_key=stub.api_key)
        stub.reply_error(429, retry_after=0)
"""

import json
import math
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

MAX_UPSERT = 1000
GRPC_CODES = {400: 3, 401: 16, 404: 5, 429: 8, 500: 13, 503: 14}


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    headers: Mapping[str, str]
    body: Any

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


@dataclass
class ScriptedReply:
    status: int
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)
    path: str | None = None  # only for this path; None: the next request
    delay: float = 0.0  # seconds before answering; with status 0, then answer normally


class StubError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


def error_body(status: int, message: str) -> bytes:
    return json.dumps({"code": GRPC_CODES.get(status, 2), "message": message, "details": []}).encode()


def matches_filter(metadata: Mapping[str, Any], condition: Mapping[str, Any]) -> bool:
    for key, operand in condition.items():
        if key == "$and":
            if not all(matches_filter(metadata, part) for part in operand):
                return False
            continue
        if isinstance(operand, dict) and set(operand) != {"$eq"}:
            raise StubError(400, f"unsupported filter operator in {operand}")
        wanted = operand["$eq"] if isinstance(operand, dict) else operand
        found = metadata.get(key)
        if key not in metadata or found != wanted or isinstance(found, bool) != isinstance(wanted, bool):
            return False
    return True


def _cosine(a: list[float], b: list[float]) -> float:
    na, nb = math.sqrt(sum(x * x for x in a)), math.sqrt(sum(x * x for x in b))
    return 0.0 if na == 0 or nb == 0 else sum(x * y for x, y in zip(a, b, strict=True)) / (na * nb)


class PineconeStub:
    def __init__(self, *, dimension: int = 4, api_key: str = "pc-stub-key") -> None:
        self.dimension, self.api_key = dimension, api_key
        self.requests: list[RecordedRequest] = []
        self.namespaces: dict[str, dict[str, dict[str, Any]]] = {}
        self._script: list[ScriptedReply] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05})
        self._thread.daemon = True

    @property
    def host(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> "PineconeStub":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def reply_error(
        self,
        status: int,
        message: str = "scripted error",
        *,
        retry_after: float | None = None,
        path: str | None = None,
    ) -> None:
        headers = {"Content-Type": "application/json"}
        if retry_after is not None:
            headers["Retry-After"] = f"{retry_after:g}"
        with self._lock:
            self._script.append(ScriptedReply(status, error_body(status, message), headers, path))

    def reply_raw(self, raw: bytes, *, status: int = 200, path: str | None = None) -> None:
        with self._lock:
            self._script.append(ScriptedReply(status, raw, {"Content-Type": "application/json"}, path))

    def reply_slowly(self, seconds: float, *, path: str | None = None) -> None:
        """The next request (to `path`) is answered normally, after `seconds`."""
        with self._lock:
            self._script.append(ScriptedReply(0, b"", path=path, delay=seconds))

    def requests_to(self, path: str) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path == path]

    def _scripted(self, path: str) -> ScriptedReply | None:
        with self._lock:
            for i, reply in enumerate(self._script):
                if reply.path in (None, path):
                    return self._script.pop(i)
        return None

    def handle(self, path: str, body: Any) -> Any:
        with self._lock:
            if path == "/vectors/upsert":
                return self._upsert(body)
            if path == "/query":
                return self._query(body)
            if path == "/vectors/delete":
                space = self.namespaces.get(body.get("namespace", ""), {})
                for record_id in body.get("ids", []):
                    space.pop(record_id, None)
                return {}
            if path == "/describe_index_stats":
                counts = {ns: {"vectorCount": len(v)} for ns, v in self.namespaces.items() if v}
                return {
                    "namespaces": counts,
                    "dimension": self.dimension,
                    "indexFullness": 0.0,
                    "totalVectorCount": sum(c["vectorCount"] for c in counts.values()),
                    "metric": "cosine",
                    "vectorType": "dense",
                }
        raise StubError(404, f"no route {path}")

    def _upsert(self, body: Any) -> Any:
        vectors = body.get("vectors", [])
        if len(vectors) > MAX_UPSERT:
            raise StubError(400, f"Batch size exceeds {MAX_UPSERT}")
        for vector in vectors:
            if len(vector.get("values", [])) != self.dimension:
                raise StubError(
                    400,
                    f"Vector dimension {len(vector.get('values', []))} does not match the dimension of "
                    f"the index {self.dimension}",
                )
        space = self.namespaces.setdefault(body.get("namespace", ""), {})
        for vector in vectors:
            space[vector["id"]] = {"values": vector["values"], "metadata": vector.get("metadata") or {}}
        return {"upsertedCount": len(vectors)}

    def _query(self, body: Any) -> Any:
        query = body.get("vector", [])
        if len(query) != self.dimension:
            raise StubError(
                400, f"Query vector dimension {len(query)} does not match the index {self.dimension}"
            )
        space = self.namespaces.get(body.get("namespace", ""), {})
        condition = body.get("filter") or {}
        kept = [(rid, rec) for rid, rec in space.items() if matches_filter(rec["metadata"], condition)]
        scored = sorted(
            ((_cosine(query, rec["values"]), rid, rec) for rid, rec in kept), key=lambda t: (-t[0], t[1])
        )
        matches = []
        for score, rid, rec in scored[: int(body.get("topK", 10))]:
            match: dict[str, Any] = {"id": rid, "score": score, "values": []}
            if body.get("includeMetadata"):
                match["metadata"] = rec["metadata"]
            matches.append(match)
        return {"matches": matches, "namespace": body.get("namespace", ""), "usage": {"readUnits": 1}}

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                try:
                    body = json.loads(raw or b"{}")
                except ValueError:
                    body = raw.decode(errors="replace")
                headers = {k.lower(): v for k, v in self.headers.items()}
                stub.requests.append(RecordedRequest("POST", self.path, headers, body))
                if headers.get("api-key") != stub.api_key:
                    self._send(401, error_body(401, "Invalid API Key"))
                    return
                scripted = stub._scripted(self.path)
                if scripted is not None and scripted.delay:
                    time.sleep(scripted.delay)
                if scripted is not None and scripted.status:
                    self._send(scripted.status, scripted.body, scripted.headers)
                    return
                try:
                    reply = stub.handle(self.path, body if isinstance(body, dict) else {})
                except StubError as exc:
                    self._send(exc.status, error_body(exc.status, exc.message))
                    return
                self._send(200, json.dumps(reply).encode())

            def _send(self, status: int, body: bytes, headers: Mapping[str, str] | None = None) -> None:
                try:
                    self.send_response(status)
                    for name, value in {"Content-Type": "application/json", **(headers or {})}.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up waiting
                    self.close_connection = True

        return Handler
