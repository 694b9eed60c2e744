"""Finding beneficiaries: by ID or phone (whole or its start), by name tolerantly.

Names are compared through a *sound key*: Hindi names are transliterated to Latin
letters, then both scripts are folded the same way (long vowels, aspirated
consonants, doubled letters, a final schwa), so सुनीता, Sunita, Suneeta and Sunitha
share one key.

Why it stays quick at 100,000 people on a van laptop: names are made of few distinct
words (the Sunitas, Yadavs and Devis of a district repeat), so the index keeps each
distinct word once, with the people whose name holds it. A typed word is compared
with the distinct words only (a few thousand, by rapidfuzz in C); the people come from
the lists of the words it resembles, and a name must hold a match for every typed word.
Sound keys are worked out once per distinct word, which keeps loading fast too.
"""

from __future__ import annotations

import heapq
import re
import threading
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from rapidfuzz import fuzz, process

from mmu_desktop.db.beneficiaries import (
    ADDRESS,
    CONTACTS,
    DETAILS,
    MAPPING,
    POOL,
    BeneficiarySummary,
    summary_query,
    to_summary,
)
from mmu_desktop.validation import clean_phone

_DEVANAGARI = re.compile(r"[\u0900-\u097F]")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff"))
# Applied in order; each folds spellings that people use for the same sound.
_FOLDS = [
    (re.compile(r"ee|ii|ie|ea"), "i"),
    (re.compile(r"oo|uu|ou"), "u"),
    (re.compile(r"aa"), "a"),
    (re.compile(r"m(?=[kgcjtd])"), "n"),
    (re.compile(r"([kgcjtdpbs])h"), r"\1"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"w"), "v"),
    (re.compile(r"z"), "j"),
    (re.compile(r"q"), "k"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"y$"), "i"),
    (re.compile(r"(.)\1+"), r"\1"),
    (re.compile(r"(?<=[^aeiou])a$"), ""),
]
# The folds that only make sense at the end of a whole word: a half-typed word
# ("Y" on the way to "Yadav") is also tried without them.
_WORD_END_FOLDS = {r"y$", r"(?<=[^aeiou])a$"}

# How a typed word scores against a word of a name (0-100): the same word scores
# highest, the start of a word next (more so the more of it is typed), then a word or a
# start that differs by a letter or two (rapidfuzz ratio of at least 75).
SIMILAR = 75.0
_PREFIX_BASE, _PREFIX_SPAN = 80.0, 20.0
_WORD_WEIGHT, _START_WEIGHT = 0.9, 0.8
# At most this many of the names found are ranked in full (their word scores, then
# rapidfuzz on the whole name against what was typed) to pick the ones shown.
_SHORTLIST = 200
_TYPED_CACHE = 256  # typed words whose matching words are remembered


def _fold(word: str, *, whole: bool) -> str:
    for pattern, replacement in _FOLDS:
        if whole or pattern.pattern not in _WORD_END_FOLDS:
            word = pattern.sub(replacement, word)
    return word


@lru_cache(maxsize=1 << 16)
def _token_keys(token: str) -> tuple[str, str]:
    """One whitespace-free piece of text as (its sound key, the key of a half-typed word).

    Either may hold spaces or be empty (punctuation only). Cached: names repeat, so a
    whole district's list needs only a few thousand transliterations.
    """
    if _DEVANAGARI.search(token):
        # Imported here, not at the top: it takes a quarter of a second, which the
        # window's start-up need not wait for (the first Hindi name is met while
        # everyone is read in the background).
        from indic_transliteration import sanscript

        token = sanscript.transliterate(token, sanscript.DEVANAGARI, sanscript.ITRANS)
    text = unicodedata.normalize("NFKD", token.lower())
    text = re.sub(r"[^a-z\s]", "", text)
    whole = [_fold(w, whole=True) for w in text.split()]
    typing = [_fold(w, whole=False) for w in text.split()]
    return " ".join(w for w in whole if w), " ".join(w for w in typing if w)


def _tokens(text: str) -> list[str]:
    return unicodedata.normalize("NFC", text or "").translate(_INVISIBLE).split()


def sound_key(text: str) -> str:
    """The spelling-tolerant key of a name, in either script, one word per space."""
    return " ".join(k for k in (_token_keys(t)[0] for t in _tokens(text)) if k)


