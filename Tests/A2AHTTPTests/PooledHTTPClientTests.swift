import A2A
import A2AHTTP
import Foundation
import HexrTestSupport
import Synchronization
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

    /// Holds every run until `gathering` runs were in the handler at the same time (at most 10 s), and
    /// remembers how many overlapped at most.
    final class Gathering: AgentHandler, Sendable {
        let gathering: Int
        private let running = Mutex((now: 0, most: 0))

        init(gathering: Int) { self.gathering = gathering }

        var mostAtOnce: Int { running.withLock { $0.most } }

        func handle(_ task: TaskContext) async throws {
            running.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
            defer { running.withLock { $0.now -= 1 } }
            let deadline = ContinuousClock.now + .seconds(10)
            while mostAtOnce < gathering && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            try await task.complete()
        }
    }

    /// A burst of requests does not open a connection per request: connects are limited per origin, and
    /// a connection given back goes to a waiting request.
    @Test func aBurstReusesConnectionsInsteadOfOpeningOnePerRequest() async throws {
        try await withAgentServer { base, _ in
            let transport = PooledHTTPClient(maxConnectingPerOrigin: 1)
            let card = base.appending(path: ".well-known/agent-card.json")
            let statuses = try await withThrowingTaskGroup(of: Int.self, returning: [Int].self) { group in
                for _ in 0..<200 {
                    group.addTask {
                        let response = try await transport.execute(A2AClientRequest(method: "GET", url: card))
                        _ = try await response.collect(upTo: 1 << 20)
                        return response.status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.count == 200 && statuses.allSatisfy { $0 == 200 })
            // Without the limit every request of the burst finds no idle connection and opens its own
            // (checked: with `maxConnectingPerOrigin: 1000` this opens all 200).
            #expect(transport.openedConnections < 200, "opened \(transport.openedConnections) connections")
        }
    }

    /// The connect limit is not a cap on open connections: requests that hold their connection (here
    /// until 12 of them are in the handler at once) each get their own instead of queueing behind each other.
    @Test func longRequestsAreNotSerializedByTheConnectLimit() async throws {
        let handler = Gathering(gathering: 12)
        try await withAgentServer(handler: handler) { base, _ in
            let card = try await A2AClient.fetchCard(from: base, transport: PooledHTTPClient())
            let transport = PooledHTTPClient(maxConnectingPerOrigin: 1)
            let client = try A2AClient(card: card, transport: transport, bindings: [AgentInterface.Binding.jsonRPC])
            let started = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<12 {
                    group.addTask {
                        guard case .task(let task) = try await client.sendMessage(text: "request \(index)") else {
                            Issue.record("expected a task"); return
                        }
                        #expect(task.status.state == .completed)
                    }
                }
                try await group.waitForAll()
            }
            // Behind a cap of N connections, at most N would ever be in the handler at once (and each
            // would wait out the 10 s).
            #expect(handler.mostAtOnce == 12, "at most \(handler.mostAtOnce) of 12 at once, in \(ContinuousClock.now - started)")
            #expect(transport.openedConnections == 12)
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
