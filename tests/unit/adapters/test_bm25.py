"""BM25 keyword scoring over the knowledge chunks."""

from adapters.knowledge.bm25 import Bm25Scorer, stem, tokens
from application.knowledge.ports import CorpusEntry

CORPUS = [
    CorpusEntry(10, "Refunds for cash bookings: nothing is refunded because nothing was paid."),
    CorpusEntry(20, "Rescheduling a booking: at most two times, at least three hours before."),
    CorpusEntry(30, "Damage protection covers accidental damage up to INR 10,000 per booking."),
    CorpusEntry(40, "Booking booking booking booking booking booking booking booking booking."),
]


def test_the_chunk_sharing_the_rare_terms_ranks_first() -> None:
    scorer = Bm25Scorer(CORPUS)
    assert scorer.search("how do I reschedule my booking", limit=2)[0][0] == 20
    assert scorer.search("accidental damage cover", limit=1)[0][0] == 30


def test_word_forms_meet_through_stemming() -> None:
    assert stem("refunded") == stem("refunds") == stem("refund")
    assert stem("cancelled") == stem("cancelling") == stem("cancel")
    assert stem("policies") == "policy"
    assert Bm25Scorer(CORPUS).search("refunding cash", limit=1)[0][0] == 10


def test_term_frequency_saturates_so_repetition_does_not_win_over_rare_terms() -> None:
    ranked = [cid for cid, _ in Bm25Scorer(CORPUS).search("booking damage", limit=4)]
    assert ranked[0] == 30


def test_chunks_without_any_query_term_are_left_out_and_stopwords_match_nothing() -> None:
    scorer = Bm25Scorer(CORPUS)
    assert scorer.search("plumbing", limit=5) == []
    assert tokens("what is the") == []
    assert scorer.search("what is the", limit=5) == []


def test_an_empty_corpus_answers_nothing() -> None:
    assert Bm25Scorer([]).search("refund", limit=3) == []
