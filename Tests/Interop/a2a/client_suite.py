"""Conformance-style A2A v1.0 client checks built on the official `a2a-sdk==1.3.0`.

It drives an agent with the shared "Interop Echo" behaviour (see
echo_server.py) through the SDK client (card resolver, ClientFactory and the
SDK's JSON-RPC or HTTP+JSON transport). Raw httpx is used only where the SDK
has no API: the webhook receiver is a plain asyncio HTTP server, and the
`version_header` check sends a request without the A2A-Version header, which
the SDK client always adds.

Usage::

    python client_suite.py --url BASE_URL --binding jsonrpc|rest \
        [--cafile ca.crt] [--certfile client.crt --keyfile client.key]

It prints one line per check, ``PASS <name>`` or ``FAIL <name>: <reason>``,
then ``N passed, M failed`` alone on the last line. The exit code is 0 iff
every check passed. Every check is bounded by a timeout and the whole run by
a time budget below 60 s.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import ssl
import sys
import time
import urllib.parse
import uuid

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from a2a.client import A2ACardResolver, Client, ClientConfig, ClientFactory
from a2a.types import (
    AgentCard,
    AgentInterface,
    AuthenticationInfo,
    CancelTaskRequest,
    DeleteTaskPushNotificationConfigRequest,
    GetTaskPushNotificationConfigRequest,
    GetTaskRequest,
    ListTaskPushNotificationConfigsRequest,
    ListTasksRequest,
    Message,
    Part,
    Role,
    SendMessageConfiguration,
    SendMessageRequest,
    StreamResponse,
    SubscribeToTaskRequest,
    Task,
    TaskNotCancelableError,
    TaskNotFoundError,
    TaskPushNotificationConfig,
    TaskState,
)
from a2a.utils.errors import A2AError
from webhook_receiver import Notification, WebhookReceiver


BINDINGS = {'jsonrpc': 'JSONRPC', 'rest': 'HTTP+JSON'}
SUITE_BUDGET_SECONDS = 55.0
CHECK_TIMEOUT_SECONDS = 15.0
HTTP_TIMEOUT_SECONDS = 10.0
NON_BLOCKING_LIMIT_SECONDS = 3.0
PUSH_WAIT_SECONDS = 10.0
STREAM_END_SECONDS = 5.0
LIST_PAGE_LIMIT = 10

S = TaskState


class CheckFailed(Exception):
    """A check's expectation did not hold; the message is the reason."""


def expect(condition: bool, reason: str) -> None:
    """Fails the running check with `reason` unless `condition` holds."""
    if not condition:
        raise CheckFailed(reason)


def state_name(state: int) -> str:
    return TaskState.Name(state)


def text_of(parts: Any) -> str:
    """Concatenated text of the text parts in `parts`."""
    return ''.join(p.text for p in parts if p.WhichOneof('content') == 'text')


def artifact_texts(task: Task) -> list[str]:
    return [text_of(a.parts) for a in task.artifacts]


def user_message(
    text: str, task_id: str | None = None, context_id: str | None = None
) -> Message:
    message = Message(
        role=Role.ROLE_USER,
        message_id=f'suite-{uuid.uuid4()}',
        parts=[Part(text=text)],
    )
    if task_id:
        message.task_id = task_id
    if context_id:
        message.context_id = context_id
    return message


def payload_kind(event: StreamResponse) -> str:
    return event.WhichOneof('payload') or 'empty'


def describe(event: StreamResponse) -> str:
    """A short description of a stream event for failure reasons."""
    kind = payload_kind(event)
    if kind == 'task':
        return f'task({state_name(event.task.status.state)})'
    if kind == 'status_update':
        return f'statusUpdate({state_name(event.status_update.status.state)})'
    if kind == 'artifact_update':
        return f'artifactUpdate({text_of(event.artifact_update.artifact.parts)!r})'
    return kind


@dataclass
class Peer:
    """The resolved agent and the SDK clients talking to it."""

    card: AgentCard
    interface: AgentInterface
    client: Client  # non-streaming: SendMessage, GetTask, ...
    streaming_client: Client  # SendStreamingMessage, SubscribeToTask


