"""Heading-aware chunking with overlap: sections stay apart, windows overlap, nothing is lost or blank."""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.knowledge.chunking import chunk_sections, windows
from domain.knowledge.document import ParsedDocument, Section, slugify
from domain.knowledge.errors import UnreadableDocument

WORDS = ["refund", "slot", "booking", "cash", "window", "notice", "professional", "rework"]


def prose(sentences: int) -> str:
    return " ".join(f"Sentence {n} says {WORDS[n % len(WORDS)]} matters here." for n in range(sentences))


def test_each_section_gets_its_own_chunks_with_its_heading() -> None:
    sections = [Section("Refunds", "Full refunds apply early."), Section("Cash", "Nothing is refunded.")]
    chunks = chunk_sections(sections)
    assert [(c.ordinal, c.heading, c.text) for c in chunks] == [
        (0, "Refunds", "Full refunds apply early."),
        (1, "Cash", "Nothing is refunded."),
    ]


def test_a_long_section_is_cut_at_sentence_breaks_into_overlapping_windows_when_longer_than_the_limit() -> (
    None
):
    text = prose(40)
    spans = windows(text, max_chars=300, overlap=60)
    assert len(spans) > 3
    for (_, end), (next_start, _) in itertools.pairwise(spans):
        assert next_start < end, "consecutive chunks overlap"
        assert end - next_start <= 60 + 20
    for start, end in spans[:-1]:
        assert end - start <= 300
        assert text[start:end].endswith(".")


def test_no_chunk_is_blank_when_sections_hold_only_whitespace() -> None:
    chunks = chunk_sections([Section("Empty", "   \n\n  "), Section("Full", "\n  Text.  \n")])
    assert [c.text for c in chunks] == ["Text."]


def test_a_word_longer_than_a_window_is_cut_hard_when_there_is_no_break() -> None:
    text = "x" * 250
    spans = windows(text, max_chars=100, overlap=10)
    assert all(end - start <= 100 for start, end in spans)
    assert spans[0] == (0, 100)
    assert spans[-1][1] == 250


def test_a_bad_configuration_is_refused_when_the_overlap_is_too_large() -> None:
    with pytest.raises(ValueError, match="overlap"):
        windows("text", max_chars=100, overlap=60)


@given(
    text=st.text(alphabet=st.sampled_from(list("ab c.\n,")), max_size=800),
    max_chars=st.integers(20, 200),
    overlap_share=st.floats(0, 0.49),
)
def test_every_source_character_appears_in_some_chunk_for_any_text(
    text: str, max_chars: int, overlap_share: float
) -> None:
    overlap = min(int(max_chars * overlap_share), max_chars // 2 - 1)
    section = Section("H", text)
    chunks = chunk_sections([section], max_chars=max_chars, overlap=overlap)
    covered = set()
    for chunk in chunks:
        assert chunk.text.strip(), "no blank chunk"
        assert len(chunk.text) <= max_chars
        assert text[chunk.start : chunk.end] == chunk.text
        covered.update(range(chunk.start, chunk.end))
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


def test_slugs_come_from_file_names_when_no_slug_is_given() -> None:
    assert slugify("Privacy Policy (v2).PDF") == "privacy-policy-v2"
    assert slugify("cancellation-and-refund.md") == "cancellation-and-refund"
    with pytest.raises(UnreadableDocument):
        slugify("॥.md")


def test_the_body_of_a_parsed_document_keeps_headings_and_text() -> None:
    doc = ParsedDocument("T", (Section("A", "one"), Section("", "two")))
    assert doc.body == "A\none\n\ntwo"
