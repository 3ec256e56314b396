"""`nexora docs ...`: ingest files into the knowledge base, list documents, search and measure retrieval."""

from pathlib import Path

import click
import msgspec
from dishka import AsyncContainer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from application.ai.ports import AIServiceError
from application.common.errors import ApplicationError
from application.identity.actors import SystemActor
from application.knowledge.commands.ingest_document import IngestDocument, IngestDocumentHandler
from application.knowledge.commands.ingest_library import IngestLibraryHandler
from application.knowledge.queries.evaluate_retrieval import (
    MODES,
    EvaluateRetrieval,
    LabelledQuestion,
    RetrievalEvaluation,
)
from application.knowledge.queries.list_documents import ListDocuments
from application.knowledge.queries.search_knowledge import MAX_LIMIT, SearchKnowledge, SearchKnowledgeQuery
from application.knowledge.views import DocumentView, IngestResult, KnowledgeSearchResult
from domain.knowledge.document import MAX_DOCUMENT_BYTES, DocumentKind
from domain.knowledge.errors import DocumentTooLarge
from domain.shared.errors import DomainError
from entrypoints.cli.runtime import console, fail, run

SUFFIXES = {".pdf", ".docx", ".md", ".markdown", ".txt"}
DEFAULT_QUESTIONS = Path("tests/data/knowledge_questions.jsonl")
CLI = SystemActor("cli")


@click.group()
def docs() -> None:
    """The knowledge base: Nexora's policies and guides, searched by the assistant."""


def _expand(paths: tuple[Path, ...]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        found = (
            sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES) if path.is_dir() else [path]
        )
        files.extend(found)
    return files


def _results_table(results: list[tuple[str, IngestResult | str]]) -> Table:
    table = Table(title="Ingested documents")
    for column in ("File", "Slug", "Status", "Version", "Chunks"):
        table.add_column(column, justify="right" if column in ("Version", "Chunks") else "left")
    for name, result in results:
        if isinstance(result, str):
            table.add_row(name, "-", f"[red]refused[/]: {result}", "-", "-")
        else:
            table.add_row(name, result.slug, result.status, str(result.version), str(result.chunks))
    return table


@docs.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--kind", type=click.Choice([k.value for k in DocumentKind]), default="guide", show_default=True
)
def ingest(paths: tuple[Path, ...], kind: str) -> None:
    """Ingest PDF, DOCX, Markdown or text files (folders are searched); unchanged files are skipped."""
    files = _expand(paths)
    if not files:
        fail("no PDF, DOCX, Markdown or text files found")

    async def work(container: AsyncContainer) -> list[tuple[str, IngestResult | str]]:
        results: list[tuple[str, IngestResult | str]] = []
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=console, transient=True) as bar:
            task = bar.add_task("ingesting", total=len(files))
            for path in files:
                bar.update(task, description=f"ingesting {path.name}")
                results.append((str(path), await _ingest_one(container, path, DocumentKind(kind))))
                bar.advance(task)
        return results

    results = run(work)
    console.print(_results_table(results))
    if any(isinstance(r, str) for _, r in results):
        fail("some files were refused")


def _read(path: Path) -> bytes | str:
    """The file's bytes, or why not: an oversize file is refused before it is read into memory."""
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        return DocumentTooLarge(size, MAX_DOCUMENT_BYTES).message
    try:
        return path.read_bytes()
    except OSError as exc:
        return f"cannot read the file: {exc.strerror or exc}"


async def _ingest_one(container: AsyncContainer, path: Path, kind: DocumentKind) -> IngestResult | str:
    """The file's result, or why it was refused (too large, unreadable, a service down): one bad file never
    stops the others."""
    data = _read(path)
    if isinstance(data, str):
        return data
    cmd = IngestDocument(filename=path.name, data=data, kind=kind)
    async with container() as scope:
        handler = await scope.get(IngestDocumentHandler)
        try:
            return await handler.execute(cmd, actor=CLI)
        except (DomainError, ApplicationError, AIServiceError) as exc:
            return str(getattr(exc, "message", exc))