@lru_cache(maxsize=1 << 12)
def _village_key(village: str) -> str:
    return sound_key(village)


def typed_keys(text: str) -> list[tuple[str, ...]]:
    """Each typed word as its sound key; the last word also as a half-typed word.

    The last word is probably still being typed: "Sunita Y" must keep Sunita Yadav,
    though "y" alone folds to "i" as a whole word would.
    """
    words: list[tuple[str, ...]] = []
    tokens = _tokens(text)
    for n, token in enumerate(tokens):
        whole, typing = (key.split() for key in _token_keys(token))
        words += [(word,) for word in whole]
        last = n == len(tokens) - 1
        if last and whole and len(typing) == len(whole) and typing[-1] != whole[-1]:
            words[-1] = (whole[-1], typing[-1])
    return words


def _as_int(value: object) -> int:
    return int(str(value))


def word_score(typed: str, word: str) -> float:
    """How well one typed word matches one word of a name, 0 (not at all) to 100.

    A name is found when every typed word scores above 0 against one of its words: the
    rule keeps only names a nurse would recognise (not गीता for "Dixit"), while still
    matching half-typed words. The index applies it to distinct words in bulk.
    """
    size = len(typed)
    if word == typed:
        return 100.0
    if word.startswith(typed):
        return _PREFIX_BASE + _PREFIX_SPAN * size / len(word)
    best = 0.0
    ratio = fuzz.ratio(typed, word)
    if ratio >= SIMILAR:
        best = ratio * _WORD_WEIGHT
    if size >= 3:
        ratio = fuzz.ratio(typed, word[:size])
        if ratio >= SIMILAR:
            best = max(best, ratio * _START_WEIGHT)
    return best


@dataclass(frozen=True)
class Match:
    person: BeneficiarySummary
    score: float
    why: str


