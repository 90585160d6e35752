"""Serve the order service from a thread of this process: ``./run demo`` and the tests.

The socket is bound before the server thread starts, so ``.url`` is known at once and a port
in use fails here with OSError (``sync/demo_hub.py`` falls back to any free port).
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from types import TracebackType

import uvicorn
from fastapi import FastAPI
from sqlalchemy import Engine

from sync.hub.app import create_app
from sync.hub.auth import Clock, RateLimit
from sync.hub.db import open_hub_db

log = logging.getLogger(__name__)

START_TIMEOUT_S = 10.0
STOP_TIMEOUT_S = 5.0


class HubServer:
    """A running hub: ``.url``, ``.port``, ``.engine``; ``.stop()`` or use it with ``with``."""

    def __init__(
        self,
        server: uvicorn.Server,
        thread: threading.Thread,
        sock: socket.socket,
        engine: Engine,
        host: str,
    ) -> None:
        self._server, self._thread, self._socket = server, thread, sock
        self.engine, self.host = engine, host
        self.port = int(sock.getsockname()[1])
        self.url = f"http://[{host}]:{self.port}" if ":" in host else f"http://{host}:{self.port}"

    @classmethod
    def start(
        cls,
        database_url: str,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        claim_ttl_s: int = 300,
        clock: Clock | None = None,
        rate_limit: RateLimit | None = None,
    ) -> HubServer:
        """Migrate the database, bind ``host:port`` (0: any free port) and serve until stop()."""
        engine = open_hub_db(database_url)
        try:
            app = create_app(engine, claim_ttl_s=claim_ttl_s, clock=clock, rate_limit=rate_limit)
            return cls.serve(app, engine, host, port)
        except BaseException:
            engine.dispose()
            raise

    @classmethod
    def serve(
        cls, app: FastAPI, engine: Engine, host: str = "127.0.0.1", port: int = 0
    ) -> HubServer:
        """Serve an app already built (tests that add routes to it)."""
        sock = listening_socket(host, port)
        bound_port = int(sock.getsockname()[1])
        config = uvicorn.Config(
            app, log_level="warning", access_log=False, lifespan="off", timeout_graceful_shutdown=2
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(
            target=_run, args=(server, sock, engine), name=f"hub:{bound_port}", daemon=True
        )
        thread.start()
        deadline = time.monotonic() + START_TIMEOUT_S
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                server.should_exit = True
                sock.close()
                raise RuntimeError(f"the order service did not start on {host}:{bound_port}")
            time.sleep(0.005)
        return cls(server, thread, sock, engine, host)

    def stop(self, *, wait: bool = True) -> None:
        """Stop serving: requests in flight finish (bounded), then the server's thread closes
        the socket and the engine. ``wait=False`` returns at once (uvicorn takes 0.1-0.2 s
        to wind down; tests that start a hub each do not wait for it)."""
        self._server.should_exit = True
        if not wait:
            return
        self._thread.join(STOP_TIMEOUT_S)
        if self._thread.is_alive():
            self._server.force_exit = True
            self._thread.join(STOP_TIMEOUT_S)
        if self._thread.is_alive():
            log.warning("the order service on %s did not stop in time", self.url)

    def __enter__(self) -> HubServer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def _run(server: uvicorn.Server, sock: socket.socket, engine: Engine) -> None:
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
        engine.dispose()


def listening_socket(host: str, port: int) -> socket.socket:
    """A listening TCP socket for uvicorn on ``host:port`` (0: any free port).

    IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY only on sockets that say they are TCP,
    and without it every answer on a kept-alive connection waited 40 ms for a delayed ACK.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    return sock
