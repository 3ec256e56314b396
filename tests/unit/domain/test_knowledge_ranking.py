"""Reciprocal rank fusion of keyword and vector rankings."""

import pytest

from domain.knowledge.ranking import RRF_K, reciprocal_rank_fusion


def test_an_item_ranked_by_both_retrievers_beats_one_ranked_first_by_only_one() -> None:
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["b", "d", "a"]])
    assert [item for item, _ in fused] == ["b", "a", "d", "c"]


def test_scores_are_the_sum_of_reciprocal_ranks_with_the_constant() -> None:
    fused = dict(reciprocal_rank_fusion([[1, 2], [2]], k=RRF_K))
    assert fused[1] == pytest.approx(1 / 61)
    assert fused[2] == pytest.approx(1 / 62 + 1 / 61)


def test_ties_keep_the_better_rank_first_when_scores_are_equal() -> None:
    fused = reciprocal_rank_fusion([["x", "y"], ["y", "x"]])
    assert fused[0][1] == fused[1][1]
    assert [item for item, _ in fused] == ["x", "y"]


def test_duplicates_within_a_ranking_count_once_and_empty_rankings_are_harmless() -> None:
    assert reciprocal_rank_fusion([["a", "a"], []]) == [("a", pytest.approx(1 / 61))]
    assert reciprocal_rank_fusion([]) == []
