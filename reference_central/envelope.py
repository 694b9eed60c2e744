"""AMRIT's standard response envelope: ``{"data", "statusCode", "errorMessage", "status"}``.

Every answer travels as HTTP 200; the outcome is the inner ``statusCode``. Some AMRIT
endpoints serialise the envelope dropping null-valued keys (Gson's default), others
keep them; the caller chooses with ``keep_nulls``.
"""

from __future__ import annotations

import json
from enum import IntEnum
from typing import Any

from flask import Response

JSON_MIMETYPE = "application/json;charset=utf-8"


class StatusCode(IntEnum):
    """The envelope's inner status codes."""

    SUCCESS = 200
    GENERIC_FAILURE = 5000
    OBJECT_FAILURE = 5001
    USERID_FAILURE = 5002
    PASSWORD_FAILURE = 5003
    PREVILAGE_FAILURE = 5004
    CODE_EXCEPTION = 5005
    ENVIRONMENT_EXCEPTION = 5006
    PARSE_EXCEPTION = 5007


class CentralError(Exception):
    """A failure answered as an error envelope (HTTP 200, inner ``status_code``)."""

    def __init__(self, status_code: int, message: str) -> None:
        super().__init__(message)
        self.status_code = int(status_code)
        self.message = message


def shape_data(data: Any) -> Any:
    """Shape ``data`` as AMRIT's ``setResponse`` does: a string holding a JSON object or
    array becomes that JSON, any other string becomes ``{"response": text}``."""
    if not isinstance(data, str):
        return data
    try:
        parsed = json.loads(data)
    except ValueError:
        return {"response": data}
    return parsed if isinstance(parsed, dict | list) else {"response": data}


def drop_nulls(value: Any) -> Any:
    """Remove null-valued object keys at every depth; nulls inside arrays stay."""
    if isinstance(value, dict):
        return {k: drop_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [drop_nulls(v) for v in value]
    return value


def envelope_body(
    data: Any,
    *,
    status_code: int = StatusCode.SUCCESS,
    error_message: str = "Success",
    status: str = "Success",
    keep_nulls: bool = True,
) -> dict[str, Any]:
    """The envelope as a dict, keys in AMRIT's wire order."""
    body: dict[str, Any] = {
        "data": data,
        "statusCode": int(status_code),
        "errorMessage": error_message,
        "status": status,
    }
    return body if keep_nulls else drop_nulls(body)


def json_response(body: Any, *, http_status: int = 200) -> Response:
    """A compact JSON response with the given body."""
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    return Response(text, status=http_status, content_type=JSON_MIMETYPE)


def success(data: Any, *, keep_nulls: bool = True) -> Response:
    """A success envelope carrying ``data`` (shaped like ``setResponse``)."""
    return json_response(envelope_body(shape_data(data), keep_nulls=keep_nulls))


def failure(status_code: int, message: str, *, keep_nulls: bool = True) -> Response:
    """An error envelope: no data, ``errorMessage`` and ``status`` both carry the message."""
    body = envelope_body(
        None,
        status_code=status_code,
        error_message=message,
        status=message,
        keep_nulls=keep_nulls,
    )
    return json_response(body)
