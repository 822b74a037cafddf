"""A minimal webhook receiver for the push-notification check of client_suite.py.

The a2a-sdk has no push receiver API, so this is a plain asyncio HTTP/1.1
server on 127.0.0.1 (ephemeral port) that records the headers and JSON body of
every POST and answers 200. It handles keep-alive connections and chunked
request bodies.
"""

from __future__ import annotations

import asyncio
import json

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast


CLOSE_TIMEOUT_SECONDS = 5.0


@dataclass
class Notification:
    """One POST the webhook received."""

    path: str  # request target, e.g. /webhook
    headers: dict[str, str]
    body: Any


class WebhookReceiver:
    """A minimal HTTP/1.1 server on 127.0.0.1 that records JSON POSTs."""

    def __init__(self) -> None:
        self.notifications: list[Notification] = []
        self.errors: list[str] = []
        self._changed = asyncio.Condition()
        self._server: asyncio.Server | None = None
        self._connections: dict[asyncio.Task[None], asyncio.StreamWriter] = {}
        self.url = ''  # set on entering the context

    async def __aenter__(self) -> WebhookReceiver:
        self._server = await asyncio.start_server(
            self._serve_connection, '127.0.0.1', 0
        )
        port = self._server.sockets[0].getsockname()[1]
        self.url = f'http://127.0.0.1:{port}/webhook'
        return self

    async def __aexit__(self, *_: object) -> None:
        if self._server is not None:
            self._server.close()
        # Closing a kept-alive connection makes its handler read EOF and end.
        for writer in self._connections.values():
            writer.close()
        if self._connections:
            await asyncio.wait(
                set(self._connections), timeout=CLOSE_TIMEOUT_SECONDS
            )
        if self._server is not None:
            await self._server.wait_closed()

    async def wait_for(
        self, predicate: Callable[[list[Notification]], bool], timeout: float
    ) -> bool:
        """Waits until `predicate(notifications)` holds; False on timeout."""
        try:
            async with asyncio.timeout(timeout):
                async with self._changed:
                    await self._changed.wait_for(
                        lambda: predicate(self.notifications)
                    )
        except TimeoutError:
            return False
        return True

    async def _serve_connection(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        # A connection handler always runs inside its own asyncio task.
        task = cast('asyncio.Task[None]', asyncio.current_task())
        self._connections[task] = writer
        try:
            while await self._serve_request(reader, writer):
                pass
        except (asyncio.IncompleteReadError, ConnectionError, ValueError) as e:
            self.errors.append(f'webhook connection error: {e!r}')
        finally:
            del self._connections[task]
            writer.close()

    async def _serve_request(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> bool:
        """Serves one request; False when the peer closed the connection."""
        request_line = await reader.readline()
        if not request_line:
            return False
        method, path, _ = request_line.decode('latin-1').split(' ', 2)
        headers: dict[str, str] = {}
        while (line := await reader.readline()) not in (b'\r\n', b'\n', b''):
            name, _, value = line.decode('latin-1').partition(':')
            headers[name.strip().lower()] = value.strip()
        body = await self._read_body(reader, headers)
        status = '200 OK'
        if method != 'POST':
            status = '405 Method Not Allowed'
            self.errors.append(f'webhook got {method} {path}')
        else:
            try:
                parsed = json.loads(body)
            except json.JSONDecodeError as e:
                parsed = None
                self.errors.append(f'webhook body is not JSON: {e}')
            async with self._changed:
                self.notifications.append(Notification(path, headers, parsed))
                self._changed.notify_all()
        writer.write(
            f'HTTP/1.1 {status}\r\ncontent-length: 0\r\n\r\n'.encode('latin-1')
        )
        await writer.drain()
        return headers.get('connection', '').lower() != 'close'

    @staticmethod
    async def _read_body(
        reader: asyncio.StreamReader, headers: dict[str, str]
    ) -> bytes:
        if headers.get('transfer-encoding', '').lower() == 'chunked':
            chunks = []
            while True:
                size = int((await reader.readline()).split(b';')[0], 16)
                chunk = await reader.readexactly(size + 2)
                if size == 0:
                    return b''.join(chunks)
                chunks.append(chunk[:-2])
        return await reader.readexactly(int(headers.get('content-length', '0')))
