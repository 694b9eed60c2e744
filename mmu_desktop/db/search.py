"""Finding beneficiaries: by ID or phone exactly, by name tolerantly.

Names are compared through a *sound key*: Hindi names are transliterated to Latin
letters, then both scripts are folded the same way (long vowels, aspirated
consonants, doubled letters, a final schwa), so सुनीता, Sunita, Suneeta and Sunitha
share one key. Keys of every beneficiary are held in memory and ranked with
rapidfuzz, which stays fast at 100,000 people on a van laptop.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from indic_transliteration import sanscript
from rapidfuzz import fuzz, process

from mmu_desktop.db.beneficiaries import (
    DETAILS,
    MAPPING,
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


def sound_key(text: str) -> str:
    """The spelling-tolerant key of a name, in either script, one word per space."""
    text = unicodedata.normalize("NFC", text or "").translate(_INVISIBLE)
    if _DEVANAGARI.search(text):
        text = sanscript.transliterate(text, sanscript.DEVANAGARI, sanscript.ITRANS)
    text = unicodedata.normalize("NFKD", text.lower())
    text = re.sub(r"[^a-z\s]", "", text)
    words = []
    for word in text.split():
        for pattern, replacement in _FOLDS:
            word = pattern.sub(replacement, word)
        if word:
            words.append(word)
    return " ".join(words)


def _as_int(value: object) -> int:
    return int(str(value))


def every_word_matches(query_key: str, name_key: str) -> bool:
    """True when each word typed resembles a word of the name, or the start of one.

    rapidfuzz's WRatio finds candidates fast, but on short words it also scores
    unrelated names highly (गीता against "Dixit"); this check keeps only names a
    nurse would recognise as a match, while still matching half-typed words.
    """
    name_words = name_key.split()
    for typed in query_key.split():
        if not any(
            word.startswith(typed)
            or fuzz.ratio(typed, word) >= 75
            or (len(typed) >= 3 and fuzz.ratio(typed, word[: len(typed)]) >= 75)
            for word in name_words
        ):
            return False
    return True


@dataclass(frozen=True)
class _Entry:
    ben_reg_id: int
    beneficiary_id: int | None
    name_key: str
    phone: str
    village_key: str
    birth_year: int | None


@dataclass(frozen=True)
class Match:
    person: BeneficiarySummary
    score: float
    why: str


class SearchIndex:
    """Sound keys of every registered beneficiary, refreshed as people are added.

    One instance serves a window or a command; it is safe to call from two threads.
    """

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine
        self._lock = threading.Lock()
        self._entries: dict[int, _Entry] = {}
        self._keys: list[str] = []
        self._order: list[int] = []
        self._last_details_id = 0

    def __len__(self) -> int:
        return len(self._entries)

    def _query(self) -> sa.Select[Any]:
        return summary_query().add_columns(DETAILS.c.BeneficiaryDetailsId)

    def _load(self, query: sa.Select[Any]) -> None:
        with self._engine.connect() as conn:
            rows = conn.execute(query).all()
        changed = False
        for row in rows:
            reg_id, ben_id, first, last, _gender, born, phone, village, *_, details_id = tuple(row)
            ben_reg_id = _as_int(reg_id)
            self._entries[ben_reg_id] = _Entry(
                ben_reg_id=ben_reg_id,
                beneficiary_id=_as_int(ben_id) if ben_id is not None else None,
                name_key=sound_key(f"{first or ''} {last or ''}"),
                phone=str(phone or ""),
                village_key=sound_key(str(village or "")),
                birth_year=born.year if born is not None else None,
            )
            self._last_details_id = max(self._last_details_id, _as_int(details_id))
            changed = True
        if changed:
            self._order = list(self._entries)
            self._keys = [self._entries[i].name_key for i in self._order]

    def refresh(self) -> None:
        """Add people registered since the last refresh."""
        with self._lock:
            self._load(self._query().where(DETAILS.c.BeneficiaryDetailsId > self._last_details_id))

    def reload(self, ben_reg_id: int) -> None:
        """Re-read one person after an edit."""
        with self._lock:
            self._load(self._query().where(MAPPING.c.BenRegId == ben_reg_id))

    def _summaries(self, ids: list[int]) -> dict[int, BeneficiarySummary]:
        if not ids:
            return {}
        with self._engine.connect() as conn:
            rows = conn.execute(summary_query().where(MAPPING.c.BenRegId.in_(ids))).all()
        return {s.ben_reg_id: s for s in map(to_summary, rows)}

    def search(self, text: str, limit: int = 20) -> list[Match]:
        """People matching ``text``: a BenRegID, beneficiary ID, phone, name or village."""
        self.refresh()
        text = text.strip()
        if not text:
            return []
        digits = clean_phone(text)
        if digits.isdigit():
            return self._by_number(digits, limit)
        return self._by_name(text, limit)

    def _by_number(self, digits: str, limit: int) -> list[Match]:
        scored: list[tuple[int, float, str]] = []
        for entry in self._entries.values():
            if str(entry.ben_reg_id) == digits:
                scored.append((entry.ben_reg_id, 100.0, "BenRegID"))
            elif entry.beneficiary_id is not None and str(entry.beneficiary_id) == digits:
                scored.append((entry.ben_reg_id, 100.0, "beneficiary ID"))
            elif len(digits) >= 4 and entry.phone.startswith(digits):
                scored.append((entry.ben_reg_id, 90.0 if entry.phone == digits else 70.0, "phone"))
        scored.sort(key=lambda s: -s[1])
        return self._as_matches(scored[:limit])

    def _by_name(self, text: str, limit: int) -> list[Match]:
        key = sound_key(text)
        if not key:
            return []
        found = process.extract(
            key, self._keys, scorer=fuzz.WRatio, limit=limit * 2, score_cutoff=72
        )
        scored = [
            (self._order[index], float(score), "name")
            for name_key, score, index in found
            if every_word_matches(key, name_key)
        ]
        village_hits = [
            (e.ben_reg_id, 65.0, "village")
            for e in self._entries.values()
            if e.village_key and e.village_key == key
        ]
        seen = {s[0] for s in scored}
        scored += [v for v in village_hits if v[0] not in seen][:limit]
        scored.sort(key=lambda s: -s[1])
        return self._as_matches(scored[:limit])

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
        self.refresh()
        today = today or date.today()
        key = sound_key(f"{first_name} {last_name}")
        phone = clean_phone(phone)
        if len(key) < 2 and len(phone) < 10:
            return []
        candidates: dict[int, tuple[float, str]] = {}
        if key:
            for name_key, score, index in process.extract(
                key, self._keys, scorer=fuzz.WRatio, limit=50, score_cutoff=75
            ):
                if every_word_matches(key, name_key):
                    candidates[self._order[index]] = (float(score), "similar name")
        if len(phone) == 10:
            for entry in self._entries.values():
                if entry.phone == phone:
                    best = candidates.get(entry.ben_reg_id, (0.0, ""))[0]
                    candidates[entry.ben_reg_id] = (max(best, 60.0) + 30.0, "same phone")
        if age_years is not None:
            year = today.year - age_years
            for ben_reg_id, (score, why) in list(candidates.items()):
                born = self._entries[ben_reg_id].birth_year
                if born is not None and abs(born - year) > 3:
                    candidates[ben_reg_id] = (score - 20.0, why)
        ranked = sorted(candidates.items(), key=lambda kv: -kv[1][0])
        scored = [(i, s, why) for i, (s, why) in ranked if s >= 70.0][:limit]
        return self._as_matches(scored)
