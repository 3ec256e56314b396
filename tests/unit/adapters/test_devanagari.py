"""Devanagari written as Indians type Hindi in Latin letters, for the offline intent model."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.nlp.devanagari import has_devanagari, romanise


@pytest.mark.parametrize(
    ("hindi", "latin"),
    [
        ("मेरी बुकिंग रद्द कर दीजिए", "meri buking radd kar dijie"),
        ("कल", "kal"),
        ("परसों", "parson"),
        ("बदलना", "badalna"),
        ("नहीं", "nahin"),
        ("शिकायत दर्ज करना चाहता हूँ", "shikayat darj karna chahta hun"),
        ("समय बदलकर शाम 5 बजे कर दीजिए", "samay badalkar sham 5 baje kar dijie"),
        ("मत भेजो", "mat bhejo"),
        ("सफ़ाई", "safai"),
        ("ज़रूरत", "zarurat"),
        ("धन्यवाद", "dhanyavad"),
        ("१२ बजे", "12 baje"),
    ],
)
def test_hindi_words_come_out_as_hinglish_spellings(hindi: str, latin: str) -> None:
    assert romanise(hindi) == latin


def test_other_scripts_and_latin_text_are_left_as_they_are() -> None:
    text = "cancel my booking BK-20261203-0017 வணக்கம் 🙏"
    assert romanise(text) == text
    assert not has_devanagari(text)


def test_a_mixed_message_romanises_only_its_hindi() -> None:
    assert romanise("AC service कल शाम please") == "AC service kal sham please"
    assert has_devanagari("AC service कल")


@given(st.text(alphabet=st.characters(min_codepoint=0x0900, max_codepoint=0x097F) | st.sampled_from(" a1")))
def test_any_devanagari_text_romanises_to_text_without_devanagari(text: str) -> None:
    assert not has_devanagari(romanise(text))


@pytest.mark.parametrize(
    ("hindi", "latin"),
    [
        ("मुंबई", "mumbai"),  # anusvara before a labial is "m"
        ("कंपनी", "kampani"),
        ("मित्र", "mitra"),  # a final cluster ending in r keeps its vowel
        ("पत्र", "patra"),
        ("वाक्य", "vakya"),
        ("क्\u200dष", "ksh"),  # joiners some keyboards put inside conjuncts
    ],
)
def test_clusters_nasals_before_labials_and_joiners(hindi: str, latin: str) -> None:
    assert romanise(hindi) == latin


def test_the_danda_ends_a_sentence_so_clauses_can_be_told_apart() -> None:
    assert romanise("बुकिंग रद्द करो। कल प्लंबर भेजो॥") == "buking radd karo. kal plambar bhejo."
    assert romanise("रद्द करो।धन्यवाद") == "radd karo.dhanyavad"
