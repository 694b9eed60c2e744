"""The HTTP side of talking to AMRIT central: headers, envelope, timeouts, retries.

Every central answer is the AMRIT envelope ``{"data", "statusCode", "errorMessage",
"status"}``; the envelope's ``statusCode`` decides the outcome, never the HTTP status
alone (AMRIT answers most failures with HTTP 200, contract section 3). Anything that is
not such an envelope becomes a typed error a person can act on.
"""

from __future__ import annotations

import codecs
import gzip
import json
import logging
import random
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import requests
import urllib3.exceptions
from requests.adapters import HTTPAdapter

from mmu_desktop import __version__
from mmu_desktop.keystore import Credentials

log = logging.getLogger(__name__)

# Central's JWT filter lets a call through on its Authorization header alone only when
# the User-Agent contains "okhttp" or "java/" (contract 2.3); with "okhttp" Common-API
# also skips the login captcha and returns the JWT in the body (contract 2.1).
USER_AGENT = f"mmu-desktop/{__version__} (AMRIT van sync; okhttp-compatible)"
CONTENT_TYPE = "application/json;charset=utf-8"

STATUS_SUCCESS = 200
STATUS_USERID_FAILURE = 5002  # session expired, or a login problem
STATUS_ENVIRONMENT = 5006  # IOException/ConnectException/JDBC on central: worth a retry

UPLOAD_PATH = "dataSync/van-to-server"
MASTER_DOWNLOAD_PATH = "dataSync/server-to-van"
GENERATE_IDS_PATH = "beneficiary/generateBeneficiaryIDs"
LOGIN_PATH = "user/userAuthenticate"
LOGOUT_OTHER_SESSION_PATH = "user/logOutUserFromConcurrentSession"

# Upload bodies smaller than this are sent plain: gzip would save too little to matter.
GZIP_MIN_BYTES = 1024
GZIP_LEVEL = 6  # most of level 9's saving on JSON, at a fraction of its CPU time
HTTP_UNSUPPORTED_MEDIA_TYPE = 415

SIGN_IN_AGAIN = "Your sign-in to the central server has expired. Sign in again, then sync."


class SyncError(Exception):
    """A known failure with a sentence a person can act on (``str(error)``)."""


class TransportError(SyncError):
    """Central could not be reached, or the connection failed, after the allowed retries."""


class BadReply(SyncError):
    """Central answered with something that is not an AMRIT envelope."""


class Unreachable(TransportError):
    """No connection to central could be made: it certainly received nothing."""


class OutcomeUnknown(TransportError):
    """A call that must not be sent twice may or may not have been processed.

    Raised after a read timeout, a connection that broke after the request was sent, a
    gateway error (HTTP 502/504), an HTTP 500 or an unreadable answer. Central may still
    be working on it, and AMRIT's upload de-duplication is check-then-insert without a
    unique index (contract 11.2), so a re-send now could store a row twice: the caller
    leaves the rows queued for the next run instead.
    """


class HttpError(SyncError):
    """Central answered with an HTTP error and no envelope (e.g. 404: a wrong URL)."""

    def __init__(self, message: str, http_status: int) -> None:
        super().__init__(message)
        self.http_status = http_status


class RequestTooLarge(HttpError):
    """HTTP 413: central (or a proxy before it) refuses a request body this large."""


class AuthProblem(SyncError):
    """Central will not accept our credentials; the run stops and a person must act."""


class SessionExpired(AuthProblem):
    """Central says the session is over (envelope 5002, or HTTP 401): sign in again."""

    def __init__(self, message: str = SIGN_IN_AGAIN) -> None:
        super().__init__(message)


class AccessDenied(AuthProblem):
    """HTTP 403: signed in, but the account may not sync (it lacks the Data Sync role)."""


@dataclass(frozen=True)
class Envelope:
    """One parsed AMRIT answer."""

    status_code: int
    error_message: str
    status: str
    data: Any
    server_date: datetime | None = None  # from the HTTP Date header, aware (UTC)

    @property
    def ok(self) -> bool:
        return self.status_code == STATUS_SUCCESS

    def describe_error(self) -> str:
        """The server's own error text, or a generic sentence when it gave none."""
        text = (self.error_message or "").strip()
        if text and text.lower() != "success":
            return f"{text} (code {self.status_code})"
        return f"central answered with code {self.status_code}"


