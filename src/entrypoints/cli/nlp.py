"""`nexora nlp eval` and `nexora nlp analyse`: the language services from a terminal."""

import click
from dishka import AsyncContainer
from rich.table import Table

from application.nlp.evaluation import IntentReport
from application.nlp.labelled import HELD_OUT_SPLITS
from application.nlp.queries.analyse_sentiment import AnalyseSentiment, SentimentResult
from application.nlp.queries.classify_intents import ClassifyIntents, IntentsResult
from application.nlp.queries.evaluate_entities import EntityReport, EvaluateEntities
from application.nlp.queries.evaluate_intents import TRAINING, EvaluateIntents
from application.nlp.queries.extract_entities import EntitiesResult, ExtractEntities
from application.nlp.text import NlpText
from entrypoints.cli.runtime import console, fail, run


@click.group()
def nlp() -> None:
    """Intent classification, entity extraction and sentiment."""


@nlp.command("eval")
@click.option("--entities", "with_entities", is_flag=True, help="Also score entity extraction on its cases.")
@click.option("--train", "on_train", is_flag=True, help="Score the training split instead (a sanity check).")
@click.option(
    "--held-out",
    "held_out",
    type=click.Choice([str(split) for split in HELD_OUT_SPLITS]),
    default=str(HELD_OUT_SPLITS[0]),
    show_default=True,
    help="Which held-out split (see the README).",
)
@click.option("--min-macro-f1", type=click.FloatRange(0, 1), default=None, help="Fail below this macro-F1.")
def evaluate(with_entities: bool, on_train: bool, held_out: str, min_macro_f1: float | None) -> None:
    """Accuracy, macro-F1, per-intent P/R/F1 and the confusion matrix on a held-out split."""
    split = TRAINING if on_train else int(held_out)

    async def work(container: AsyncContainer) -> tuple[IntentReport, EntityReport | None]:
        async with container() as scope:
            report = await (await scope.get(EvaluateIntents)).execute(split=split)
            entities = await (await scope.get(EvaluateEntities)).execute() if with_entities else None
            return report, entities

    report, entities = run(work)
    _print_intents(report, "training split" if on_train else f"held-out split {held_out}")
    if entities is not None:
        _print_entities(entities)
    if min_macro_f1 is not None and report.macro_f1 < min_macro_f1:
        fail(f"macro-F1 {report.macro_f1:.3f} is below {min_macro_f1:.3f}")


def _print_intents(report: IntentReport, split: str) -> None:
    per_label = Table(title=f"Intents on the {split} ({report.size} messages)")
    for column in ("Intent", "Precision", "Recall", "F1", "Support"):
        per_label.add_column(column, justify="left" if column == "Intent" else "right")
    for s in report.per_label:
        per_label.add_row(s.intent, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", str(s.support))
    console.print(per_label)
    confusion = Table(title="Confusion matrix (rows: labelled, columns: predicted)")
    confusion.add_column("")
    short = [label[:8] for label in report.labels]
    for name in short:
        confusion.add_column(name, justify="right")
    for label, row in zip(report.labels, report.confusion, strict=True):
        confusion.add_row(label, *(str(n) if n else "." for n in row))
    console.print(confusion)
    console.print(
        f"accuracy {report.accuracy:.3f}   macro-F1 {report.macro_f1:.3f}   "
        f"multi-intent exact {report.multi_intent_exact:.3f} ({report.multi_intent_size} messages)   "
        f"single-intent messages given extra intents {report.single_intent_extra:.3f}"
    )


def _print_entities(report: EntityReport) -> None:
    fields = Table(title=f"Entities ({report.cases} cases, {report.exact} fully right)")
    fields.add_column("Field")
    fields.add_column("Accuracy", justify="right")
    for field, accuracy in report.field_accuracy.items():
        fields.add_row(field, f"{accuracy:.3f}")
    console.print(fields)
    if report.misses:
        misses = Table(title="Misses")
        for column in ("Text", "Field", "Expected", "Got"):
            misses.add_column(column)
        for m in report.misses:
            misses.add_row(m.text, m.field, m.expected, m.got)
        console.print(misses)


@nlp.command("analyse")
@click.argument("text")
def analyse(text: str) -> None:
    """Intents, entities and sentiment of TEXT, as the API returns them."""

    async def work(container: AsyncContainer) -> tuple[IntentsResult, EntitiesResult, SentimentResult]:
        async with container() as scope:
            query = NlpText(text)
            return (
                await (await scope.get(ClassifyIntents)).execute(query),
                await (await scope.get(ExtractEntities)).execute(query),
                await (await scope.get(AnalyseSentiment)).execute(query),
            )

    intents, entities, sentiment = run(work)
    console.print("intents: " + ", ".join(f"{i.intent} {i.confidence:.2f}" for i in intents.intents))
    for service in entities.services:
        console.print(f"service: {service.name} (matched {service.matched_text!r}, {service.score:.2f})")
    if entities.when:
        console.print(f"when: {entities.when.start.isoformat()} .. {entities.when.end.isoformat()}")
    for name in ("pincode", "booking_reference", "quantity"):
        value = getattr(entities, name)
        if value is not None:
            console.print(f"{name.replace('_', ' ')}: {value}")
    if entities.budget:
        console.print(f"budget: {entities.budget.amount} {entities.budget.currency}")
    console.print(f"sentiment: {sentiment.score:+.2f} ({sentiment.label})")
