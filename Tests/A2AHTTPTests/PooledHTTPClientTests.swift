import A2A
import A2AHTTP
import Foundation
import HexrTestSupport
import Testing

/// The pooled client's connection handling: reuse, abandoned bodies, response timeouts.
@Suite struct PooledHTTPClientTests {
    /// Sleeps 10 s on `slow`, answers at once otherwise.
    struct Sleepy: AgentHandler {
        func handle(_ task: TaskContext) async throws {
            if task.text == "slow" { try await Task.sleep(for: .seconds(10)) }
            try await task.complete()
        }
    }

    @Test func aResponseThatTakesTooLongTimesOutAndThePoolStaysUsable() async throws {
        try await withAgentServer(handler: Sleepy()) { base, _ in
            // The card comes through a client without a timeout (a loaded CI machine may be slow to
            // answer the first request); only the calls under test use the short one.
            let card = try await A2AClient.fetchCard(from: base, transport: PooledHTTPClient())
            let transport = PooledHTTPClient(responseTimeout: .seconds(1))
            let client = try A2AClient(card: card, transport: transport, bindings: [AgentInterface.Binding.jsonRPC])
            let started = ContinuousClock.now
            do {
                _ = try await client.sendMessage(text: "slow")
                Issue.record("a 10 s answer arrived within a 1 s timeout")
            } catch let error as PooledHTTPClientError {
                guard case .responseTimedOut = error else { Issue.record("unexpected \(error)"); return }
            }
            #expect(ContinuousClock.now - started < .seconds(6))
            guard case .task(let task) = try await client.sendMessage(text: "fast") else {
                Issue.record("expected a task"); return
            }
            #expect(task.status.state == .completed)
        }
    }

    @Test func keepAliveReusesOneConnection() async throws {
        try await withAgentServer { base, _ in
            let transport = PooledHTTPClient()
            let client = try await makeClient(base, binding: AgentInterface.Binding.httpJSON, transport: transport)
            for _ in 0..<10 { _ = try await client.sendMessage(text: "hi") }
            #expect(transport.openedConnections == 1)
        }
    }

    @Test func anAbandonedStreamClosesItsConnectionAndTheNextCallStillWorks() async throws {
        try await withAgentServer { base, _ in
            let transport = PooledHTTPClient()
            let client = try await makeClient(base, binding: AgentInterface.Binding.jsonRPC, transport: transport)
            let started = try await client.sendMessage(
                text: "slow", configuration: SendMessageConfiguration(returnImmediately: true))
            guard case .task(let slow) = started else { Issue.record("expected a task, got \(started)"); return }
            do {
                var events = try await client.subscribeToTask(id: slow.id).makeAsyncIterator()
                _ = try await events.next()  // read the snapshot, then drop the stream
            }
            let after = try await client.sendMessage(text: "after")
            guard case .task(let next) = after else { Issue.record("expected a task, got \(after)"); return }
            #expect(next.status.state == .completed)
        }
    }
}
