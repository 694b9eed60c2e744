"""Generated tests: properties of row marking and the ID pool, and a fuzz of bad replies.

Hypothesis draws central's true verdict on a batch and then damages the reply in the
ways a link or a buggy server does; whatever the reply, no row counts as accepted that
central did not accept. The ID pool is driven through random store and claim sequences
and never gives an ID out twice. Thousands of malformed answers go to each phase's
reader (upload, master download, IDs, the envelope itself): each either parses or
raises the phase's own known error, never anything else.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mmu_desktop.context import AppContext
from mmu_desktop.db import id_pool
from mmu_desktop.db.engine import writing
from mmu_desktop.db.schema import metadata
from mmu_desktop.sync.beneficiary_ids import BadIdBatch, parse_id_batch, store_batch
from mmu_desktop.sync.client import BadReply, Envelope, parse_envelope
from mmu_desktop.sync.masters import MasterError, _target_for, parse_rows
from mmu_desktop.sync.upload import interpret_reply

TABLE = "t_phy_vitals"
NOW = datetime(2026, 1, 5, 10, 0, 0)

json_leaf = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
)
json_value = st.recursive(
    json_leaf,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def envelope(data: Any, code: int = 200) -> Envelope:
    return Envelope(status_code=code, error_message="Success", status="Success", data=data)


# -- marking uploaded rows ------------------------------------------------------------

DAMAGE = (
    "none",
    "drop-one",
    "repeat-one",
    "foreign-serial",
    "other-table",
    "success-not-bool",
    "no-serial",
    "inner-error",
    "outer-error",
    "not-a-list",
    "record-not-object",
)


@st.composite
def batch_and_reply(draw: st.DrawFn) -> tuple[list[str], set[str], Envelope, str]:
    serials = [
        str(s) for s in draw(st.lists(st.integers(1, 10**6), min_size=1, max_size=30, unique=True))
    ]
    truly_accepted = {s for s in serials if draw(st.booleans())}
    records: list[Any] = [
        {
            "schemaName": "db_iemr",
            "tableName": TABLE,
            "vanSerialNo": draw(st.sampled_from([s, int(s)])) if s.isdigit() else s,
            "syncedBy": "nurse",
            "success": s in truly_accepted,
            **({} if s in truly_accepted else {"reason": draw(st.text(max_size=20))}),
        }
        for s in serials
    ]
    records = draw(st.permutations(records))
    damage = draw(st.sampled_from(DAMAGE))
    i = draw(st.integers(0, len(records) - 1))
    data: Any = {"statusCode": 200, "message": "Data sync completed", "records": records}
    code = 200
    if damage == "drop-one":
        del records[i]
    elif damage == "repeat-one":
        records.append(dict(records[i]))
    elif damage == "foreign-serial":
        records[i] = {**records[i], "vanSerialNo": str(10**7 + i)}
    elif damage == "other-table":
        records[i] = {**records[i], "tableName": "t_benvisitdetail"}
    elif damage == "success-not-bool":
        records[i] = {**records[i], "success": draw(st.sampled_from(["true", 1, None, "yes"]))}
    elif damage == "no-serial":
        records[i] = {k: v for k, v in records[i].items() if k != "vanSerialNo"}
    elif damage == "inner-error":
        data["statusCode"] = draw(st.sampled_from([500, 5000, "5002", None]))
        if data["statusCode"] is None:
            del data["statusCode"]
            damage = "none"
    elif damage == "outer-error":
        code = draw(st.sampled_from([5000, 5002, 5005, 404]))
    elif damage == "not-a-list":
        data["records"] = draw(json_leaf)
    elif damage == "record-not-object":
        records[i] = draw(json_leaf)
    return serials, truly_accepted, envelope(data, code), damage


@settings(max_examples=1500, deadline=None)
@given(batch_and_reply())
def test_no_row_counts_as_accepted_unless_central_accepted_it(
    case: tuple[list[str], set[str], Envelope, str],
) -> None:
    serials, truly_accepted, reply, damage = case

    outcome = interpret_reply(TABLE, reply, serials)

    assert outcome.accepted <= truly_accepted
    assert not (outcome.accepted & set(outcome.rejected))
    assert set(outcome.rejected) <= set(serials) - truly_accepted
    if damage == "none":
        assert outcome.accepted == truly_accepted and outcome.error is None
        assert set(outcome.rejected) == set(serials) - truly_accepted
    else:
        # A damaged answer is distrusted whole: nothing marked, the batch goes again.
        assert outcome.error and not outcome.accepted and not outcome.rejected


# -- the ID pool ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def pool_ctx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    from mmu_desktop import settings as settings_store
    from mmu_desktop.paths import DataDir
    from tests.conftest import DEMO_VAN

    data_dir = DataDir.at(tmp_path_factory.mktemp("pool") / "data")
    current = settings_store.load(data_dir)
    for key, value in DEMO_VAN.items():
        settings_store.set_value(current, key, value)
    settings_store.save(data_dir, current)
    ctx = AppContext.open(data_dir.root)
    yield ctx
    ctx.engine.dispose()


CLAIMED: dict[str, set[int]] = {"reg": set(), "ben": set()}

reg_ids = st.integers(1, 400)
operations = st.lists(
    st.one_of(
        st.tuples(st.just("store"), st.lists(reg_ids, min_size=1, max_size=8)),
        st.tuples(st.just("claim"), st.integers(1, 5)),
    ),
    min_size=1,
    max_size=12,
)


def ben_id(reg: int, salt: int) -> int:
    return 200_000_000_000 + reg * 1000 + salt  # 12 digits; salt makes clashes possible


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(operations, st.integers(0, 3))
def test_random_store_and_claim_never_gives_an_id_out_twice(
    pool_ctx: AppContext, steps: list[tuple[str, Any]], salt: int
) -> None:
    engine, van = pool_ctx.engine, pool_ctx.van()
    pool = metadata.tables["m_beneficiaryregidmapping"]
    for kind, arg in steps:
        if kind == "store":
            pairs = [(r, ben_id(r, salt)) for r in dict.fromkeys(arg)]
            with engine.connect() as conn:
                before = conn.execute(sa.select(sa.func.count()).select_from(pool)).scalar_one()
            try:
                added = store_batch(engine, pairs, van.van_id, NOW)
            except BadIdBatch:
                added = 0
            with engine.connect() as conn:
                after = conn.execute(sa.select(sa.func.count()).select_from(pool)).scalar_one()
            assert after - before == added and added in (0, len(pairs))  # all or nothing
        else:
            for _ in range(arg):
                try:
                    with writing(engine) as conn:
                        claimed = id_pool.claim(conn, van, NOW)
                except id_pool.PoolEmpty:
                    break
                assert claimed.ben_reg_id not in CLAIMED["reg"]
                assert claimed.beneficiary_id not in CLAIMED["ben"]
                CLAIMED["reg"].add(claimed.ben_reg_id)
                CLAIMED["ben"].add(claimed.beneficiary_id)
    with engine.connect() as conn:
        total, distinct_ben = conn.execute(
            sa.select(sa.func.count(), sa.func.count(sa.distinct(pool.c.BeneficiaryID)))
        ).one()
        provisioned = conn.execute(
            sa.select(sa.func.count()).select_from(pool).where(pool.c.Provisioned.is_(True))
        ).scalar_one()
    assert total == distinct_ben
    assert provisioned == len(CLAIMED["reg"])


# -- fuzzing each phase's reader ------------------------------------------------------


@settings(max_examples=1000, deadline=None)
@given(
    st.binary(max_size=200)
    | json_value.map(lambda v: json.dumps(v).encode())
    | st.sampled_from([b'{"statusCode": 200, "data": "\\ud800"}', b'{"statusCode": "7"}'])
)
def test_any_body_is_an_envelope_or_bad_reply(raw: bytes) -> None:
    try:
        parsed = parse_envelope(raw)
    except BadReply as exc:
        assert str(exc).startswith("The central server")
    else:
        assert isinstance(parsed.status_code, int)
        # Whatever central sent, what we keep can be stored and logged as UTF-8.
        json.dumps([parsed.data, parsed.error_message], ensure_ascii=False).encode("utf-8")


def test_a_lone_surrogate_from_central_becomes_a_question_mark() -> None:
    raw = b'{"statusCode": 5000, "errorMessage": "bad \\ud800 \\ud83d\\ude00", "data": ["\\udfff"]}'

    parsed = parse_envelope(raw)

    assert parsed.error_message == "bad ? \U0001f600" and parsed.data == ["?"]


@settings(max_examples=1000, deadline=None)
@given(json_value, st.lists(st.integers(1, 10**6).map(str), min_size=1, max_size=5, unique=True))
def test_any_upload_reply_marks_nothing_unless_it_names_each_row(
    data: Any, serials: list[str]
) -> None:
    outcome = interpret_reply(TABLE, envelope(data), serials)

    named = isinstance(data, dict) and isinstance(data.get("records"), list)
    if not named:
        assert not outcome.accepted and not outcome.rejected
    assert outcome.accepted | set(outcome.rejected) <= set(serials)


@settings(max_examples=1000, deadline=None)
@given(json_value, st.integers(1, 50))
def test_any_id_reply_is_checked_ids_or_bad_id_batch(data: Any, requested: int) -> None:
    try:
        pairs = parse_id_batch(data, requested)
    except BadIdBatch:
        return
    assert 0 < len(pairs) <= requested
    assert len({r for r, _ in pairs}) == len(pairs) == len({b for _, b in pairs})
    assert all(len(str(b)) == 12 for _, b in pairs)


@pytest.fixture(scope="module")
def master_targets(pool_ctx: AppContext) -> list[Any]:
    control = metadata.tables["m_downloadmastertable"]
    with pool_ctx.engine.connect() as conn:
        rows = (
            conn.execute(sa.select(control).where(control.c.Deleted.is_not(True))).mappings().all()
        )
    return [_target_for(row) for row in rows]


@settings(
    max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_any_master_reply_parses_or_is_refused_whole(
    master_targets: list[Any], data: st.DataObject
) -> None:
    target = data.draw(st.sampled_from(master_targets))
    width = len(target.columns)
    # Mostly rows of the right width, so the values themselves are what is fuzzed.
    row = st.lists(json_leaf | st.integers(-(2**63), 2**63), min_size=width, max_size=width).map(
        lambda values: {f"c{i}": v for i, v in enumerate(values)}
    )
    reply = data.draw(st.lists(row, max_size=3) | json_value)
    try:
        parsed = parse_rows(target, reply)
    except MasterError:
        return
    assert isinstance(reply, list) and len(parsed) == len(reply)


def test_an_epoch_beyond_the_platform_clock_is_refused_not_a_crash(
    master_targets: list[Any],
) -> None:
    from mmu_desktop.sync.masters import parse_central_datetime

    with pytest.raises(ValueError, match="not a date"):
        parse_central_datetime(67768036191676796000)


# -- the same, over real HTTP ---------------------------------------------------------

HTTP_BODIES = [
    b"",
    b"{",
    b"null",
    b"[]",
    b'{"statusCode": "abc"}',
    b'{"statusCode": 200, "data": {"records": [{"vanSerialNo": 1, "success": true}]}}',
    b'{"statusCode": 200, "data": [{"benRegId": "1", "beneficiaryId": "1"}]}',
    b'{"statusCode": 200, "data": [[1, 2, 3]]}',
    b'{"statusCode": 200, "data": {"response": "Sync successful"}}',
    b'{"statusCode": 5000, "errorMessage": "\\u0000\\ud800"}',
    '\ufeff{"statusCode": 200}'.encode(),
    b"\xff\xfe\x00garbage",
]


@pytest.mark.parametrize(
    "call",
    [
        "van-to-server",
        pytest.param("server-to-van", marks=pytest.mark.slow),  # 30 tables, each retried
        "generateBeneficiaryIDs",
    ],
)
def test_malformed_answers_over_http_end_in_a_report_not_a_crash(busy_van: Any, call: str) -> None:
    from flask import Response

    from tests.reliability.faults import clear
    from tests.reliability.harness import check_convergence, falsely_marked
    from tests.reliability.test_faults import converge, sync

    busy_van.set(id_pool_target="1100")
    busy_van.set(id_pool_low_water="1000")
    for body in HTTP_BODIES:
        busy_van.central.faults.after = lambda name, _n, response, body=body: (
            Response(body, status=200, mimetype="application/json") if name == call else response
        )

        report = sync(busy_van)  # raises if the run met an internal error

        assert not report.succeeded or call == "server-to-van" and body == b"[]"
        assert "Traceback" not in json.dumps(report.to_dict())
        assert falsely_marked(busy_van) == []
    clear(busy_van.central)
    converge(busy_van)
    check_convergence(busy_van).assert_clean()
