"""The reference central server as a Flask app: MMU-API and Common-API on one host.

Every call answers HTTP 200 with AMRIT's envelope; only a request without an
``Authorization`` header gets a plain HTTP 401, as AMRIT's filters give. Request bodies
may be gzip-compressed, and every answer says so with ``Accept-Encoding: gzip`` (RFC
7694), unless the server is made with ``accept_gzip=False``: then it answers a gzipped
body with HTTP 415, as a central that only takes plain JSON would. A fault switch for
tests can be placed in ``app.config["FAULTS"]`` (see ``reference_central.faults``).
"""

from __future__ import annotations

import functools
import gzip
import json
import logging
import secrets
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    after_this_request,
    current_app,
    request,
)
from werkzeug.exceptions import HTTPException

from reference_central import benid, download, upload
from reference_central.crypto import PasswordCipherError, decrypt_password, verify_password
from reference_central.db import central_user, create_tables, make_engine
from reference_central.envelope import (
    CentralError,
    StatusCode,
    failure,
    json_response,
    success,
)
from reference_central.faults import hook
from reference_central.sessions import SessionStore
from reference_central.tokens import issue_token

log = logging.getLogger(__name__)

MMU_PREFIX = "/mmuapi-v1.0"
COMMON_PREFIX = "/commonapi-v1.0"
SESSION_EXPIRED = "Session is expired. Please login again."
ALREADY_LOGGED_IN = (
    "You are already logged in,please confirm to logout from other device and login again"
)
BAD_CREDENTIALS = "Invalid username or password"
MMU_SERVICE_ID = 2
DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024
GZIP_ANSWER_MIN_BYTES = 1024  # smaller answers go plain: gzip would save too little
EXTENSION = "reference_central"

Handler = Callable[[Any], Any]


@dataclass
class CentralState:
    """What the request handlers share: the database, the sessions, the JWT secret."""

    engine: sa.Engine
    sessions: SessionStore
    max_body_bytes: int
    jwt_ttl_seconds: int
    jwt_secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    accept_gzip: bool = True  # gzip request bodies are read and advertised


def state() -> CentralState:
    """The running app's shared state."""
    central: CentralState = current_app.extensions[EXTENSION]
    return central


def create_app(
    db_url: str,
    *,
    session_ttl_seconds: float = 1800,
    clock: Callable[[], float] = time.monotonic,
    faults: object | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    jwt_ttl_seconds: int = 24 * 3600,
    engine: sa.Engine | None = None,
    accept_gzip: bool = True,
) -> Flask:
    """Build the server for the database at ``db_url`` (missing tables are created).

    Args:
        db_url: any SQLAlchemy URL; SQLite must be a file.
        session_ttl_seconds: idle time after which a session key expires.
        clock: monotonic seconds, replaceable in tests to expire sessions instantly.
        faults: an object with the hooks of ``reference_central.faults.FaultHooks``.
        max_body_bytes: largest request body, after gzip decompression.
        jwt_ttl_seconds: lifetime of the JWTs handed out at login.
        engine: an engine to use instead of making one from ``db_url``.
        accept_gzip: False makes a central that takes plain JSON only (HTTP 415 for a
            gzipped body, no ``Accept-Encoding`` in its answers).
    """
    engine = engine if engine is not None else make_engine(db_url)
    create_tables(engine)
    app = Flask(__name__)
    app.extensions[EXTENSION] = CentralState(
        engine=engine,
        sessions=SessionStore(session_ttl_seconds, clock),
        max_body_bytes=max_body_bytes,
        jwt_ttl_seconds=jwt_ttl_seconds,
        accept_gzip=accept_gzip,
    )
    app.config["FAULTS"] = faults
    app.config["MAX_CONTENT_LENGTH"] = max_body_bytes
    app.register_blueprint(_mmu_api())
    app.register_blueprint(_common_api())
    app.register_error_handler(HTTPException, _http_error)
    app.after_request(download.compress_answer)  # master rows gzipped for a van that accepts
    return app


def _http_error(exc: HTTPException) -> Response:
    # Spring Boot answers unmatched or refused requests with a small JSON error body.
    body = {"status": exc.code, "error": exc.name, "path": request.path}
    return json_response(body, http_status=exc.code or 500)


