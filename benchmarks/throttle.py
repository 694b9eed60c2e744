"""A throttled link: a small TCP proxy on 127.0.0.1 with set bandwidth and latency.

Each direction is a separate link (full duplex) shared by every connection: a chunk
first waits its turn on the link (a token bucket refilled at the bandwidth, at most
``burst_bytes`` deep), then travels for half the round trip before it is delivered.
A new connection costs one extra round trip before its first byte is forwarded, as a
TCP handshake would. Payload bytes are counted each way, and connections are counted.

The proxy only listens on 127.0.0.1, accepts a bounded number of connections and
stops by itself after ``max_seconds``.
"""

from __future__ import annotations

import heapq
import socket
import threading
import time
from dataclasses import dataclass, field

LOOPBACK = "127.0.0.1"
CHUNK = 4096
IDLE_TIMEOUT = 120.0  # a connection silent this long is dropped


@dataclass(frozen=True)
class LinkProfile:
    """A link: bandwidth in bits per second each way, and the round trip in seconds."""

    name: str
    bits_per_second: float
    rtt: float

    @property
    def bytes_per_second(self) -> float:
        return self.bits_per_second / 8


PROFILES: dict[str, LinkProfile] = {
    "2G": LinkProfile("2G", 256_000, 0.600),
    "3G": LinkProfile("3G", 1_000_000, 0.300),
    "4G": LinkProfile("4G", 10_000_000, 0.050),
}


class TokenBucket:
    """One direction of the link: ``take(n)`` blocks until n bytes may pass."""

    def __init__(self, bytes_per_second: float, burst_bytes: int = CHUNK) -> None:
        self.rate = bytes_per_second
        self.burst = float(burst_bytes)
        self._tokens = float(burst_bytes)
        self._stamp = time.monotonic()
        self._lock = threading.Lock()

    def take(self, count: int) -> None:
        """Wait until ``count`` bytes of tokens are available, then spend them."""
        with self._lock:  # one sender at a time: the link is serial
            now = time.monotonic()
            self._tokens = min(self.burst, self._tokens + (now - self._stamp) * self.rate)
            self._stamp = now
            self._tokens -= count
            if self._tokens < 0:
                wait = -self._tokens / self.rate
                time.sleep(wait)
                self._stamp = time.monotonic()
                self._tokens = 0.0


@dataclass
class LinkCounters:
    """What crossed the link since the last ``reset``."""

    bytes_up: int = 0  # client -> server
    bytes_down: int = 0  # server -> client
    connections: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, up: int = 0, down: int = 0, connections: int = 0) -> None:
        with self.lock:
            self.bytes_up += up
            self.bytes_down += down
            self.connections += connections

    def snapshot(self) -> dict[str, int]:
        with self.lock:
            return {
                "bytes_up": self.bytes_up,
                "bytes_down": self.bytes_down,
                "connections": self.connections,
            }

    def reset(self) -> None:
        with self.lock:
            self.bytes_up = self.bytes_down = self.connections = 0


class _DelayLine:
    """Delivers chunks to a socket after a fixed one-way delay, in order."""

    def __init__(self, sink: socket.socket, delay: float, on_close: threading.Event) -> None:
        self.sink = sink
        self.delay = delay
        self.closed = on_close
        self._queue: list[tuple[float, int, bytes | None]] = []
        self._seq = 0
        self._cond = threading.Condition()
        self.thread = threading.Thread(target=self._run, daemon=True, name="throttle-delay")
        self.thread.start()

    def put(self, data: bytes | None) -> None:
        """Queue ``data`` (None = end of stream) for delivery after the delay."""
        with self._cond:
            self._seq += 1
            heapq.heappush(self._queue, (time.monotonic() + self.delay, self._seq, data))
            self._cond.notify()

    def _run(self) -> None:
        while not self.closed.is_set():
            with self._cond:
                while not self._queue and not self.closed.is_set():
                    self._cond.wait(timeout=1.0)
                if self.closed.is_set():
                    return
                due, _, data = self._queue[0]
                wait = due - time.monotonic()
                if wait > 0:
                    self._cond.wait(timeout=wait)
                    continue
                heapq.heappop(self._queue)
            try:
                if data is None:
                    self.sink.shutdown(socket.SHUT_WR)
                    return
                self.sink.sendall(data)
            except OSError:
                self.closed.set()
                return