class SearchIndex:
    """Sound keys of every registered beneficiary, refreshed as people are added.

    People sit in *slots* (0, 1, 2, ...) of parallel lists, which keeps 100,000 of
    them in a few tens of MB. One instance serves a window or a command; it is safe to
    call from two threads: the window reads everyone in the background at start.
    """

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine
        self._lock = threading.Lock()
        self._loading = False
        self._last_details_id = 0
        # per slot
        self._reg_ids: array[int] = array("q")
        self._words: list[tuple[int, ...]] = []
        self._phones: list[str] = []
        self._villages: list[str] = []
        self._born: array[int] = array("i")  # 0 = not known
        self._slot: dict[int, int] = {}  # BenRegID -> slot
        # distinct name words, and the slots of the people whose name holds each
        self._vocab: list[str] = []
        self._word_id: dict[str, int] = {}
        self._fields: dict[str, tuple[int, ...]] = {}  # a name as typed -> its word numbers
        self._postings: list[array[int]] = []
        self._starts: dict[int, list[str]] = {}  # length -> every word cut to it
        self._typed: dict[str, dict[int, float]] = {}  # typed word -> {word id: score}
        # sorted for lookups by the start of a number
        self._by_phone = _Numbers()
        self._by_id = _Numbers()
        self._by_village: dict[str, array[int]] = {}

    def __len__(self) -> int:
        return len(self._slot)

    @property
    def loading(self) -> bool:
        """True while another thread reads everyone for the first time.

        A search then waits for it; the Find screen asks first so it can say so.
        """
        return self._loading

    def distinct_words(self) -> int:
        """How many distinct name words the index compares typed words with."""
        return len(self._vocab)

    # --- keeping the index current ----------------------------------------------------

    def _query(self) -> sa.Select[Any]:
        born = sa.func.strftime("%Y", DETAILS.c.DOB)
        return summary_query().with_only_columns(
            MAPPING.c.BenRegId,
            POOL.c.BeneficiaryID,
            DETAILS.c.FirstName,
            DETAILS.c.LastName,
            born,
            CONTACTS.c.PreferredPhoneNum,
            ADDRESS.c.CurrVillage,
            DETAILS.c.BeneficiaryDetailsId,
            maintain_column_froms=False,
        )

    def _load(self, query: sa.Select[Any]) -> None:
        with self._engine.connect() as conn:
            rows = conn.execute(query).all()
        fresh = not self._slot
        for reg_id, ben_id, first, last, born, phone, village, details_id in rows:
            ben_reg_id = int(reg_id)
            slot = self._slot.get(ben_reg_id)
            if slot is not None:
                self._forget(slot)
            else:
                slot = len(self._reg_ids)
                self._slot[ben_reg_id] = slot
                self._reg_ids.append(ben_reg_id)
                self._words.append(())
                self._phones.append("")
                self._villages.append("")
                self._born.append(0)
            words = self._field_words(first) + self._field_words(last)
            if len(set(words)) < len(words):
                words = tuple(dict.fromkeys(words))
            self._remember(
                slot,
                words,
                "" if ben_id is None else str(int(ben_id)),
                str(phone or ""),
                _village_key(str(village or "")),
                int(born) if born else 0,
                sort=not fresh,
            )
            self._last_details_id = max(self._last_details_id, int(details_id))
        if fresh and rows:
            self._by_phone.sort()
            self._by_id.sort()

    def _field_words(self, text: str | None) -> tuple[int, ...]:
        """The word numbers of one name field (a first or last name), remembered.

        Names repeat, so most people cost a dictionary look-up instead of a
        transliteration, which is what makes reading 100,000 people quick.
        """
        text = text or ""
        words = self._fields.get(text)
        if words is None:
            words = tuple(self._word(w) for w in sound_key(text).split())
            self._fields[text] = words
        return words

    def _word(self, word: str) -> int:
        word_id = self._word_id.get(word)
        if word_id is None:
            word_id = len(self._vocab)
            self._vocab.append(word)
            self._word_id[word] = word_id
            self._postings.append(array("i"))
            for size, starts in self._starts.items():
                starts.append(word[:size])
            self._typed.clear()  # a remembered typed word may resemble the new word
        return word_id

    def _remember(
        self,
        slot: int,
        words: tuple[int, ...],
        ben_id: str,
        phone: str,
        village: str,
        born: int,
        sort: bool,
    ) -> None:
        for word_id in words:
            self._postings[word_id].append(slot)
        self._words[slot] = words
        self._phones[slot] = phone
        self._villages[slot] = village
        self._born[slot] = born
        if phone:
            self._by_phone.add(phone, slot, sort)
        if ben_id and (not sort or (ben_id, slot) not in self._by_id.starting_with(ben_id, 1)):
            # An edited person keeps their ID, which stays listed; a new one is added.
            self._by_id.add(ben_id, slot, sort)
        if village:
            self._by_village.setdefault(village, array("i")).append(slot)

    def _forget(self, slot: int) -> None:
        """Take one person out of the lookups before they are read again (an edit)."""
        for word_id in self._words[slot]:
            self._postings[word_id].remove(slot)
        phone = self._phones[slot]
        if phone:
            self._by_phone.remove(phone, slot)
        village = self._villages[slot]
        if village:
            self._by_village[village].remove(slot)

    def refresh(self) -> None:
        """Add people registered since the last refresh (all of them the first time)."""
        with self._lock:
            self._refresh()

    def _refresh(self) -> None:
        # Asked before every search, so first a look at the newest details row (instant,
        # it is the table's rowid) rather than the join, which scans everyone.
        with self._engine.connect() as conn:
            newest = conn.execute(sa.select(sa.func.max(DETAILS.c.BeneficiaryDetailsId))).scalar()
        if newest is None or _as_int(newest) <= self._last_details_id:
            return
        self._loading = not self._slot
        try:
            self._load(self._query().where(DETAILS.c.BeneficiaryDetailsId > self._last_details_id))
        finally:
            self._loading = False

    def reload(self, ben_reg_id: int) -> None:
        """Re-read one person after an edit."""
        with self._lock:
            self._refresh()  # everyone else first, or they would be taken as read
            self._load(self._query().where(MAPPING.c.BenRegId == ben_reg_id))

    # --- searching ---------------------------------------------------------------------

    def search(self, text: str, limit: int = 20) -> list[Match]:
        """People matching ``text``: a BenRegID, beneficiary ID, phone, name or village."""
        text = text.strip()
        with self._lock:
            self._refresh()
            if not text:
                return []
            number = re.sub(r"[\s\-()]", "", text).removeprefix("+")
            if number.isdigit():
                scored = self._by_number(number, clean_phone(text), limit)
            else:
                scored = self._by_name(text, limit)
        return self._as_matches(scored)

    def _by_number(self, digits: str, phone: str, limit: int) -> list[tuple[int, float, str]]:
        found: dict[int, tuple[float, str]] = {}

        def add(slot: int, score: float, why: str) -> None:
            if found.get(slot, (0.0, ""))[0] < score:
                found[slot] = (score, why)

        slot = self._slot.get(int(digits)) if str(int(digits)) == digits else None
        if slot is not None:
            add(slot, 100.0, "BenRegID")
        for ben_id, slot in self._by_id.starting_with(digits, limit):
            if ben_id == digits:
                add(slot, 100.0, "beneficiary ID")
            elif len(digits) >= 4:
                add(slot, 60.0, "beneficiary ID")
        if len(phone) >= 4 and phone.isdigit():
            for number, slot in self._by_phone.starting_with(phone, limit):
                add(slot, 90.0 if number == phone else 70.0, "phone")
        ranked = sorted(found.items(), key=lambda kv: (-kv[1][0], self._phones[kv[0]]))
        return [(self._reg_ids[s], score, why) for s, (score, why) in ranked[:limit]]

    def _by_name(self, text: str, limit: int) -> list[tuple[int, float, str]]:
        key = sound_key(text)
        if not key:
            return []
        scored = [(self._reg_ids[s], score, "name") for s, score in self._names(text, limit)]
        seen = {s[0] for s in scored}
        village_hits = [
            (self._reg_ids[s], 65.0, "village")
            for s in self._by_village.get(key, ())
            if self._reg_ids[s] not in seen
        ]
        return (scored + village_hits)[:limit]

    def _resembling(self, typed: Sequence[str]) -> dict[int, float]:
        """Distinct name words like one typed word (or any of its keys), with their score."""
        found: dict[int, float] = {}
        for key in typed:
            cached = self._typed.get(key)
            if cached is None:
                cached = self._score_words(key)
                if len(self._typed) >= _TYPED_CACHE:
                    self._typed.clear()
                self._typed[key] = cached
            for word_id, score in cached.items():
                if score > found.get(word_id, 0.0):
                    found[word_id] = score
        return found

    def _score_words(self, typed: str) -> dict[int, float]:
        """``word_score`` of ``typed`` against every distinct word, computed in bulk."""
        size = len(typed)
        scores: dict[int, float] = {}
        for _word, ratio, word_id in process.extract(
            typed, self._vocab, scorer=fuzz.ratio, score_cutoff=SIMILAR, limit=None
        ):
            scores[word_id] = 100.0 if ratio == 100 else ratio * _WORD_WEIGHT
        starts = self._starts.get(size)
        if starts is None:
            starts = self._starts[size] = [w[:size] for w in self._vocab]
        cutoff = SIMILAR if size >= 3 else 100.0
        for _start, ratio, word_id in process.extract(
            typed, starts, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
        ):
            word = self._vocab[word_id]
            if ratio == 100 and len(word) > size:
                score = _PREFIX_BASE + _PREFIX_SPAN * size / len(word)
            elif size >= 3:
                score = ratio * _START_WEIGHT
            else:
                continue
            if score > scores.get(word_id, 0.0):
                scores[word_id] = score
        return scores

    def _names(self, text: str, limit: int) -> list[tuple[int, float]]:
        """Slots whose name holds a match for every typed word, best first, with scores."""
        typed = typed_keys(text)
        matched = [self._resembling(keys) for keys in typed]
        if not matched or not all(matched):
            return []
        scores = self._best_of_one(matched[0]) if len(matched) == 1 else self._all_of(matched)
        if len(scores) > _SHORTLIST:
            shortlist = heapq.nlargest(_SHORTLIST, scores.items(), key=lambda kv: kv[1])
        else:
            shortlist = list(scores.items())
        key = " ".join(keys[0] for keys in typed)

        def order(item: tuple[int, float]) -> tuple[float, float, int]:
            slot, score = item
            name = " ".join(self._vocab[w] for w in self._words[slot])
            return (-round(score, 1), -fuzz.ratio(key, name), slot)

        return sorted(shortlist, key=order)[:limit]

    def _best_of_one(self, matched: dict[int, float]) -> dict[int, float]:
        """One typed word: walk the words it resembles best first, stop once enough."""
        scores: dict[int, float] = {}
        last = 101.0
        for word_id, score in sorted(matched.items(), key=lambda kv: -kv[1]):
            if len(scores) >= _SHORTLIST and score < last:
                break
            for slot in self._postings[word_id]:
                scores.setdefault(slot, score)
            last = score
        return scores

    def _all_of(self, matched: list[dict[int, float]]) -> dict[int, float]:
        """Several typed words: people holding a match for each, scored by the mean."""
        people: set[int] | None = None
        for words in sorted(matched, key=self._reach):
            holders: set[int] = set()
            for word_id in words:
                holders.update(self._postings[word_id])
            people = holders if people is None else people & holders
            if not people:
                return {}
        scores: dict[int, float] = {}
        for slot in people or ():
            name = self._words[slot]
            total = sum(max(m.get(w, 0.0) for w in name) for m in matched)
            scores[slot] = total / len(matched)
        return scores

    def _reach(self, words: dict[int, float]) -> int:
        return sum(len(self._postings[w]) for w in words)

    def _summaries(self, ids: list[int]) -> dict[int, BeneficiarySummary]:
        if not ids:
            return {}
        with self._engine.connect() as conn:
            rows = conn.execute(summary_query().where(MAPPING.c.BenRegId.in_(ids))).all()
        return {s.ben_reg_id: s for s in map(to_summary, rows)}

    def _as_matches(self, scored: list[tuple[int, float, str]]) -> list[Match]:
        people = self._summaries([s[0] for s in scored])
        return [Match(people[i], score, why) for i, score, why in scored if i in people]

    def likely_duplicates(
        self,
        first_name: str,
        last_name: str,
        phone: str,
        age_years: int | None,
        today: date | None = None,
        limit: int = 5,
    ) -> list[Match]:
        """People who may be the one being registered, best first.

        Shown while the nurse types, so she finds an existing record instead of
        registering the same person twice.
        """
        today = today or date.today()
        name = f"{first_name} {last_name}"
        key = sound_key(name)
        phone = clean_phone(phone)
        if len(key) < 2 and len(phone) < 10:
            return []
        candidates: dict[int, tuple[float, str]] = {}
        with self._lock:
            self._refresh()
            if key:
                for slot, score in self._names(name, 50):
                    if score >= SIMILAR:
                        candidates[slot] = (score, "similar name")
            if len(phone) == 10:
                for number, slot in self._by_phone.starting_with(phone, 50):
                    if number == phone:
                        best = candidates.get(slot, (0.0, ""))[0]
                        candidates[slot] = (max(best, 60.0) + 30.0, "same phone")
            if age_years is not None:
                year = today.year - age_years
                for slot, (score, why) in list(candidates.items()):
                    born = self._born[slot]
                    if born and abs(born - year) > 3:
                        candidates[slot] = (score - 20.0, why)
            ranked = sorted(candidates.items(), key=lambda kv: -kv[1][0])
            scored = [(self._reg_ids[s], sc, why) for s, (sc, why) in ranked if sc >= 70.0]
        return self._as_matches(scored[:limit])