def _read_body() -> Any:
    """The request's JSON, gunzipped if sent with ``Content-Encoding: gzip``."""
    limit = state().max_body_bytes
    raw = request.get_data(cache=False)
    encoding = request.headers.get("Content-Encoding", "").strip().lower()
    if encoding == "gzip" and not state().accept_gzip:
        abort(415)
    if encoding == "gzip":
        try:
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            raw = inflater.decompress(raw, limit + 1)
        except (zlib.error, gzip.BadGzipFile) as exc:
            raise CentralError(StatusCode.GENERIC_FAILURE, "Invalid gzip request body") from exc
        if len(raw) > limit:
            raise CentralError(StatusCode.GENERIC_FAILURE, "Request body too large")
    elif encoding not in ("", "identity"):
        raise CentralError(StatusCode.GENERIC_FAILURE, f"Unsupported encoding {encoding}")
    try:
        return json.loads(raw.decode("utf-8")) if raw.strip() else None
    except (UnicodeDecodeError, ValueError) as exc:
        raise CentralError(StatusCode.GENERIC_FAILURE, "Invalid request: body is not JSON") from exc


def _gzip_answer(response: Response) -> None:
    """Gzip an upload answer for a van that accepts it, as a compressing front would.

    A central that reads gzip bodies is taken to compress its answers too (nginx's
    ``gzip on``); the per-row results repeat the table name and user on every row, so
    they shrink about tenfold. Only with ``accept_gzip`` (a plain-only central is plain
    both ways).
    """
    if (
        request.accept_encodings["gzip"] <= 0
        or response.direct_passthrough
        or "Content-Encoding" in response.headers
    ):
        return
    body = response.get_data()
    if len(body) >= GZIP_ANSWER_MIN_BYTES:
        response.set_data(gzip.compress(body, 6, mtime=0))
        response.headers["Content-Encoding"] = "gzip"
        response.vary.add("Accept-Encoding")


def _unexpected(exc: Exception) -> Response:
    """A 5000-family envelope for a bug or an outage, never a traceback page."""
    log.exception("unexpected error in %s", request.path)
    code = StatusCode.GENERIC_FAILURE
    if isinstance(exc, sa.exc.OperationalError):
        code = StatusCode.ENVIRONMENT_EXCEPTION
    elif isinstance(exc, sa.exc.DBAPIError):
        code = StatusCode.CODE_EXCEPTION
    text = str(exc).strip().splitlines()
    message = f"{type(exc).__name__}: {text[0] if text else 'no details'}"[:200]
    return failure(code, message, keep_nulls=False)


def central_call(
    name: str, *, keep_nulls: bool, needs_session: bool = True
) -> Callable[[Handler], Callable[[], Response]]:
    """Wrap a handler taking the parsed body and returning the envelope's ``data``.

    ``keep_nulls`` mirrors which of AMRIT's two serialisations the endpoint uses.
    """

    def decorate(handler: Handler) -> Callable[[], Response]:
        @functools.wraps(handler)
        def view() -> Response:
            faults = current_app.config.get("FAULTS")
            try:
                before = hook(faults, "before_call")
                early = before(name) if before else None
                if early is not None:
                    return early
                response = _require_session() if needs_session else None
                if response is None:
                    response = success(handler(_read_body()), keep_nulls=keep_nulls)
            except HTTPException:
                raise
            except CentralError as error:
                response = failure(error.status_code, error.message, keep_nulls=keep_nulls)
            except Exception as exc:  # every bug becomes an envelope, never a traceback page
                response = _unexpected(exc)
            if state().accept_gzip:
                response.headers["Accept-Encoding"] = "gzip"
            after = hook(faults, "after_call")
            response = after(name, response) if after else response
            if state().accept_gzip and name == "van-to-server":
                _gzip_answer(response)
            return response

        return view

    return decorate


def _require_session() -> Response | None:
    """None when the ``Authorization`` key is a live session, else the refusal."""
    key = request.headers.get("Authorization")
    if key is None:
        # AMRIT's controllers declare headers="Authorization": no match, no envelope.
        abort(401)
    # The JWT (cookie or header Jwttoken) is accepted but not required: the key decides.
    if not key or state().sessions.touch(key) is None:
        # AMRIT's interceptor writes this envelope itself, without null keys.
        return failure(StatusCode.USERID_FAILURE, SESSION_EXPIRED, keep_nulls=False)
    return None


# --- Common-API -------------------------------------------------------------------------


def _common_api() -> Blueprint:
    api = Blueprint("common_api", __name__, url_prefix=COMMON_PREFIX)
    api.add_url_rule(
        "/user/userAuthenticate",
        view_func=central_call("userAuthenticate", keep_nulls=False, needs_session=False)(
            _user_authenticate
        ),
        methods=["POST"],
    )
    api.add_url_rule(
        "/user/logOutUserFromConcurrentSession",
        view_func=central_call(
            "logOutUserFromConcurrentSession", keep_nulls=False, needs_session=False
        )(_log_out_concurrent),
        methods=["POST"],
    )
    api.add_url_rule(
        "/beneficiary/generateBeneficiaryIDs",
        view_func=central_call("generateBeneficiaryIDs", keep_nulls=False)(_generate_ids),
        methods=["POST"],
    )
    return api