class ThrottledProxy:
    """Forward 127.0.0.1:<port> to ``target`` through a throttled link.

    Args:
        target_port: the server's port on 127.0.0.1.
        profile: bandwidth and round trip.
        max_connections: accepted in all; later ones are refused.
        max_seconds: the proxy stops by itself after this long.
    """

    def __init__(
        self,
        target_port: int,
        profile: LinkProfile,
        *,
        max_connections: int = 20_000,
        max_seconds: float = 3600.0,
        burst_bytes: int = CHUNK,
    ) -> None:
        self.target = (LOOPBACK, target_port)
        self.profile = profile
        self.max_connections = max_connections
        self.deadline = time.monotonic() + max_seconds
        self.counters = LinkCounters()
        self.up = TokenBucket(profile.bytes_per_second, burst_bytes)
        self.down = TokenBucket(profile.bytes_per_second, burst_bytes)
        self._stopped = threading.Event()
        self._listener = socket.create_server((LOOPBACK, 0))
        self._listener.settimeout(0.2)
        self.port: int = self._listener.getsockname()[1]
        self._accepted = 0
        self._thread = threading.Thread(target=self._serve, daemon=True, name="throttle")
        self._thread.start()

    def url_for(self, url: str) -> str:
        """``url`` (on the target port) rewritten to go through this proxy."""
        return url.replace(f":{self.target[1]}/", f":{self.port}/")

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join(timeout=5)
        self._listener.close()

    def __enter__(self) -> ThrottledProxy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _serve(self) -> None:
        while not self._stopped.is_set() and time.monotonic() < self.deadline:
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                break
            if self._accepted >= self.max_connections:
                client.close()
                continue
            self._accepted += 1
            self.counters.add(connections=1)
            threading.Thread(
                target=self._connection, args=(client,), daemon=True, name="throttle-conn"
            ).start()
        self._stopped.set()

    def _connection(self, client: socket.socket) -> None:
        try:
            server = socket.create_connection(self.target, timeout=10)
        except OSError:
            client.close()
            return
        for sock in (client, server):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            sock.settimeout(1.0)
        closed = threading.Event()
        # The handshake's round trip: nothing is forwarded before it is over.
        time.sleep(self.profile.rtt)
        one_way = self.profile.rtt / 2
        to_server = _DelayLine(server, one_way, closed)
        to_client = _DelayLine(client, one_way, closed)
        pumps = [
            threading.Thread(
                target=self._pump, args=(client, to_server, self.up, True, closed), daemon=True
            ),
            threading.Thread(
                target=self._pump, args=(server, to_client, self.down, False, closed), daemon=True
            ),
        ]
        for pump in pumps:
            pump.start()
        for pump in pumps:
            pump.join(timeout=max(0.0, self.deadline - time.monotonic()) + 1)
        # Let the last chunks in the delay lines arrive before closing both ends.
        for line in (to_server, to_client):
            line.thread.join(timeout=self.profile.rtt + 5)
        closed.set()
        for sock in (client, server):
            sock.close()

    def _pump(
        self,
        source: socket.socket,
        line: _DelayLine,
        bucket: TokenBucket,
        upward: bool,
        closed: threading.Event,
    ) -> None:
        idle_since = time.monotonic()
        while not closed.is_set() and not self._stopped.is_set():
            if time.monotonic() > self.deadline:
                break
            try:
                data = source.recv(CHUNK)
            except TimeoutError:
                if time.monotonic() - idle_since > IDLE_TIMEOUT:
                    break
                continue
            except OSError:
                break
            idle_since = time.monotonic()
            if not data:
                break
            bucket.take(len(data))
            if upward:
                self.counters.add(up=len(data))
            else:
                self.counters.add(down=len(data))
            line.put(data)
        line.put(None)