class _Numbers:
    """Phone numbers or beneficiary IDs in text order, each with its person's slot.

    Two parallel lists rather than a list of pairs: 100,000 pairs cost several MB more.
    """

    def __init__(self) -> None:
        self._texts: list[str] = []
        self._slots: array[int] = array("i")

    def add(self, text: str, slot: int, keep_order: bool = True) -> None:
        """Add one; without ``keep_order`` it goes at the end (``sort`` follows)."""
        at = bisect_right(self._texts, text) if keep_order else len(self._texts)
        self._texts.insert(at, text)
        self._slots.insert(at, slot)

    def sort(self) -> None:
        pairs = sorted(zip(self._texts, self._slots, strict=True))
        self._texts = [text for text, _ in pairs]
        self._slots = array("i", (slot for _, slot in pairs))

    def remove(self, text: str, slot: int) -> None:
        at = bisect_left(self._texts, text)
        while at < len(self._texts) and self._texts[at] == text:
            if self._slots[at] == slot:
                del self._texts[at]
                del self._slots[at]
                return
            at += 1

    def starting_with(self, start: str, limit: int) -> Iterable[tuple[str, int]]:
        """Up to ``limit`` entries whose text starts with ``start``, in text order.

        Those equal to ``start`` sort first, so an exact number is never cut off.
        """
        at = bisect_left(self._texts, start)
        for n in range(at, min(at + limit, len(self._texts))):
            if not self._texts[n].startswith(start):
                break
            yield self._texts[n], self._slots[n]
