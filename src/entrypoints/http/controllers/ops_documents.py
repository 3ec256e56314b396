"""Knowledge-base documents in the ops console: upload (PDF, DOCX, Markdown, text) and list.

The multipart form is read inside the handler, after the staff token was checked, so a request without a
valid token is a 401 and one without the permission a 403 (logged) whatever its body holds."""

from dataclasses import dataclass
from typing import Any

from dishka.integrations.litestar import FromDishka, inject
from litestar import Controller, Request, Response, get, post
from litestar.datastructures import UploadFile
from litestar.openapi.spec import OpenAPIFormat, OpenAPIMediaType, OpenAPIType, Operation, RequestBody, Schema

from application.common.errors import InvalidInput
from application.identity.actors import StaffActor
from application.knowledge.commands.ingest_document import IngestDocument, IngestDocumentHandler
from application.knowledge.queries.list_documents import ListDocuments
from domain.knowledge.document import MAX_DOCUMENT_BYTES, DocumentKind
from entrypoints.http.controllers.knowledge_schemas import DocumentListOut, DocumentOut, IngestOut
from entrypoints.http.controllers.ops_common import origin_of
from entrypoints.http.schemas import to_schema

AnyRequest = Request[Any, Any, Any]
BODY_LIMIT = MAX_DOCUMENT_BYTES + 1024 * 1024  # larger bodies get a bare 413 before any parsing
KINDS = [k.value for k in DocumentKind]
UPLOAD_HELP = (
    "A `multipart/form-data` body with the field `file` (PDF, DOCX, Markdown or text, at most "
    f"{MAX_DOCUMENT_BYTES // (1024 * 1024)} MiB; the type is judged by the content, and the name's extension "
    f"must agree), optionally `kind` ({', '.join(KINDS)}; default guide) and `slug` (default: from the file "
    "name). Re-uploading an unchanged file does nothing (200, status `unchanged`); a changed one replaces "
    "its chunks (200, `updated`); a new one answers 201. Problems: 413 too large, 415 not a supported type, "
    "422 no readable text."
)


@dataclass
class UploadOperation(Operation):
    """Documents the multipart body the handler reads itself."""

    def __post_init__(self) -> None:
        form = Schema(
            type=OpenAPIType.OBJECT,
            required=["file"],
            properties={
                "file": Schema(type=OpenAPIType.STRING, format=OpenAPIFormat.BINARY),
                "kind": Schema(type=OpenAPIType.STRING, enum=list(KINDS), default="guide"),
                "slug": Schema(type=OpenAPIType.STRING, max_length=120),
            },
        )
        content = {"multipart/form-data": OpenAPIMediaType(schema=form)}
        self.request_body = RequestBody(content=content, required=True)


async def _command(request: AnyRequest) -> IngestDocument:
    form = await request.form()
    upload = form.get("file")
    kind = str(form.get("kind") or "guide")
    if kind not in KINDS:
        raise InvalidInput("kind", f"kind must be one of {', '.join(KINDS)}")
    file = upload if isinstance(upload, UploadFile) else None
    return IngestDocument(
        filename=(file.filename or "upload") if file else "",
        data=await file.read() if file else b"",
        kind=DocumentKind(kind),
        slug=str(form.get("slug") or "") or None,
        origin=origin_of(request),
    )


class OpsDocumentsController(Controller):
    path = "/documents"
    tags = ["ops: knowledge base"]

    @post(
        "/",
        summary="Upload a document into the knowledge base (documents.manage)",
        description=UPLOAD_HELP,
        request_max_body_size=BODY_LIMIT,
        status_code=201,
        operation_class=UploadOperation,
    )
    @inject
    async def upload(
        self, request: AnyRequest, actor: FromDishka[StaffActor], handler: FromDishka[IngestDocumentHandler]
    ) -> Response[IngestOut]:
        result = await handler.execute(await _command(request), actor=actor)
        return Response(to_schema(result, IngestOut), status_code=201 if result.status == "created" else 200)

    @get("/", summary="Documents in the knowledge base (documents.view)")
    @inject
    async def list_documents(
        self, actor: FromDishka[StaffActor], handler: FromDishka[ListDocuments]
    ) -> DocumentListOut:
        items = [to_schema(d, DocumentOut) for d in await handler.execute(actor=actor)]
        return DocumentListOut(items=items)