async def ingest_shipped(container: AsyncContainer) -> list[IngestResult]:
    """Ingest the policies shipped in the package (idempotent); the seed runs this."""
    async with container() as scope:
        return await (await scope.get(IngestLibraryHandler)).execute()


@docs.command("ingest-shipped")
def ingest_shipped_command() -> None:
    """Ingest Nexora's own policies shipped in the package (done by `nexora db seed` too)."""
    results = run(ingest_shipped)
    console.print(_results_table([(r.title, r) for r in results]))


@docs.command("list")
def list_documents() -> None:
    """The documents in the knowledge base."""

    async def work(container: AsyncContainer) -> list[DocumentView]:
        async with container() as scope:
            return await (await scope.get(ListDocuments)).execute(actor=CLI)

    table = Table(title="Knowledge base")
    for column in ("Slug", "Title", "Kind", "Version", "Chunks", "Updated (UTC)"):
        table.add_column(column)
    for d in run(work):
        table.add_row(
            d.slug, d.title, d.kind, str(d.version), str(d.chunks), f"{d.updated_at:%Y-%m-%d %H:%M}"
        )
    console.print(table)


@docs.command()
@click.argument("text")
@click.option("--limit", type=click.IntRange(1, MAX_LIMIT), default=5, show_default=True)
@click.option("--mode", type=click.Choice(list(MODES)), default="hybrid", show_default=True)
def search(text: str, limit: int, mode: str) -> None:
    """Search the knowledge base as the API and the assistant do."""

    async def work(container: AsyncContainer) -> KnowledgeSearchResult:
        async with container() as scope:
            handler = await scope.get(SearchKnowledge)
            return await handler.execute(SearchKnowledgeQuery(text, limit=limit, mode=mode))  # type: ignore[arg-type]

    result = run(work)
    for n, hit in enumerate(result.items, 1):
        console.print(f"[bold]{n}. {hit.document_title}[/] > {hit.heading}  [dim]({hit.score:.4f})[/]")
        text = " ".join(hit.text.split())
        console.print(f"   {text[:300]}", highlight=False)
    if not result.items:
        console.print("nothing found")


def load_questions(path: Path) -> list[LabelledQuestion]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    try:
        return [msgspec.json.decode(line, type=LabelledQuestion) for line in lines]
    except msgspec.ValidationError as exc:
        fail(f"{path}: {exc}")


@docs.command("eval")
@click.option(
    "--questions",
    "path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=DEFAULT_QUESTIONS,
    show_default=True,
    help="Labelled questions, one JSON object a line: question, slug, section.",
)
@click.option(
    "--min-hit3", type=click.FloatRange(0, 1), default=None, help="Fail when hybrid hit@3 is lower."
)
def evaluate(path: Path, min_hit3: float | None) -> None:
    """Retrieval hit@1 and hit@3 on the labelled questions: keyword only, vector only and hybrid."""
    questions = load_questions(path)

    async def work(container: AsyncContainer) -> RetrievalEvaluation:
        await ingest_shipped(container)
        async with container() as scope:
            return await (await scope.get(EvaluateRetrieval)).execute(questions)

    evaluation = run(work)
    misses = Table(title="Hybrid misses (answer not in the top 3)")
    for column in ("Question", "Expected", "Top 3"):
        misses.add_column(column)
    for o in evaluation.misses("hybrid", 3):
        misses.add_row(o.question.question, f"{o.question.slug} > {o.question.section}", "\n".join(o.found))
    if misses.row_count:
        console.print(misses)
    summary = Table(title=f"Knowledge retrieval on {len(questions)} questions")
    for column in ("Retriever", "hit@1", "hit@3"):
        summary.add_column(column, justify="left" if column == "Retriever" else "right")
    for mode in MODES:
        summary.add_row(mode, f"{evaluation.hit_at(mode, 1):.3f}", f"{evaluation.hit_at(mode, 3):.3f}")
    console.print(summary)
    if min_hit3 is not None and evaluation.hit_at("hybrid", 3) < min_hit3:
        fail(f"hybrid hit@3 is below {min_hit3}")
