"""A polite HTTP client: one request at a time, a pause between requests, retries with backoff.

Every request carries a User-Agent naming the project (and a contact address where given). A
429 or 5xx answer, a time-out and a dropped connection are tried again after a pause that doubles
each time (with a little jitter), or after the server's ``Retry-After`` where it gives one (within
a cap). Other failures raise :class:`FetchError` with a one-line reason at once. A download is
read in chunks, bounded in size, and checked against its ``Content-Length`` (a cut-off transfer
is an error, not a short file).
"""

from __future__ import annotations

import email.utils
import json
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import requests

from .. import __version__

_OBJECT = re.compile(r"<[^>]*>:?\s*")  # urllib3's '<...HTTPSConnection object at 0x...>: '
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


class FetchError(Exception):
    """A request or file that failed for good: ``reason`` says why in one line; ``stage`` is where
    (``list``, ``download``, ``check``)."""

    def __init__(self, reason: str, status: int | None = None, stage: str = "download"):
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.stage = stage


def user_agent(contact: str = "") -> str:
    """The User-Agent of every request: the project, its version and, if given, a contact."""
    extra = f"; {contact}" if contact else ""
    return (f"sahel-analysis/{__version__} (research on Dutch Sahel missions; open-data client{extra}) "
            f"python-requests/{requests.__version__}")


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date); None if absent
    or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


@dataclass
class Politeness:
    """How gently to ask: the pause between requests, retries, backoff and time-outs (seconds)."""

    delay: float = 1.0
    retries: int = 5
    backoff: float = 2.0
    max_wait: float = 120.0
    timeout: float = 60.0
    max_bytes: int = 200_000_000


@dataclass
class Client:
    """The one HTTP client of a fetch run (a ``requests.Session`` with the rules above)."""

    politeness: Politeness = field(default_factory=Politeness)
    contact: str = ""
    sleep: Callable[[float], None] = time.sleep
    requests_made: int = 0
    _last: float = 0.0
    _session: requests.Session | None = None

    @property
    def session(self) -> requests.Session:
        if self._session is None:
            self._session = requests.Session()
            self._session.headers["User-Agent"] = user_agent(self.contact)
        return self._session

    def _pause(self) -> None:
        wait = self._last + self.politeness.delay - time.monotonic()
        if wait > 0:
            self.sleep(wait)
        self._last = time.monotonic()

    def _backoff(self, attempt: int, response: requests.Response | None) -> float:
        told = retry_after(response.headers.get("Retry-After")) if response is not None else None
        if told is None:
            told = self.politeness.backoff * (2 ** attempt) * (1 + random.random() / 4)
        return min(told, self.politeness.max_wait)

    def _get(self, url: str, params: dict | None, read: Callable[[requests.Response], object]) -> object:
        """GET ``url`` and ``read`` its answer, retrying what is worth retrying."""
        last = "no attempt made"
        for attempt in range(self.politeness.retries + 1):
            self._pause()
            self.requests_made += 1
            response = None
            try:
                response = self.session.get(url, params=params, timeout=self.politeness.timeout,
                                            stream=True)
                if response.status_code in RETRY_STATUS:
                    last = f"HTTP {response.status_code}"
                elif response.status_code != 200:
                    raise FetchError(f"HTTP {response.status_code} {response.reason or ''}".strip(),
                                     response.status_code)
                else:
                    return read(response)
            except (requests.ConnectionError, requests.Timeout) as exc:
                last = _connection_reason(exc)
            except _CutOff as exc:
                last = _short(exc)
            finally:
                if response is not None:
                    response.close()
            if attempt < self.politeness.retries:
                self.sleep(self._backoff(attempt, response))
        n = self.politeness.retries + 1
        raise FetchError(f"gave up after {n} attempt{'s' if n > 1 else ''} ({last})")

    def get_json(self, url: str, params: dict | None = None) -> dict:
        """The JSON object at ``url``; a page that is no JSON object raises FetchError at once."""
        def read(response: requests.Response) -> dict:
            body = self._body(response)
            try:
                page = json.loads(body)
            except (ValueError, UnicodeDecodeError) as exc:
                raise FetchError(f"malformed JSON page ({exc})") from None
            if not isinstance(page, dict):
                raise FetchError("malformed JSON page (not an object)")
            return page
        return self._get(url, params, read)  # type: ignore[return-value]

    def download(self, url: str) -> tuple[bytes, str]:
        """The body of ``url`` and its Content-Type, whole (checked against Content-Length)."""
        def read(response: requests.Response) -> tuple[bytes, str]:
            return self._body(response), response.headers.get("Content-Type", "")
        return self._get(url, None, read)  # type: ignore[return-value]

    def _body(self, response: requests.Response) -> bytes:
        limit = self.politeness.max_bytes
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise FetchError(f"file of {int(declared) / 1e6:.0f} MB is over the limit of {limit / 1e6:.0f} MB")
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_content(65536):
                size += len(chunk)
                if size > limit:
                    raise FetchError(f"file is over the limit of {limit / 1e6:.0f} MB")
                chunks.append(chunk)
        except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError) as exc:
            raise _CutOff(f"download cut off after {size} bytes ({_short(exc)})") from None
        if declared and declared.isdigit() and size != int(declared) and not response.headers.get(
                "Content-Encoding"):
            raise _CutOff(f"download cut off: {size} of {declared} bytes")
        return b"".join(chunks)

    def close(self) -> None:
        """Close the session's connections."""
        if self._session is not None:
            self._session.close()


class _CutOff(Exception):
    """A transfer that ended early: worth another try."""

    def __str__(self) -> str:
        return self.args[0] if self.args else "download cut off"


def _connection_reason(exc: requests.RequestException) -> str:
    """The root cause of a connection failure or time-out, without urllib3's object names."""
    inner = exc.args[0] if exc.args else None
    cause = getattr(inner, "reason", None) or inner or exc
    kind = "time-out" if isinstance(exc, requests.Timeout) else "cannot connect"
    text = _OBJECT.sub("", str(cause)).strip() or type(cause).__name__
    return f"{kind}: {_short(text)}"


def _short(exc: BaseException | str) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."
