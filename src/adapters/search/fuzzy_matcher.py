"""Service recognition with rapidfuzz over the catalog's own words plus a curated Hinglish lexicon.

Each service is known by phrases: its name, its keywords, curated synonyms and its category's name.
A query's words are looked up exactly (after stemming and spelling by sound) or, failing that, within
one or two typing mistakes (rapidfuzz OSA distance). A phrase scores by how much of it the query
covers and how much of the query it explains, rare words counting more (idf); a service takes its
best phrase, plus a little for explaining more of the query across its other phrases.
"""

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from adapters.search.lexicon import Lexicon, Term
from adapters.search.text import key, words
from application.catalog.ports import SearchableService, ServiceMatch

MIN_SCORE = 0.3
CATEGORY_WEIGHT = 0.9
TYPO_COST = 0.1
SPREAD_BONUS = 0.15
MAX_QUERY_TERMS = 24
CATEGORY_PREFIX = "cat:"

Links = list[tuple[float, dict[str, float]]]  # per query word: its weight, {vocabulary key: similarity}


@dataclass(frozen=True, slots=True)
class _Phrase:
    reason: str
    keys: frozenset[str]
    targets: tuple[tuple[int, float], ...]  # (service position, weight)
    surface: frozenset[str]  # its own words' keys, before rewriting
    mass: float = 0.0


def _typos_allowed(form: str) -> int:
    return 0 if len(form) <= 3 else 1 if len(form) <= 6 else 2