@dataclass
class Suite:
    """The checks plus the state they share (tasks created so far)."""

    base_url: str
    binding: str
    ssl_context: ssl.SSLContext | None
    http: httpx.AsyncClient
    requested_urls: list[str]  # filled by an httpx request hook
    created_task_ids: list[str] = field(default_factory=list)
    blocking_task_id: str | None = None
    _peer: Peer | None = None
    _peer_error: str | None = None

    # -- setup -------------------------------------------------------------

    async def peer(self) -> Peer:
        """Resolves the card and creates the SDK clients (once)."""
        if self._peer is not None:
            return self._peer
        if self._peer_error is not None:
            raise CheckFailed(self._peer_error)
        try:
            self._peer = await self._connect()
        except CheckFailed as e:
            self._peer_error = f'setup failed: {e}'
            raise CheckFailed(self._peer_error) from e
        except Exception as e:  # noqa: BLE001 - any failure is reported
            self._peer_error = f'setup failed: {type(e).__name__}: {e}'
            raise CheckFailed(self._peer_error) from e
        return self._peer

    async def _connect(self) -> Peer:
        card = await A2ACardResolver(self.http, self.base_url).get_agent_card()
        wanted = BINDINGS[self.binding]
        candidates = [
            i
            for i in card.supported_interfaces
            if i.protocol_binding == wanted
            and i.protocol_version.split('.')[:2] == ['1', '0']
        ]
        expect(
            bool(candidates),
            f'card has no {wanted} interface with protocolVersion 1.0',
        )

        def factory(streaming: bool) -> ClientFactory:
            return ClientFactory(
                ClientConfig(
                    httpx_client=self.http,
                    streaming=streaming,
                    supported_protocol_bindings=[wanted],
                    use_client_preference=True,
                )
            )

        return Peer(
            card=card,
            interface=candidates[0],
            client=factory(False).create(card),
            streaming_client=factory(True).create(card),
        )

    # -- helpers -----------------------------------------------------------

    async def send(
        self,
        message: Message,
        configuration: SendMessageConfiguration | None = None,
    ) -> StreamResponse:
        """Non-streaming SendMessage through the SDK; returns the one result."""
        peer = await self.peer()
        request = SendMessageRequest(message=message)
        if configuration is not None:
            request.configuration.CopyFrom(configuration)
        events = [e async for e in peer.client.send_message(request)]
        expect(len(events) == 1, f'SendMessage gave {len(events)} results')
        event = events[0]
        if payload_kind(event) == 'task':
            self.created_task_ids.append(event.task.id)
        return event

    async def send_task(
        self, text: str, *, return_immediately: bool = False, **ids: str
    ) -> Task:
        configuration = SendMessageConfiguration(
            return_immediately=return_immediately
        )
        event = await self.send(user_message(text, **ids), configuration)
        expect(
            payload_kind(event) == 'task',
            f'SendMessage {text!r} returned {describe(event)}, expected a task',
        )
        return event.task

    async def cancel(self, task_id: str) -> Task:
        peer = await self.peer()
        return await peer.client.cancel_task(CancelTaskRequest(id=task_id))

    async def completed_task_id(self) -> str:
        """The task of `send_blocking`, or a new completed one."""
        if self.blocking_task_id is None:
            task = await self.send_task('hello')
            expect(
                task.status.state == S.TASK_STATE_COMPLETED,
                f'hello task is {state_name(task.status.state)}',
            )
            self.blocking_task_id = task.id
        return self.blocking_task_id

    # -- checks --------------------------------------------------------------

    async def check_card(self) -> None:
        peer = await self.peer()
        card = peer.card
        expect(card.name == 'Interop Echo', f'card name is {card.name!r}')
        expect(card.capabilities.streaming, 'capabilities.streaming is not true')
        expect(
            card.capabilities.push_notifications,
            'capabilities.pushNotifications is not true',
        )
        # The SDK picks the interface; prove it uses the --binding one by
        # looking at the URL of a real call.
        self.requested_urls.clear()
        await peer.client.list_tasks(ListTasksRequest(page_size=1))
        expect(bool(self.requested_urls), 'the SDK client sent no request')
        used = self.requested_urls[-1]
        expect(
            used.startswith(peer.interface.url),
            f'client called {used}, not the {peer.interface.protocol_binding} '
            f'interface {peer.interface.url}',
        )

    async def check_send_blocking(self) -> None:
        message = user_message('hello')
        event = await self.send(message)
        expect(payload_kind(event) == 'task', f'got {describe(event)}')
        task = event.task
        expect(
            task.status.state == S.TASK_STATE_COMPLETED,
            f'state is {state_name(task.status.state)}',
        )
        expect(
            'echo: hello' in artifact_texts(task),
            f'artifacts are {artifact_texts(task)}',
        )
        expect(
            any(
                m.message_id == message.message_id and m.role == Role.ROLE_USER
                for m in task.history
            ),
            'history does not contain the user message',
        )
        self.blocking_task_id = task.id

    async def check_send_non_blocking(self) -> None:
        started = time.monotonic()
        task = await self.send_task('slow', return_immediately=True)
        elapsed = time.monotonic() - started
        expect(
            task.status.state in (S.TASK_STATE_SUBMITTED, S.TASK_STATE_WORKING),
            f'state is {state_name(task.status.state)}',
        )
        expect(
            elapsed < NON_BLOCKING_LIMIT_SECONDS,
            f'returnImmediately took {elapsed:.1f} s',
        )
        canceled = await self.cancel(task.id)
        expect(
            canceled.status.state == S.TASK_STATE_CANCELED,
            f'cancel gave {state_name(canceled.status.state)}',
        )

    async def check_send_direct_message(self) -> None:
        event = await self.send(user_message('reply'))
        expect(payload_kind(event) == 'message', f'got {describe(event)}')
        expect(
            event.message.role == Role.ROLE_AGENT,
            f'role is {Role.Name(event.message.role)}',
        )
        text = text_of(event.message.parts)
        expect(text == 'direct: reply', f'text is {text!r}')

    async def check_streaming(self) -> None:
        peer = await self.peer()
        request = SendMessageRequest(message=user_message('stream me'))
        events = [e async for e in peer.streaming_client.send_message(request)]
        kinds = [describe(e) for e in events]
        expected = [
            'task',
            'statusUpdate(TASK_STATE_WORKING)',
            "artifactUpdate('echo: stream me')",
            'statusUpdate(TASK_STATE_COMPLETED)',
        ]
        expect(bool(events), 'the stream had no events')
        expect(payload_kind(events[0]) == 'task', f'events are {kinds}')
        task_id = events[0].task.id
        self.created_task_ids.append(task_id)
        expect(['task', *kinds[1:]] == expected, f'events are {kinds}')
        ids = {
            e.status_update.task_id
            for e in events[1:]
            if payload_kind(e) == 'status_update'
        } | {
            e.artifact_update.task_id
            for e in events[1:]
            if payload_kind(e) == 'artifact_update'
        }
        expect(ids == {task_id}, f'events name tasks {ids}, expected {task_id}')
        artifact_event = events[2].artifact_update
        expect(
            artifact_event.artifact.name == 'reply',
            f'artifact name is {artifact_event.artifact.name!r}',
        )
        expect(artifact_event.last_chunk, 'artifactUpdate.lastChunk is not true')

    async def check_get_task(self) -> None:
        peer = await self.peer()
        task_id = await self.completed_task_id()
        task = await peer.client.get_task(GetTaskRequest(id=task_id))
        expect(task.id == task_id, f'GetTask returned id {task.id}')
        expect(
            task.status.state == S.TASK_STATE_COMPLETED,
            f'state is {state_name(task.status.state)}',
        )
        expect(
            'echo: hello' in artifact_texts(task),
            f'artifacts are {artifact_texts(task)}',
        )
        bare = await peer.client.get_task(
            GetTaskRequest(id=task_id, history_length=0)
        )
        expect(bare.id == task_id, f'GetTask(historyLength=0) id {bare.id}')
        expect(
            len(bare.history) == 0,
            f'historyLength=0 returned {len(bare.history)} history messages',
        )

    async def check_list_tasks(self) -> None:
        peer = await self.peer()
        while len(self.created_task_ids) < 2:
            await self.send_task('hello')
        listed: list[Task] = []
        token = ''
        for _ in range(LIST_PAGE_LIMIT):
            page = await peer.client.list_tasks(
                ListTasksRequest(page_size=100, page_token=token)
            )
            listed.extend(page.tasks)
            token = page.next_page_token
            if not token:
                break
        expect(not token, f'more than {LIST_PAGE_LIMIT} pages of tasks')
        listed_ids = [t.id for t in listed]
        missing = [i for i in self.created_task_ids if i not in listed_ids]
        expect(not missing, f'tasks missing from ListTasks: {missing}')
        stamps = [
            t.status.timestamp.ToNanoseconds()
            if t.status.HasField('timestamp')
            else 0
            for t in listed
        ]
        expect(
            stamps == sorted(stamps, reverse=True),
            'tasks are not sorted by status timestamp, newest first',
        )
        fresh = await self.send_task('hello')
        first = await peer.client.list_tasks(ListTasksRequest(page_size=1))
        expect(len(first.tasks) == 1, f'pageSize=1 gave {len(first.tasks)} tasks')
        expect(
            first.tasks[0].id == fresh.id,
            'the newest task is not listed first',
        )
        expect(bool(first.next_page_token), 'pageSize=1 gave no nextPageToken')
        second = await peer.client.list_tasks(
            ListTasksRequest(page_size=1, page_token=first.next_page_token)
        )
        expect(
            len(second.tasks) == 1, f'second page has {len(second.tasks)} tasks'
        )
        expect(
            second.tasks[0].id != first.tasks[0].id,
            'the second page repeats the first task',
        )

    async def check_cancel(self) -> None:
        peer = await self.peer()
        task = await self.send_task('slow', return_immediately=True)
        canceled = await self.cancel(task.id)
        expect(canceled.id == task.id, f'cancel returned task {canceled.id}')
        expect(
            canceled.status.state == S.TASK_STATE_CANCELED,
            f'cancel gave {state_name(canceled.status.state)}',
        )
        stored = await peer.client.get_task(GetTaskRequest(id=task.id))
        expect(
            stored.status.state == S.TASK_STATE_CANCELED,
            f'GetTask after cancel is {state_name(stored.status.state)}',
        )
        try:
            again = await self.cancel(task.id)
        except TaskNotCancelableError:
            return
        except A2AError as e:
            raise CheckFailed(
                f'second cancel raised {type(e).__name__}: {e}, '
                'expected TaskNotCancelableError (-32002)'
            ) from e
        raise CheckFailed(
            f'second cancel succeeded ({state_name(again.status.state)})'
        )

    async def check_get_unknown_task(self) -> None:
        peer = await self.peer()
        unknown = f'no-such-task-{uuid.uuid4()}'
        try:
            task = await peer.client.get_task(GetTaskRequest(id=unknown))
        except TaskNotFoundError:
            return
        except A2AError as e:
            raise CheckFailed(
                f'raised {type(e).__name__}: {e}, expected TaskNotFoundError'
            ) from e
        raise CheckFailed(f'GetTask of an unknown id returned task {task.id}')

    async def check_subscribe(self) -> None:
        peer = await self.peer()
        task = await self.send_task('slow', return_immediately=True)
        stream = peer.streaming_client.subscribe(SubscribeToTaskRequest(id=task.id))
        canceller: asyncio.Task[Task] | None = None
        try:
            first = await anext(stream, None)
            expect(first is not None, 'the subscription ended without events')
            expect(payload_kind(first) == 'task', f'first event is {describe(first)}')
            expect(first.task.id == task.id, f'first event is task {first.task.id}')
            expect(
                first.task.status.state
                in (S.TASK_STATE_SUBMITTED, S.TASK_STATE_WORKING),
                f'first event state is {state_name(first.task.status.state)}',
            )
            canceller = asyncio.create_task(self.cancel(task.id))
            rest: list[StreamResponse] = []
            try:
                async with asyncio.timeout(STREAM_END_SECONDS):
                    async for event in stream:
                        rest.append(event)
            except TimeoutError:
                raise CheckFailed(
                    f'the stream did not end within {STREAM_END_SECONDS:.0f} s '
                    f'of CancelTask; events: {[describe(e) for e in rest]}'
                ) from None
            canceled = await canceller
        finally:
            await stream.aclose()
            if canceller is not None and not canceller.done():
                canceller.cancel()
        states = [
            e.status_update.status.state
            if payload_kind(e) == 'status_update'
            else e.task.status.state
            for e in rest
            if payload_kind(e) in ('status_update', 'task')
        ]
        kinds = [describe(e) for e in rest]
        expect(
            S.TASK_STATE_CANCELED in states,
            f'the stream ended without CANCELED; events after the task: {kinds}',
        )
        expect(
            states[-1] == S.TASK_STATE_CANCELED,
            f'events after CANCELED: {kinds}',
        )
        expect(
            canceled.status.state == S.TASK_STATE_CANCELED,
            f'CancelTask gave {state_name(canceled.status.state)}',
        )

    async def check_multi_turn(self) -> None:
        first = await self.send_task('input')
        expect(
            first.status.state == S.TASK_STATE_INPUT_REQUIRED,
            f'state is {state_name(first.status.state)}',
        )
        prompt = text_of(first.status.message.parts)
        expect(prompt == 'what else?', f'status message is {prompt!r}')
        second = await self.send_task(
            'more', task_id=first.id, context_id=first.context_id
        )
        expect(second.id == first.id, f'follow-up answered task {second.id}')
        expect(
            second.context_id == first.context_id,
            f'follow-up contextId {second.context_id} != {first.context_id}',
        )
        expect(
            second.status.state == S.TASK_STATE_COMPLETED,
            f'follow-up state is {state_name(second.status.state)}',
        )
        expect(
            'echo: more' in artifact_texts(second),
            f'artifacts are {artifact_texts(second)}',
        )

    async def check_push_config(self) -> None:
        peer = await self.peer()
        async with WebhookReceiver() as hook:
            inline = TaskPushNotificationConfig(
                url=hook.url,
                token='tok-123',
                authentication=AuthenticationInfo(
                    scheme='Bearer', credentials='s3cr3t'
                ),
            )
            configuration = SendMessageConfiguration(
                return_immediately=True, task_push_notification_config=inline
            )
            event = await self.send(user_message('hello'), configuration)
            expect(payload_kind(event) == 'task', f'got {describe(event)}')
            task_id = event.task.id

            def completed(notifications: list[Notification]) -> bool:
                return any(
                    isinstance(n.body, dict)
                    and n.body.get('statusUpdate', {}).get('taskId') == task_id
                    and n.body['statusUpdate'].get('status', {}).get('state')
                    == 'TASK_STATE_COMPLETED'
                    for n in notifications
                )

            seen = await hook.wait_for(completed, PUSH_WAIT_SECONDS)
            expect(not hook.errors, f'webhook errors: {hook.errors}')
            expect(
                seen,
                f'no statusUpdate COMPLETED within {PUSH_WAIT_SECONDS:.0f} s '
                f'({len(hook.notifications)} POSTs)',
            )
            for n in hook.notifications:
                check_notification(n, task_id)
            await self._check_push_config_crud(peer.client, task_id, hook.url)

    @staticmethod
    async def _check_push_config_crud(
        client: Client, task_id: str, inline_url: str
    ) -> None:
        second_url = inline_url + '/cfg-2'
        created = await client.create_task_push_notification_config(
            TaskPushNotificationConfig(
                task_id=task_id, id='cfg-2', url=second_url, token='tok-2'
            )
        )
        expect(
            (created.id, created.task_id, created.url, created.token)
            == ('cfg-2', task_id, second_url, 'tok-2'),
            f'Create returned {created}',
        )
        fetched = await client.get_task_push_notification_config(
            GetTaskPushNotificationConfigRequest(task_id=task_id, id='cfg-2')
        )
        expect(
            (fetched.id, fetched.task_id, fetched.url, fetched.token)
            == ('cfg-2', task_id, second_url, 'tok-2'),
            f'Get returned {fetched}',
        )
        listed = await client.list_task_push_notification_configs(
            ListTaskPushNotificationConfigsRequest(task_id=task_id)
        )
        urls = sorted(c.url for c in listed.configs)
        expect(
            urls == sorted([inline_url, second_url]),
            f'List returned urls {urls}',
        )
        expect(
            all(c.task_id == task_id for c in listed.configs),
            'List returned configs of another task',
        )
        await client.delete_task_push_notification_config(
            DeleteTaskPushNotificationConfigRequest(task_id=task_id, id='cfg-2')
        )
        after = await client.list_task_push_notification_configs(
            ListTaskPushNotificationConfigsRequest(task_id=task_id)
        )
        remaining = [c.id for c in after.configs]
        expect('cfg-2' not in remaining, f'cfg-2 still listed: {remaining}')
        expect(
            [c.url for c in after.configs] == [inline_url],
            f'after Delete the configs are {list(after.configs)}',
        )
        try:
            gone = await client.get_task_push_notification_config(
                GetTaskPushNotificationConfigRequest(task_id=task_id, id='cfg-2')
            )
        except A2AError:
            return
        raise CheckFailed(f'Get of the deleted cfg-2 returned {gone}')

    async def check_version_header(self) -> None:
        # Raw httpx: the SDK client always sends A2A-Version, so a request
        # without it can only be built by hand.
        peer = await self.peer()
        message = {
            'messageId': f'suite-{uuid.uuid4()}',
            'role': 'ROLE_USER',
            'parts': [{'text': 'hello'}],
        }
        async with httpx.AsyncClient(
            verify=self.ssl_context or True, timeout=HTTP_TIMEOUT_SECONDS
        ) as raw:
            if self.binding == 'jsonrpc':
                response = await raw.post(
                    peer.interface.url,
                    json={
                        'jsonrpc': '2.0',
                        'id': 1,
                        'method': 'SendMessage',
                        'params': {'message': message},
                    },
                )
                body = parse_json(response)
                code = (body.get('error') or {}).get('code')
                expect(
                    code == -32009,
                    f'HTTP {response.status_code}, error code {code}, '
                    f'expected -32009: {response.text[:300]}',
                )
            else:
                response = await raw.post(
                    peer.interface.url.rstrip('/') + '/message:send',
                    json={'message': message},
                )
                body = parse_json(response)
                details = (body.get('error') or {}).get('details') or []
                reasons = [d.get('reason') for d in details if isinstance(d, dict)]
                expect(
                    response.status_code == 400
                    and 'VERSION_NOT_SUPPORTED' in reasons,
                    f'HTTP {response.status_code}, reasons {reasons}, expected '
                    f'400 VERSION_NOT_SUPPORTED: {response.text[:300]}',
                )