def _find_user(user_name: str) -> sa.Row[Any] | None:
    with state().engine.connect() as conn:
        return conn.execute(
            sa.select(central_user).where(
                central_user.c.UserName == user_name, central_user.c.Deleted.is_(False)
            )
        ).first()


def _user_authenticate(body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise CentralError(StatusCode.GENERIC_FAILURE, "Invalid request")
    user_name, encrypted = body.get("userName"), body.get("password")
    if not isinstance(user_name, str) or not isinstance(encrypted, str):
        raise CentralError(StatusCode.USERID_FAILURE, BAD_CREDENTIALS)
    user = _find_user(user_name)
    try:
        plain = decrypt_password(encrypted)
    except PasswordCipherError:
        plain = None
    if user is None or plain is None or not verify_password(plain, user.PasswordHash):
        raise CentralError(StatusCode.USERID_FAILURE, BAD_CREDENTIALS)

    sessions = state().sessions
    if body.get("doLogout") is True:
        sessions.end_user_sessions(user.UserName)
    elif sessions.has_live_session(user.UserName):
        raise CentralError(StatusCode.USERID_FAILURE, ALREADY_LOGGED_IN)
    session = sessions.create(user.UserName, user.UserID)

    data: dict[str, Any] = {
        "userID": user.UserID,
        "userName": user.UserName,
        "fullName": user.FullName,
        "isAuthenticated": True,
        "Status": "Active",
        "previlegeObj": [
            {
                "serviceID": MMU_SERVICE_ID,
                "serviceName": "MMU",
                "serviceDesc": "Mobile Medical Unit",
                "providerServiceMapID": user.ProviderServiceMapID,
                "roles": [{"RoleID": 1, "RoleName": "DataSync"}],
            }
        ],
        "key": session.key,
    }
    central = state()
    tokens = {
        kind: issue_token(
            central.jwt_secret,
            user_id=user.UserID,
            user_name=user.UserName,
            ttl_seconds=central.jwt_ttl_seconds,
            kind=kind,
        )
        for kind in ("access", "refresh")
    }
    if "okhttp" in request.headers.get("User-Agent", "").lower():
        data["jwtToken"] = tokens["access"]
        data["refreshToken"] = tokens["refresh"]
    else:

        @after_this_request
        def set_cookie(response: Response) -> Response:
            response.set_cookie(
                "Jwttoken", tokens["access"], httponly=True, samesite="Strict", path="/"
            )
            return response

    log.info("user logged in (user id %s)", user.UserID)
    return data


def _log_out_concurrent(body: Any) -> str:
    user_name = body.get("userName") if isinstance(body, dict) else None
    if not isinstance(user_name, str) or not user_name:
        raise CentralError(StatusCode.GENERIC_FAILURE, "Invalid request")
    if _find_user(user_name) is None:
        raise CentralError(StatusCode.USERID_FAILURE, "Invalid user name")
    state().sessions.end_user_sessions(user_name)
    return "User successfully logged out"


def _generate_ids(body: Any) -> list[dict[str, Any]]:
    count, van_id = benid.parse_generation(body)
    started = time.perf_counter()
    generated = benid.generate_beneficiary_ids(state().engine, count, van_id)
    log.info("generated %d beneficiary IDs in %.2f s", count, time.perf_counter() - started)
    rewrite = hook(current_app.config.get("FAULTS"), "beneficiary_ids")
    return rewrite(generated) if rewrite else generated


# --- MMU-API ----------------------------------------------------------------------------


def _mmu_api() -> Blueprint:
    api = Blueprint("mmu_api", __name__, url_prefix=MMU_PREFIX)
    api.add_url_rule(
        "/dataSync/van-to-server",
        view_func=central_call("van-to-server", keep_nulls=False)(_van_to_server),
        methods=["POST"],
    )
    api.add_url_rule(
        "/dataSync/server-to-van",
        view_func=central_call("server-to-van", keep_nulls=True)(_server_to_van),
        methods=["POST"],
    )
    return api


def _van_to_server(body: Any) -> Any:
    upload_request = upload.parse_upload(body)
    service = upload.UploadService(
        state().engine, reject_row=hook(current_app.config.get("FAULTS"), "reject_row")
    )
    return service.sync(upload_request, datetime.now().replace(microsecond=0))


def _server_to_van(body: Any) -> list[dict[str, Any]]:
    download_request = download.parse_download(body)
    rows = download.fetch_master_rows(state().engine, download_request)
    log.info("server-to-van %s: %d rows", download_request.table_name, len(rows))
    return rows