class FuzzyServiceMatcher:
    """The ServiceMatcher port over an index built once from the catalog; `match` takes well under 1 ms."""

    def __init__(self, services: Sequence[SearchableService], lexicon: Lexicon) -> None:
        self._services = list(services)
        self._lexicon = lexicon
        self._phrases: list[_Phrase] = []
        self._forms: dict[str, str] = {}  # a spelling -> the key it stands for
        for phrase_text, reason, targets in self._phrase_sources():
            self._add(phrase_text, reason, targets)
        for variant, target in lexicon.rewrites.items():
            if len(variant) == 1 and len(target) == 1 and target[0] in self._forms:
                self._forms.setdefault(variant[0], target[0])  # so "refrigirator" finds "fridge"
        self._known = frozenset(self._forms)
        self._fuzzy_forms = [f for f in self._forms if len(f) > 3]
        self._postings: dict[str, list[int]] = defaultdict(list)
        holders: dict[str, set[int]] = defaultdict(set)
        for n, phrase in enumerate(self._phrases):
            for k in phrase.keys:
                self._postings[k].append(n)
                holders[k].update(svc for svc, _ in phrase.targets)
        total = max(len(self._services), 1)
        self._idf = {k: math.log(1 + total / len(svcs)) for k, svcs in holders.items()}
        self._phrases = [
            _Phrase(p.reason, p.keys, p.targets, p.surface, sum(self._idf[k] for k in p.keys))
            for p in self._phrases
        ]

    def _phrase_sources(self) -> Iterable[tuple[str, str, tuple[tuple[int, float], ...]]]:
        by_slug = {s.slug: n for n, s in enumerate(self._services)}
        by_category: dict[str, list[int]] = defaultdict(list)
        for n, s in sorted(enumerate(self._services), key=lambda e: e[1].rank):
            by_category[s.category_slug].append(n)

        def category(slug: str) -> tuple[tuple[int, float], ...]:
            return tuple((n, CATEGORY_WEIGHT - 0.01 * i) for i, n in enumerate(by_category.get(slug, [])))

        for n, s in enumerate(self._services):
            yield s.name, f"name: {s.name}", ((n, 1.0),)
            for keyword in s.keywords:
                yield keyword, f"keyword: {keyword}", ((n, 1.0),)
        for slug, members in by_category.items():
            name = self._services[members[0]].category_name
            yield name, f"category: {name}", category(slug)
        for phrase, slugs in self._lexicon.phrases.items():
            targets: list[tuple[int, float]] = []
            for slug in slugs:
                if slug.startswith(CATEGORY_PREFIX):
                    targets.extend(category(slug.removeprefix(CATEGORY_PREFIX)))
                elif slug in by_slug:
                    targets.append((by_slug[slug], 1.0))
            yield phrase, f"synonym: {phrase}", tuple(targets)

    def _add(self, text: str, reason: str, targets: tuple[tuple[int, float], ...]) -> None:
        terms = self._lexicon.terms(text)
        if not terms or not targets:
            return
        for term in terms:
            self._forms.setdefault(term.key, term.key)
            self._forms.setdefault(term.spelled, term.key)
        surface = frozenset(key(w) for w in words(text))
        self._phrases.append(_Phrase(reason, frozenset(t.key for t in terms), targets, surface))

    def _lookup(self, term: Term) -> dict[str, float]:
        """Vocabulary keys the query word may stand for, with a similarity in (0, 1]."""
        exact = {self._forms[f] for f in (term.key, term.spelled) if f in self._forms}
        if exact:
            return dict.fromkeys(exact, 1.0)
        found: dict[str, float] = {}
        for form in {term.key, term.spelled}:
            allowed = _typos_allowed(form)
            if not allowed:
                continue
            for choice, distance, _ in process.extract(
                form, self._fuzzy_forms, scorer=OSA.distance, score_cutoff=allowed, limit=None
            ):
                k = self._forms[choice]
                found[k] = max(found.get(k, 0.0), 1.0 - TYPO_COST * distance)
        return found

    def match(self, text: str, limit: int) -> list[ServiceMatch]:
        if limit < 1:
            return []
        links: Links = []
        best_sim: dict[str, float] = {}
        for term in self._lexicon.terms(text, joinable=self._known)[:MAX_QUERY_TERMS]:
            found = self._lookup(term)
            if found:
                links.append((max(self._idf[k] * s for k, s in found.items()), found))
                for k, s in found.items():
                    best_sim[k] = max(best_sim.get(k, 0.0), s)
        if not links:
            return []
        total = sum(w for w, _ in links)
        said = frozenset(key(w) for w in words(text))
        best: dict[int, tuple[float, bool, float, int]] = {}  # service -> (score, literal, coverage, phrase)
        covered: dict[int, set[str]] = defaultdict(set)
        for n in sorted({n for k in best_sim for n in self._postings[k]}):
            phrase = self._phrases[n]
            phrase_cover = sum(self._idf[k] * best_sim.get(k, 0.0) for k in phrase.keys) / phrase.mass
            query_cover = _coverage(links, phrase.keys, total)
            base = phrase_cover * (0.55 + 0.45 * query_cover)
            literal = bool(phrase.surface & said)  # on a tie, report the phrase the customer's words are in
            for svc, weight in phrase.targets:
                covered[svc] |= phrase.keys
                if svc not in best or (base * weight, literal) > best[svc][:2]:
                    best[svc] = (base * weight, literal, query_cover, n)
        ranked: list[tuple[float, int, int]] = []
        for svc, (score, _, query_cover, n) in best.items():
            spread = _coverage(links, covered[svc], total) - query_cover
            final = min(1.0, score + SPREAD_BONUS * spread)
            if final >= MIN_SCORE:
                ranked.append((round(final, 3), svc, n))
        ranked.sort(key=lambda r: (-r[0], self._services[r[1]].rank))
        return [
            ServiceMatch(
                subcategory_id=self._services[svc].subcategory_id,
                slug=self._services[svc].slug,
                score=score,
                matched_on=self._phrases[n].reason,
            )
            for score, svc, n in ranked[:limit]
        ]


def _coverage(links: Links, keys: Iterable[str], total: float) -> float:
    keys = list(keys)
    return sum(w * max((found.get(k, 0.0) for k in keys), default=0.0) for w, found in links) / total


class FuzzyServiceMatcherFactory:
    """The ServiceMatcherFactory port; reads the bundled lexicon once."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self._lexicon = lexicon or Lexicon.bundled()

    def build(self, services: Sequence[SearchableService]) -> FuzzyServiceMatcher:
        return FuzzyServiceMatcher(services, self._lexicon)