def check_notification(n: Notification, task_id: str) -> None:
    """One webhook POST: the configured URL and headers, one StreamResponse."""
    expect(n.path == '/webhook', f'POST went to {n.path}, not /webhook')
    token = n.headers.get('x-a2a-notification-token')
    expect(token == 'tok-123', f'POST had x-a2a-notification-token {token!r}')
    auth = n.headers.get('authorization')
    expect(auth == 'Bearer s3cr3t', f'POST had authorization {auth!r}')
    expect(isinstance(n.body, dict), f'POST body is {n.body!r}')
    kinds = [
        k for k in ('task', 'message', 'statusUpdate', 'artifactUpdate') if k in n.body
    ]
    expect(len(kinds) == 1, f'POST body is not one StreamResponse: {n.body}')
    payload = n.body[kinds[0]]
    named = payload.get('id') if kinds[0] == 'task' else payload.get('taskId')
    if kinds[0] != 'message':
        expect(named == task_id, f'POST names task {named}, expected {task_id}')


def parse_json(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError as e:
        raise CheckFailed(
            f'HTTP {response.status_code} body is not JSON: {response.text[:300]}'
        ) from e
    expect(isinstance(body, dict), f'body is not a JSON object: {body!r}')
    return body


CHECKS: list[tuple[str, Callable[[Suite], Awaitable[None]]]] = [
    ('card', Suite.check_card),
    ('send_blocking', Suite.check_send_blocking),
    ('send_non_blocking', Suite.check_send_non_blocking),
    ('send_direct_message', Suite.check_send_direct_message),
    ('streaming', Suite.check_streaming),
    ('get_task', Suite.check_get_task),
    ('list_tasks', Suite.check_list_tasks),
    ('cancel', Suite.check_cancel),
    ('get_unknown_task', Suite.check_get_unknown_task),
    ('subscribe', Suite.check_subscribe),
    ('multi_turn', Suite.check_multi_turn),
    ('push_config', Suite.check_push_config),
    ('version_header', Suite.check_version_header),
]


async def run_check(
    suite: Suite,
    check: Callable[[Suite], Awaitable[None]],
    deadline: float,
) -> str | None:
    """Runs one check; returns None on success or the failure reason."""
    budget = min(CHECK_TIMEOUT_SECONDS, deadline - time.monotonic())
    if budget <= 0:
        return 'suite time budget exhausted'
    try:
        async with asyncio.timeout(budget):
            await check(suite)
    except TimeoutError:
        return f'timed out after {budget:.1f} s'
    except CheckFailed as e:
        return str(e)
    except Exception as e:  # noqa: BLE001 - report any error as a failure
        return f'{type(e).__name__}: {e}'
    return None


def build_ssl_context(args: argparse.Namespace) -> ssl.SSLContext | None:
    """Our CA as trust anchor plus the client certificate (§12.4)."""
    if not (args.cafile or args.certfile):
        return None
    context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=args.cafile)
    if args.certfile:
        context.load_cert_chain(certfile=args.certfile, keyfile=args.keyfile)
    if args.server_spiffe_id:
        # An X.509-SVID names its workload in a URI SAN and has no DNS name: the chain is still
        # verified against --cafile, and the server's SPIFFE ID is checked by check_server_spiffe_id.
        context.check_hostname = False
    return context