@dataclass(frozen=True)
class Timeouts:
    """Seconds to wait for a connection, and for each read of the answer."""

    connect: float = 15.0
    read: float = 180.0
    upload_read: float = 600.0  # an upload batch may take long on central (AMRIT's van: 600 s)


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long a transient fault is retried within one call."""

    attempts: int = 4  # tries in all, the first included
    base_delay: float = 0.5
    max_delay: float = 8.0
    budget: float = 90.0  # no new try starts after this many seconds of the call

    def delay(self, retry_number: int) -> float:
        """Exponential backoff with full jitter, so many vans do not retry in step."""
        ceiling = min(self.max_delay, self.base_delay * (2 ** (retry_number - 1)))
        return random.uniform(ceiling / 2, ceiling)


NO_RETRY = RetryPolicy(attempts=1)

_RETRY_HTTP = {429, 500, 502, 503, 504}
# Central (or its proxy) refused these before doing any work: safe to send again.
_NOT_PROCESSED_HTTP = {429, 503}


def _never_reached_server(exc: requests.RequestException) -> bool:
    """True when the request certainly did not reach central (safe to send again)."""
    if isinstance(exc, requests.ConnectTimeout):
        return True
    if not isinstance(exc, requests.ConnectionError):
        return False
    reason: Any = exc.args[0] if exc.args else None
    if isinstance(reason, urllib3.exceptions.MaxRetryError):
        reason = reason.reason
    return isinstance(
        reason, urllib3.exceptions.NewConnectionError | urllib3.exceptions.ConnectTimeoutError
    )


def parse_envelope(raw: bytes | str, server_date: datetime | None = None) -> Envelope:
    """Parse an AMRIT envelope from the body, as bytes or as already decoded text.

    Big answers (a master table of tens of megabytes) are parsed without copying the body
    again: no stripped, lower-cased or re-decoded copy lives beside the parsed rows.

    Raises:
        BadReply: empty body, not JSON, or JSON without an integer ``statusCode``.
    """
    if not raw or raw.isspace():
        raise BadReply("The central server sent an empty answer.")
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        body = json.loads(text, object_hook=_let_other_threads_run)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise BadReply("The central server sent an answer that is not valid JSON.") from exc
    if not isinstance(body, dict):
        raise BadReply("The central server sent an answer without the AMRIT envelope.")
    if _SURROGATE_ESCAPE.search(text):
        body = _without_lone_surrogates(body)
    code = body.get("statusCode")
    if isinstance(code, str) and code.strip().isdigit():
        code = int(code)
    if not isinstance(code, int) or isinstance(code, bool):
        raise BadReply("The central server's answer has no status code.")
    message = body.get("errorMessage")
    status = body.get("status")
    return Envelope(
        status_code=code,
        error_message=message if isinstance(message, str) else "",
        status=status if isinstance(status, str) else "",
        data=body.get("data"),
        server_date=server_date,
    )


def _let_other_threads_run(obj: dict[str, Any]) -> dict[str, Any]:
    """Hand each parsed JSON object back unchanged.

    ``json.loads`` is one C call: on a master answer of tens of megabytes it would hold the
    interpreter lock for a few hundred milliseconds and freeze the window. Because this hook
    is Python code, the interpreter can switch threads each time the parser calls it.
    """
    return obj


# A JSON escape of a UTF-16 surrogate ("\\ud83d"); only then can a lone one be in the body.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _without_lone_surrogates(body: dict[str, Any]) -> dict[str, Any]:
    """``body`` with each unpaired ``\\uD800``-``\\uDFFF`` escape turned into ``?``.

    JSON may carry them, but no UTF-8 text can: stored in the database or written to a
    log they would stop the run.
    """
    try:
        json.dumps(body, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(body, ensure_ascii=False).encode("utf-8", "replace")
        cleaned: dict[str, Any] = json.loads(text)
        return cleaned
    return body


_READ_CHUNK_BYTES = 1 << 16


def _read_body(response: requests.Response) -> bytes | str:
    """The answer's body as text, or the bytes that are not UTF-8 (parse_envelope refuses them).

    Decoded a piece at a time as it arrives: no copy of the bytes is kept beside the text of
    a big master answer, and no single long decoding call freezes the window's thread.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    pieces: list[str] = []
    try:
        chunks = response.iter_content(chunk_size=_READ_CHUNK_BYTES)
        try:
            for chunk in chunks:
                pieces.append(decoder.decode(chunk))
            pieces.append(decoder.decode(b"", final=True))
        except UnicodeDecodeError as exc:
            for _ in chunks:  # read to the end, so the connection can serve the next call
                pass
            return exc.object
    except BaseException:
        response.close()
        raise
    return "".join(pieces)


