import A2A
import A2AHTTP
import Foundation
import HexrTestSupport
import ServiceLifecycle
import Synchronization
import Testing

/// The lifetime of `text/event-stream` responses: keep-alive comments while a task is idle, and a
/// clean end when the server shuts down, so that a subscription to a task that will not end soon
/// (here: `input-required`) holds neither a dead connection nor the shutdown.
@Suite struct EventStreamLifetimeTests {
    private static let keepAlive = Duration.milliseconds(100)

    /// Runs an echo agent with a short keep-alive; `body` gets the base URL and the service group.
    private func withServer(_ body: (URL, ServiceGroup) async throws -> Void) async throws {
        let service = A2AService(configuration: A2AServiceConfiguration(card: EchoAgent.card(baseURL: URL(string: "http://127.0.0.1:1")!)),
                                 handler: EchoAgent(), store: InMemoryTaskStore(), logger: quietLogger)
        let (urls, sink) = AsyncStream.makeStream(of: URL.self)
        let server = A2AAgentServer(service: service, sseKeepAlive: Self.keepAlive,
                                    makeCard: { EchoAgent.card(baseURL: $0) }, onListening: { sink.yield($0) },
                                    logger: quietLogger)
        try await withServiceGroup([server]) { group in
            var iterator = urls.makeAsyncIterator()
            let url = try #require(await iterator.next())
            try await body(url, group)
        }
    }

    /// An `input-required` task, and an open SubscribeToTask stream on it (raw, so comments are visible).
    private func subscribeToWaitingTask(_ base: URL, transport: PooledHTTPClient) async throws -> A2AClientResponse {
        let client = try await makeClient(base, binding: AgentInterface.Binding.jsonRPC, transport: transport)
        guard case .task(let task) = try await client.sendMessage(text: "input") else {
            Issue.record("expected a task")
            throw CancellationError()
        }
        #expect(task.status.state == .inputRequired)
        let response = try await transport.execute(A2AClientRequest(
            method: "POST", url: base.appending(path: "a2a/jsonrpc"), headers: v1Headers,
            body: rpcBody(method: "SubscribeToTask", params: #"{"id":"\#(task.id)"}"#)))
        #expect(response.status == 200)
        #expect(response.isEventStream)
        return response
    }

    /// A subscription with nothing to report still gets `: ping` comments (a gone client is noticed at
    /// the next one); the task snapshot comes first.
    @Test func anIdleStreamGetsKeepAliveComments() async throws {
        try await withServer { base, _ in
            let transport = PooledHTTPClient()
            let response = try await subscribeToWaitingTask(base, transport: transport)
            var text = ""
            let deadline = ContinuousClock.now + .seconds(5)
            for try await chunk in response.body {
                text += String(decoding: chunk, as: UTF8.self)
                if text.components(separatedBy: ": ping\n\n").count > 3 || ContinuousClock.now > deadline { break }
            }
            // Under load a ping may come before the snapshot; both must be there.
            #expect(text.contains("data: {"), "the task snapshot: \(text.prefix(200))")
            #expect(text.components(separatedBy: ": ping\n\n").count > 3, "at least three pings: \(text.suffix(200))")
        }
    }

    /// Graceful shutdown ends an open stream on a task that is waiting for input, at once and cleanly:
    /// the client sees the end of the response (no error), and the server does not wait for the task.
    @Test func gracefulShutdownEndsOpenStreams() async throws {
        try await withServer { base, group in
            let transport = PooledHTTPClient()
            let response = try await subscribeToWaitingTask(base, transport: transport)
            var iterator = response.body.makeAsyncIterator()
            // The stream is live once the snapshot arrived (pings may come first under load).
            var received = ""
            while !received.contains("data: {") {
                let chunk = try #require(try await iterator.next(), "the stream ended before the snapshot")
                received += String(decoding: chunk, as: UTF8.self)
            }
            let started = ContinuousClock.now
            await group.triggerGracefulShutdown()
            var ended = false
            while ContinuousClock.now - started < .seconds(5) {
                guard try await iterator.next() != nil else {
                    ended = true
                    break
                }
            }
            #expect(ended, "the stream must end when the server shuts down")
            #expect(ContinuousClock.now - started < .seconds(3), "ended after \(ContinuousClock.now - started)")
        }
    }
}
