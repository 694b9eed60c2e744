"""Search finds people however their names are spelled or written."""

from __future__ import annotations

from datetime import date

import pytest

from mmu_desktop.context import AppContext
from mmu_desktop.db import beneficiaries
from mmu_desktop.db.search import SearchIndex, sound_key
from tests.helpers.people import hindi_person, sunita
from tests.helpers.pool import fill_pool

TODAY = date(2026, 12, 4)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Sunita", "Suneeta"),
        ("Sunita", "सुनीता"),
        ("Sunitha", "सुनीता"),
        ("Lakshmi", "Laxmi"),
        ("लक्ष्मी", "Lakshmi"),
        ("Shanti", "शांति"),
        ("Pooja", "पूजा"),
        ("Priyanka", "प्रियंका"),
        ("Krishna", "कृष्णा"),
        # with a zero-width joiner, as some keyboards type it
        ("सुनीता", "सु\u200dनीता"),
    ],
)
def test_spellings_of_one_name_share_a_key(one: str, other: str) -> None:
    assert sound_key(one) == sound_key(other)


def test_different_names_keep_different_keys() -> None:
    assert sound_key("Sunita") != sound_key("Savita")
    assert sound_key("Ram") != sound_key("Shyam")


@pytest.fixture
def index(ctx: AppContext) -> SearchIndex:
    fill_pool(ctx.engine, 4)
    van = ctx.van()
    beneficiaries.register(ctx.engine, sunita(), van, TODAY)
    beneficiaries.register(ctx.engine, hindi_person(), van, TODAY)
    beneficiaries.register(ctx.engine, sunita(first_name="Savita", phone="8123456789"), van, TODAY)
    beneficiaries.register(
        ctx.engine,
        sunita(first_name="Ramesh", last_name="Kumar", gender_id=1, phone=""),
        van,
        TODAY,
    )
    return SearchIndex(ctx.engine)


def _names(matches: list) -> list[str]:
    return [m.person.full_name for m in matches]


def test_typing_suneeta_finds_both_sunitas(index: SearchIndex) -> None:
    found = _names(index.search("Suneeta"))
    assert set(found[:2]) == {"Sunita Yadav", "सुनीता देवी"}
    assert "Ramesh Kumar" not in found


def test_hindi_query_finds_english_record(index: SearchIndex) -> None:
    assert _names(index.search("सुनीता यादव"))[0] == "Sunita Yadav"


def test_search_by_phone_prefix_ids_and_village(index: SearchIndex) -> None:
    assert _names(index.search("81234")) == ["Savita Yadav"]
    assert _names(index.search("90002")) == ["सुनीता देवी"]
    assert _names(index.search("284700090003")) == ["Savita Yadav"]
    assert set(_names(index.search("Devipur"))) == {"सुनीता देवी"}


def test_new_registrations_are_found_without_restarting(
    ctx: AppContext, index: SearchIndex
) -> None:
    assert index.search("Geeta") == []
    fill_pool(ctx.engine, 1, first_reg_id=99001)
    beneficiaries.register(ctx.engine, sunita(first_name="Gita"), ctx.van(), TODAY)
    assert _names(index.search("Geeta")) == ["Gita Yadav"]


def test_likely_duplicates_while_registering(index: SearchIndex) -> None:
    found = index.likely_duplicates("Suneeta", "Yadav", "", 34, TODAY)
    assert _names(found)[0] == "Sunita Yadav"
    by_phone = index.likely_duplicates("Sita", "", "9876501234", None, TODAY)
    assert _names(by_phone)[0] == "Sunita Yadav"
    assert index.likely_duplicates("Mohan", "Lal", "", 60, TODAY) == []


def test_unrelated_names_are_not_offered(ctx: AppContext, index: SearchIndex) -> None:
    fill_pool(ctx.engine, 2, first_reg_id=99501)
    van = ctx.van()
    beneficiaries.register(
        ctx.engine, sunita(first_name="Hemang", last_name="Dixit", gender_id=1), van, TODAY
    )
    beneficiaries.register(
        ctx.engine, sunita(first_name="Girindra", last_name="Batra", gender_id=1), van, TODAY
    )
    assert index.search("गीता") == []
    half_typed = _names(index.search("Sune"))
    assert "Sunita Yadav" in half_typed and "Hemang Dixit" not in half_typed
    assert "Hemang Dixit" in _names(index.search("Hemant Dixit"))