def _date_header(response: requests.Response) -> datetime | None:
    value = response.headers.get("Date")
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _site(url: str) -> str:
    """``scheme://host:port`` of ``url`` (no path, no query), for messages."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else url


def join_url(base: str, path: str) -> str:
    """``base`` (ending in ``/``) plus a relative ``path``."""
    return (base if base.endswith("/") else base + "/") + path


@dataclass
class AmritClient:
    """Calls to one central deployment over kept-alive ``requests.Session`` objects.

    The thread that made the client uses ``session``; any other thread (the upload's
    requests in flight) gets a session of its own with the same headers, because a
    ``requests.Session`` must not be shared by threads sending at the same time.

    Upload bodies are gzipped only for a server that said it accepts that: RFC 7694
    lets a server list ``Accept-Encoding: gzip`` in its responses for request bodies.
    A real AMRIT central does not, so it always gets plain JSON. A server that then
    refuses a gzipped body (HTTP 415, or an answer about the encoding) gets plain JSON
    for the rest of this client's life, starting with the same request again.

    Args:
        central_url: MMU-API base, e.g. ``http://host/mmuapi-v1.0/``.
        common_url: Common-API base, e.g. ``http://host/commonapi-v1.0/``.
        credentials: the session key and JWT, or None for the open login calls.
        compress_uploads: False never gzips (AMRIT's own van client never does).
    """

    central_url: str
    common_url: str
    credentials: Credentials | None = None
    timeouts: Timeouts = field(default_factory=Timeouts)
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    sleep: Callable[[float], None] = time.sleep
    session: requests.Session = field(default_factory=requests.Session)
    compress_uploads: bool = True
    # The newest HTTP Date header seen, with time.monotonic() when it came (clock check).
    server_clock: tuple[datetime, float] | None = field(default=None, init=False)
    # Sites (scheme://host:port) that advertised gzip request bodies, and that refused one.
    gzip_sites: set[str] = field(default_factory=set, init=False)
    plain_sites: set[str] = field(default_factory=set, init=False)
    _home_thread: int = field(default=0, init=False, repr=False)
    _local: threading.local = field(default_factory=threading.local, init=False, repr=False)
    _other_sessions: list[requests.Session] = field(default_factory=list, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def __post_init__(self) -> None:
        self._home_thread = threading.get_ident()
        self._prepare(self.session)
        self.session.headers.update(
            {"User-Agent": USER_AGENT, "Content-Type": CONTENT_TYPE, "Accept": "application/json"}
        )

    @staticmethod
    def _prepare(session: requests.Session) -> None:
        # Retries are ours (below), so they can tell a safe re-send from an unsafe one.
        adapter = HTTPAdapter(max_retries=0, pool_connections=2, pool_maxsize=4)
        session.mount("http://", adapter)
        session.mount("https://", adapter)

    def _session(self) -> requests.Session:
        """This thread's session: ``session`` on the client's own thread."""
        if threading.get_ident() == self._home_thread:
            return self.session
        mine: requests.Session | None = getattr(self._local, "session", None)
        if mine is None:
            mine = requests.Session()
            self._prepare(mine)
            mine.headers.clear()
            mine.headers.update(self.session.headers)  # e.g. "Connection: close"
            self._local.session = mine
            with self._lock:
                self._other_sessions.append(mine)
        return mine

    def close(self) -> None:
        self.session.close()
        with self._lock:
            others, self._other_sessions = self._other_sessions, []
        for other in others:
            other.close()

    def __enter__(self) -> AmritClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the calls ---------------------------------------------------------------

    def upload(self, body: Mapping[str, Any]) -> Envelope:
        """POST one table's batch to ``dataSync/van-to-server`` (contract 5)."""
        # Not idempotent while a request may still be running on central: its de-dup is
        # check-then-insert without a unique index (contract 11.2), so an overlapping
        # re-send can store rows twice. Only a call central certainly did not process
        # is tried again here; otherwise OutcomeUnknown and the next run re-sends.
        return self.post(
            join_url(self.central_url, UPLOAD_PATH),
            body,
            idempotent=False,
            read_timeout=self.timeouts.upload_read,
            compressible=self.compress_uploads,
        )

    def download_master(self, body: Mapping[str, Any]) -> Envelope:
        """POST one master table's request to ``dataSync/server-to-van`` (contract 8.2)."""
        return self.post(join_url(self.central_url, MASTER_DOWNLOAD_PATH), body, idempotent=True)

    def generate_ids(self, count: int, van_id: int) -> Envelope:
        """Ask Common-API for ``count`` new BenRegIDs for our van (contract 9)."""
        # Not idempotent: a re-send after central received the call would make a second
        # batch of IDs. Only a call that never reached central is tried again.
        body = {"benIDRequired": count, "vanID": van_id}
        return self.post(join_url(self.common_url, GENERATE_IDS_PATH), body, idempotent=False)

    # -- the machinery -----------------------------------------------------------

    def headers(self) -> dict[str, str]:
        """The per-call auth headers (contract 2.2 and 14): raw key, JWT when we have one."""
        if self.credentials is None:
            return {}
        # The raw session key, with no "Bearer " prefix: central looks it up in Redis.
        out = {"Authorization": self.credentials.key}
        if self.credentials.jwt:
            # HEAD centrals build the DATASYNC role from a JWT only (contract 2.3.3).
            out["Cookie"] = f"Jwttoken={self.credentials.jwt}"
            out["Jwttoken"] = self.credentials.jwt
        return out

    def post(
        self,
        url: str,
        body: Mapping[str, Any],
        *,
        idempotent: bool,
        auth: bool = True,
        session_expiry_is_error: bool = True,
        read_timeout: float | None = None,
        compressible: bool = False,
    ) -> Envelope:
        """POST ``body`` as JSON and return the parsed envelope.

        With ``compressible``, the body goes gzipped if this server advertised gzip
        request bodies and has not refused one (see the class docstring).

        Transient faults are retried with backoff and jitter, bounded by the retry
        policy's count and time budget; a call that is not idempotent is retried only
        when central certainly did not process it (no connection, or HTTP 503/429).

        Raises:
            SessionExpired: envelope 5002 (unless ``session_expiry_is_error`` is False)
                or HTTP 401.
            AccessDenied: HTTP 403.
            TransportError: no answer after the allowed tries.
            OutcomeUnknown: a call that is not idempotent may have been processed.
            RequestTooLarge: HTTP 413.
            HttpError: an HTTP error status without an envelope.
            BadReply: an answer that is not an envelope.
        """
        payload = json.dumps(body, ensure_ascii=False, allow_nan=False).encode("utf-8")
        headers = self.headers() if auth else {}
        name = url.rsplit("/", 1)[-1]
        started = time.monotonic()
        attempt = 0
        while True:
            attempt += 1
            send_gzip = compressible and self._gzip_for(url, len(payload))
            try:
                if send_gzip:
                    zipped = gzip.compress(payload, GZIP_LEVEL, mtime=0)
                    gzip_headers = {**headers, "Content-Encoding": "gzip"}
                    envelope = self._post_once(url, zipped, gzip_headers, read_timeout)
                    if _refuses_encoding(envelope):
                        raise _EncodingRefused(envelope.describe_error())
                else:
                    envelope = self._post_once(url, payload, headers, read_timeout)
            except _EncodingRefused as refused:
                # Central did not process a body it could not decode: safe to send plain.
                log.info("%s: gzip body refused (%s); plain JSON from now on", name, refused)
                with self._lock:
                    self.plain_sites.add(_site(url))
                attempt -= 1
                continue
            except _Retryable as fault:
                elapsed = time.monotonic() - started
                may_retry = idempotent or fault.never_reached
                out_of_tries = attempt >= self.retry.attempts
                delay = self.retry.delay(attempt)
                if not may_retry and fault.uncertain:
                    log.info("%s: %s; outcome unknown, not sent again now", name, fault.kind)
                    raise OutcomeUnknown(
                        f"{fault.final} Central may still have stored part of it, so it is "
                        "not sent again in this run."
                    ) from fault.__cause__
                if not may_retry or out_of_tries or elapsed + delay > self.retry.budget:
                    raise fault.final from fault.__cause__
                log.info("%s: %s, try %d again in %.1f s", name, fault.kind, attempt + 1, delay)
                self.sleep(delay)
                continue
            log.info(
                "%s: status %d after %.2f s (try %d)",
                name,
                envelope.status_code,
                time.monotonic() - started,
                attempt,
            )
            if envelope.status_code == STATUS_USERID_FAILURE and session_expiry_is_error:
                raise SessionExpired()
            return envelope

    def _post_once(
        self, url: str, payload: bytes, headers: dict[str, str], read_timeout: float | None
    ) -> Envelope:
        read = self.timeouts.read if read_timeout is None else read_timeout
        try:
            response = self._session().post(
                url,
                data=payload,
                headers=headers,
                timeout=(self.timeouts.connect, read),
                stream=True,
            )
            raw = _read_body(response)
        except requests.RequestException as exc:
            never = _never_reached_server(exc)
            final: SyncError
            if never:
                final = Unreachable(
                    f"Could not reach the central server at {_site(url)}: nothing was lost, "
                    "try again when connected (check the network and the URL)."
                )
            elif isinstance(exc, requests.Timeout):
                final = TransportError("The central server did not answer in time.")
            else:
                final = TransportError("The connection to the central server broke off.")
            raise _Retryable(type(exc).__name__, final, never, uncertain=not never) from exc

        server_date = _date_header(response)
        if server_date is not None:
            self.server_clock = (server_date, time.monotonic())
        self._note_encodings(url, response)
        if response.status_code == HTTP_UNSUPPORTED_MEDIA_TYPE and "Content-Encoding" in headers:
            raise _EncodingRefused("HTTP 415")
        try:
            envelope = parse_envelope(raw, server_date)
        except BadReply as bad:
            status = response.status_code
            if status == 401:
                raise SessionExpired() from bad
            if status == 403:
                raise AccessDenied(
                    "The central server refused this account (HTTP 403). It may lack the "
                    "Data Sync role; ask the AMRIT administrator."
                ) from bad
            if status == 413:
                raise RequestTooLarge(
                    "The central server refused a request this large (HTTP 413).", status
                ) from bad
            if status in _RETRY_HTTP:
                final = HttpError(f"The central server had a problem (HTTP {status}).", status)
                refused = status in _NOT_PROCESSED_HTTP
                raise _Retryable(f"HTTP {status}", final, refused, uncertain=not refused) from bad
            if status >= 400:
                raise HttpError(
                    f"The central server answered HTTP {status} for {url}. "
                    "Check the central URL settings.",
                    status,
                ) from bad
            raise _Retryable("bad reply", bad, False, uncertain=True) from None
        if envelope.status_code == STATUS_ENVIRONMENT:
            final_env = SyncError(f"The central server had a problem: {envelope.describe_error()}")
            raise _Retryable("central environment error", final_env, False, envelope)
        return envelope

    def _gzip_for(self, url: str, size: int) -> bool:
        """Whether a body of ``size`` bytes for ``url`` goes gzipped."""
        site = _site(url)
        with self._lock:
            offered = site in self.gzip_sites and site not in self.plain_sites
        return offered and size >= GZIP_MIN_BYTES

    def _note_encodings(self, url: str, response: requests.Response) -> None:
        """Remember a server that lists gzip in ``Accept-Encoding`` (RFC 7694)."""
        offered = response.headers.get("Accept-Encoding", "")
        codings = {part.split(";", 1)[0].strip().lower() for part in offered.split(",")}
        if "gzip" in codings:
            with self._lock:
                self.gzip_sites.add(_site(url))


def _refuses_encoding(envelope: Envelope) -> bool:
    """An error envelope saying central could not read a compressed body."""
    if envelope.ok:
        return False
    text = envelope.error_message.lower()
    return "encoding" in text or "gzip" in text


class _EncodingRefused(Exception):
    """Internal: central would not read a gzipped body (it did not process it)."""


class _Retryable(Exception):
    """Internal: a transient fault, with the error to raise if no retry is left."""

    def __init__(
        self,
        kind: str,
        final: SyncError,
        never_reached: bool,
        envelope: Envelope | None = None,
        *,
        uncertain: bool = False,
    ) -> None:
        super().__init__(kind)
        self.kind = kind
        self.final = final
        self.never_reached = never_reached  # central certainly did not process it
        self.uncertain = uncertain  # central may have processed it, or may still be
        self.envelope = envelope
