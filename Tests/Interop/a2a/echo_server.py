"""Interop echo agent built on the official `a2a-sdk==1.3.0` server.

It is the Python peer for Hexr's Swift A2A client tests and implements the
shared "Interop Echo" behaviour (the Swift test agent implements the same):

* ``input``  -> INPUT_REQUIRED with the agent status message ``what else?``;
  a follow-up on that task (``message.taskId`` set) with text T -> artifact
  ``reply`` = ``echo: T``, then COMPLETED.
* ``slow``   -> WORKING (``working...``), waits up to 30 s (CancelTask ends it
  promptly with CANCELED), then artifact ``echo: slow`` and COMPLETED.
* ``reply``  -> a direct Message (no task) with text ``direct: reply``.
* ``fail``   -> FAILED with the status message ``failed on purpose``.
* any other text T -> WORKING (``working...``), artifact ``reply`` with one
  text part ``echo: T`` (lastChunk true), COMPLETED.

Usage::

    python echo_server.py --host 127.0.0.1 --port 0 \
        [--certfile server.crt --keyfile server.key --cafile ca.crt]

With ``--port 0`` a free port is chosen. Once the server accepts connections it
prints exactly one line ``READY http://HOST:PORT`` (``https`` with the TLS flags)
to stdout. All logs go to stderr. SIGTERM or SIGINT stops it with exit code 0.
The three TLS flags go together and make the server require a client
certificate signed by ``--cafile`` (mutual TLS).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import socket
import ssl
import sys
import uuid

from collections.abc import AsyncIterator, Iterator

import httpx
import uvicorn

from starlette.applications import Starlette

from a2a.server.agent_execution import AgentExecutor, RequestContext
from a2a.server.events import EventQueue
from a2a.server.request_handlers import DefaultRequestHandler
from a2a.server.routes import (
    create_agent_card_routes,
    create_jsonrpc_routes,
    create_rest_routes,
)
from a2a.server.tasks import (
    BasePushNotificationSender,
    InMemoryPushNotificationConfigStore,
    InMemoryTaskStore,
    TaskUpdater,
)
from a2a.types import (
    AgentCapabilities,
    AgentCard,
    AgentInterface,
    AgentSkill,
    Message,
    Part,
    Role,
    Task,
    TaskState,
    TaskStatus,
)


LOG = logging.getLogger('echo_server')

JSONRPC_PATH = '/a2a/jsonrpc'
REST_PATH = '/a2a/rest'
SLOW_SECONDS = 30.0
SHUTDOWN_GRACE_SECONDS = 3


class EchoExecutor(AgentExecutor):
    """Implements the shared Interop Echo behaviour."""

    async def execute(
        self, context: RequestContext, event_queue: EventQueue
    ) -> None:
        """Handles one user message."""
        text = context.get_user_input()
        task = context.current_task
        if task is not None:
            # Follow-up on an existing task. The stored task's contextId is
            # authoritative (Spec §3.4.3; avoids SDK quirk §12.5/5).
            updater = TaskUpdater(event_queue, task.id, task.context_id)
            await self._finish_with_echo(updater, text)
            return

        if text == 'reply':
            await event_queue.enqueue_event(
                Message(
                    role=Role.ROLE_AGENT,
                    message_id=str(uuid.uuid4()),
                    context_id=context.context_id,
                    parts=[Part(text='direct: reply')],
                )
            )
            return

        await event_queue.enqueue_event(
            Task(
                id=context.task_id,
                context_id=context.context_id,
                status=TaskStatus(state=TaskState.TASK_STATE_SUBMITTED),
                history=[context.message],
            )
        )
        updater = TaskUpdater(event_queue, context.task_id, context.context_id)
        if text == 'input':
            await updater.requires_input(
                updater.new_agent_message([Part(text='what else?')])
            )
        elif text == 'fail':
            await updater.failed(
                updater.new_agent_message([Part(text='failed on purpose')])
            )
        else:
            await updater.start_work(
                updater.new_agent_message([Part(text='working...')])
            )
            if text == 'slow':
                # CancelTask cancels the SDK's producer task, which
                # interrupts this sleep right after cancel() has enqueued
                # CANCELED.
                await asyncio.sleep(SLOW_SECONDS)
            await self._finish_with_echo(updater, text)

    async def cancel(
        self, context: RequestContext, event_queue: EventQueue
    ) -> None:
        """Moves the task to CANCELED; the SDK then stops `execute`."""
        task = context.current_task
        context_id = task.context_id if task is not None else context.context_id
        await TaskUpdater(event_queue, context.task_id, context_id).cancel()

    @staticmethod
    async def _finish_with_echo(updater: TaskUpdater, text: str) -> None:
        await updater.add_artifact(
            [Part(text=f'echo: {text}')], name='reply', last_chunk=True
        )
        await updater.complete()


def build_card(base_url: str) -> AgentCard:
    """The Interop Echo agent card for an agent served at `base_url`."""
    return AgentCard(
        name='Interop Echo',
        description='Echo agent used by the Hexr interop tests',
        version='1.0.0',
        supported_interfaces=[
            AgentInterface(
                url=base_url + JSONRPC_PATH,
                protocol_binding='JSONRPC',
                protocol_version='1.0',
            ),
            AgentInterface(
                url=base_url + REST_PATH,
                protocol_binding='HTTP+JSON',
                protocol_version='1.0',
            ),
        ],
        capabilities=AgentCapabilities(
            streaming=True, push_notifications=True
        ),
        default_input_modes=['text/plain'],
        default_output_modes=['text/plain'],
        skills=[
            AgentSkill(
                id='echo', name='Echo', description='Echo back', tags=['echo']
            )
        ],
    )


def build_app(base_url: str) -> Starlette:
    """The Starlette app: agent card, JSON-RPC and REST routes, push enabled."""
    card = build_card(base_url)
    push_http = httpx.AsyncClient(timeout=10)
    push_store = InMemoryPushNotificationConfigStore()
    handler = DefaultRequestHandler(
        agent_executor=EchoExecutor(),
        task_store=InMemoryTaskStore(),
        agent_card=card,
        push_config_store=push_store,
        push_sender=BasePushNotificationSender(push_http, push_store),
    )

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            await handler.aclose()
            await push_http.aclose()

    routes = (
        create_agent_card_routes(card)
        + create_jsonrpc_routes(handler, rpc_url=JSONRPC_PATH)
        + create_rest_routes(handler, path_prefix=REST_PATH)
    )
    return Starlette(routes=routes, lifespan=lifespan)


class ReadyServer(uvicorn.Server):
    """A uvicorn server that announces readiness and exits 0 on a signal.

    uvicorn re-raises a captured SIGTERM after its graceful shutdown, which
    would end the process with status 143. This subclass routes the signals
    to `handle_exit` (which sse-starlette hooks to close open SSE streams)
    and does not re-raise them.
    """

    def __init__(self, config: uvicorn.Config, ready_url: str) -> None:
        super().__init__(config)
        self._ready_url = ready_url

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        loop = asyncio.get_running_loop()
        handled = (signal.SIGINT, signal.SIGTERM)
        for sig in handled:
            loop.add_signal_handler(sig, self.handle_exit, sig, None)
        try:
            yield
        finally:
            for sig in handled:
                loop.remove_signal_handler(sig)

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started and not self.should_exit:
            print(f'READY {self._ready_url}', flush=True)


def bind_socket(host: str, port: int) -> socket.socket:
    """Binds a listening TCP socket; port 0 picks a free port.

    The protocol is named (IPPROTO_TCP) so that asyncio sets TCP_NODELAY on every accepted
    connection, as it does when uvicorn binds by host and port: with protocol 0 it does not,
    and each keep-alive response then waits ~40 ms for a delayed ACK (Nagle).
    """
    family = socket.AF_INET6 if ':' in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    return sock


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--host', default='127.0.0.1')
    parser.add_argument('--port', type=int, default=0)
    parser.add_argument('--certfile', help='server certificate (PEM)')
    parser.add_argument('--keyfile', help='server private key (PEM)')
    parser.add_argument(
        '--cafile', help='CA that must have signed client certificates (PEM)'
    )
    args = parser.parse_args(argv)
    tls = [args.certfile, args.keyfile, args.cafile]
    if any(tls) and not all(tls):
        parser.error('--certfile, --keyfile and --cafile must be given together')
    if not 0 <= args.port <= 65535:
        parser.error(f'--port must be in 0...65535, got {args.port}')
    return args


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    logging.basicConfig(
        stream=sys.stderr,
        level=logging.INFO,
        format='%(asctime)s %(levelname)s %(name)s: %(message)s',
    )
    try:
        sock = bind_socket(args.host, args.port)
    except OSError as error:
        LOG.error('cannot bind %s:%d: %s', args.host, args.port, error)
        return 1
    port = sock.getsockname()[1]
    use_tls = args.certfile is not None
    host = f'[{args.host}]' if ':' in args.host else args.host
    base_url = f'{"https" if use_tls else "http"}://{host}:{port}'

    tls_options = (
        {
            'ssl_certfile': args.certfile,
            'ssl_keyfile': args.keyfile,
            'ssl_ca_certs': args.cafile,
            'ssl_cert_reqs': ssl.CERT_REQUIRED,
        }
        if use_tls
        else {}
    )
    config = uvicorn.Config(
        build_app(base_url),
        log_config=None,
        lifespan='on',
        timeout_graceful_shutdown=SHUTDOWN_GRACE_SECONDS,
        **tls_options,
    )
    server = ReadyServer(config, base_url)
    try:
        asyncio.run(server.serve(sockets=[sock]))
    finally:
        sock.close()
    return 0 if server.started else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