def check_server_spiffe_id(url: str, context: ssl.SSLContext, expected: str) -> str | None:
    """Connects once and compares the server certificate's URI SAN with `expected`."""
    parsed = urllib.parse.urlsplit(url)
    host, port = parsed.hostname, parsed.port or 443
    with socket.create_connection((host, port), timeout=HTTP_TIMEOUT_SECONDS) as raw:
        with context.wrap_socket(raw, server_hostname=None) as tls:
            certificate = tls.getpeercert()
    uris = [value for kind, value in certificate.get('subjectAltName', ()) if kind == 'URI']
    if uris != [expected]:
        return f'server SPIFFE ID {uris} is not [{expected!r}]'
    return None


async def run(args: argparse.Namespace, ssl_context: ssl.SSLContext | None) -> int:
    deadline = time.monotonic() + SUITE_BUDGET_SECONDS
    requested_urls: list[str] = []

    async def record_request(request: httpx.Request) -> None:
        requested_urls.append(str(request.url))

    async with httpx.AsyncClient(
        verify=ssl_context or True,
        timeout=HTTP_TIMEOUT_SECONDS,
        event_hooks={'request': [record_request]},
    ) as http:
        suite = Suite(
            args.url.rstrip('/'), args.binding, ssl_context, http, requested_urls
        )
        passed = failed = 0
        for name, check in CHECKS:
            reason = await run_check(suite, check, deadline)
            if reason is None:
                passed += 1
                print(f'PASS {name}', flush=True)
            else:
                failed += 1
                print(f'FAIL {name}: {" ".join(reason.split())}', flush=True)
    print(f'{passed} passed, {failed} failed', flush=True)
    return 0 if failed == 0 else 1


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--url', required=True, help='agent base URL')
    parser.add_argument('--binding', required=True, choices=sorted(BINDINGS))
    parser.add_argument('--cafile', help='CA that signed the server certificate')
    parser.add_argument('--certfile', help='client certificate (PEM)')
    parser.add_argument('--keyfile', help='client private key (PEM)')
    parser.add_argument('--server-spiffe-id',
                        help='expected SPIFFE ID of the server (URI SAN); disables DNS hostname checks')
    args = parser.parse_args(argv)
    if bool(args.certfile) != bool(args.keyfile):
        parser.error('--certfile and --keyfile must be given together')
    if not args.url.startswith(('http://', 'https://')):
        parser.error(f'--url must be an http(s) URL, got {args.url!r}')
    return args


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    try:
        ssl_context = build_ssl_context(args)
    except (ssl.SSLError, OSError) as e:
        print(f'client_suite.py: error: cannot load TLS files: {e}', file=sys.stderr)
        return 2
    if args.server_spiffe_id:
        try:
            mismatch = check_server_spiffe_id(args.url, ssl_context, args.server_spiffe_id)
        except (ssl.SSLError, OSError) as e:
            mismatch = f'TLS connection failed: {e}'
        if mismatch:
            print(f'FAIL server_identity: {mismatch}', flush=True)
            print('0 passed, 1 failed', flush=True)
            return 1
        print('PASS server_identity', flush=True)
    return asyncio.run(run(args, ssl_context))


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
