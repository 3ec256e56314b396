"""JSON Schema of a msgspec Struct as Gemini's `responseJsonSchema` takes it, and decoding a reply into it."""

from typing import Any, TypeVar

import msgspec

from application.ai.ports import AIServiceError

T = TypeVar("T")


def response_schema(schema: type[Any]) -> dict[str, Any]:
    """msgspec's schema with the top-level `$ref` inlined (the root is the Struct itself; `$defs` stay for
    nested Structs)."""
    document: dict[str, Any] = msgspec.json.schema(schema)
    ref = document.get("$ref")
    defs: dict[str, Any] = document.get("$defs", {})
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        name = ref.removeprefix("#/$defs/")
        root = dict(defs[name])
        others = {k: v for k, v in defs.items() if k != name}
        if others or _refers_to(root, ref):
            root["$defs"] = defs
        return root
    return document


def _refers_to(node: object, ref: str) -> bool:
    if isinstance(node, dict):
        return node.get("$ref") == ref or any(_refers_to(v, ref) for v in node.values())
    if isinstance(node, list):
        return any(_refers_to(v, ref) for v in node)
    return False


def decode_reply(text: str, schema: type[T], *, service: str) -> T:
    """The reply decoded and validated against the Struct; AIServiceError when it does not fit."""
    try:
        return msgspec.json.decode(_strip_fence(text), type=schema)
    except (msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise AIServiceError(service, f"reply does not match {schema.__name__}: {exc}") from exc


def _strip_fence(text: str) -> str:
    stripped = text.strip()
    if stripped.startswith("```"):
        stripped = stripped.split("\n", 1)[-1].rsplit("```", 1)[0]
    return stripped
