"""Search finds people however their names are spelled or written."""

from __future__ import annotations

from datetime import date

import pytest

from mmu_desktop.context import AppContext
from mmu_desktop.db import beneficiaries
from mmu_desktop.db.search import SearchIndex, sound_key, typed_keys, word_score
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


def test_half_typed_last_word_keeps_the_person(index: SearchIndex) -> None:
    # "y" on its own folds to "i" as a whole word would; on the way to "Yadav" it must not.
    for typed in ("Sunita Y", "Sunita Ya", "Sunita Yad", "सुनीता या"):
        assert "Sunita Yadav" in _names(index.search(typed)), typed


def test_beneficiary_id_found_from_its_first_digits(ctx: AppContext, index: SearchIndex) -> None:
    fill_pool(ctx.engine, 1, first_reg_id=99701)
    gita = beneficiaries.register(ctx.engine, sunita(first_name="Gita"), ctx.van(), TODAY)
    card = f"{gita.beneficiary_id:012d}"
    spaced = f"{card[:4]} {card[4:8]} {card[8:]}"
    assert _names(index.search(spaced)) == ["Gita Yadav"]
    started = index.search(spaced[:11])
    assert "Gita Yadav" in _names(started)
    assert {m.why for m in started} == {"beneficiary ID"}


def test_an_edit_is_found_at_once_under_the_new_name(ctx: AppContext, index: SearchIndex) -> None:
    ramesh = next(m.person for m in index.search("Ramesh Kumar"))
    with ctx.engine.connect() as conn:
        form = beneficiaries.load_form(conn, ramesh.ben_reg_id)
    assert form is not None
    form.first_name, form.phone = "Mahesh", "9111122222"
    beneficiaries.update(ctx.engine, ramesh.ben_reg_id, form, ctx.van(), TODAY)
    index.reload(ramesh.ben_reg_id)
    assert _names(index.search("Mahesh")) == ["Mahesh Kumar"]
    assert _names(index.search("91111")) == ["Mahesh Kumar"]
    assert "Mahesh Kumar" not in _names(index.search("Ramesh"))
    assert index.search("Ramesh Kumar") == []


def test_the_whole_word_ranks_above_names_that_only_start_with_it(
    ctx: AppContext, index: SearchIndex
) -> None:
    fill_pool(ctx.engine, 2, first_reg_id=99801)
    van = ctx.van()
    beneficiaries.register(ctx.engine, sunita(first_name="Sunitra"), van, TODAY)
    beneficiaries.register(ctx.engine, sunita(first_name="Sunil", last_name="Verma"), van, TODAY)
    assert _names(index.search("Sunil"))[0] == "Sunil Verma"
    found = _names(index.search("Sunita"))
    assert set(found[:2]) == {"Sunita Yadav", "सुनीता देवी"}
    assert found.index("Sunitra Yadav") > 1


# Made-up names in both scripts, several sharing sounds, for checking the index's rule.
MANY = [
    ("Sunita", "Yadav"),
    ("सुनीता", "देवी"),
    ("Suneeta", "Verma"),
    ("Savita", "Yadav"),
    ("Sunil", "Kumar"),
    ("Anil", "Kumar"),
    ("अनिल", "यादव"),
    ("Geeta", "Devi"),
    ("गीता", "वर्मा"),
    ("Gita", "Kumari"),
    ("Lakshmi", "Devi"),
    ("लक्ष्मी", "साहू"),
    ("Laxmi", "Sahu"),
    ("Pooja", "Singh"),
    ("पूजा", "सिंह"),
    ("Priyanka", "Yadav"),
    ("Krishna", "Pal"),
    ("कृष्णा", "पाल"),
    ("Ram", "Prasad"),
    ("Shyam", "Lal"),
    ("Radha", "Rani"),
    ("राधा", "रानी"),
    ("Mohan", "Lal"),
    ("Sohan", "Lal"),
    ("Rekha", "Devi"),
    ("Rakesh", "Kumar"),
    ("Ramesh", "Yadav"),
    ("Mahesh", "Verma"),
]
QUERIES = [
    "Su",
    "Sun",
    "Suni",
    "Sunitha",
    "सुनी",
    "Sunita Y",
    "Sunita Yad",
    "Ani",
    "Anil K",
    "Geeta",
    "Gi",
    "Lax",
    "Lakshmi D",
    "Pu",
    "Pooja S",
    "Kri",
    "Krisna",
    "Ra",
    "Ram",
    "Ramesh Ya",
    "Sohan",
    "Mohn Lal",
    "Re",
    "Rekha Dev",
    "Devi",
    "Kumar",
    "Ya",
    "Verm",
    "Shyaam",
    "राधा र",
    "रानी",
    "प्रियं",
    "Mahesh V",
    "Q",
    "Xyz",
]


def test_the_index_finds_exactly_the_names_where_every_typed_word_matches(
    ctx: AppContext,
) -> None:
    """The fast index against the plain rule, name by name, for many half-typed queries."""
    fill_pool(ctx.engine, len(MANY))
    van = ctx.van()
    for first, last in MANY:
        form = sunita(first_name=first, last_name=last, phone="")
        beneficiaries.register(ctx.engine, form, van, TODAY)
    index = SearchIndex(ctx.engine)
    for query in QUERIES:
        typed = typed_keys(query)
        expected = {
            f"{first} {last}"
            for first, last in MANY
            if all(
                any(
                    word_score(key, word) > 0
                    for key in keys
                    for word in sound_key(f"{first} {last}").split()
                )
                for keys in typed
            )
        }
        found = _names(index.search(query, limit=len(MANY)))
        assert sorted(found) == sorted(expected), query
