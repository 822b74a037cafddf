import A2A
import Foundation
import Synchronization
import Testing

/// The task engine through `A2AService`, without any transport.
@Suite struct EngineTests {
    /// Runs `service` for the duration of `body`.
    private func withService<T: Sendable>(
        _ handler: @escaping @Sendable (TaskContext) async throws -> Void,
        streaming: Bool = true,
        _ body: @Sendable (A2AService) async throws -> T
    ) async throws -> T {
        let card = AgentCard.minimal(streaming: streaming)
        let service = A2AService(configuration: A2AServiceConfiguration(card: card),
                                 handler: ClosureAgentHandler(handler))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await service.run() }
            defer { group.cancelAll() }
            return try await body(service)
        }
    }

    private func send(_ service: A2AService, _ text: String, taskID: String? = nil,
                      returnImmediately: Bool = false) async throws(A2AError) -> SendMessageResponse {
        var request = SendMessageRequest(tenant: nil, message: .user(text, taskID: taskID), configuration: nil,
                                         metadata: nil)
        if returnImmediately { request.configuration = SendMessageConfiguration(returnImmediately: true) }
        return try await service.sendMessage(request, context: A2ACallContext())
    }

    @Test func handlerThatReturnsCompletesTheTask() async throws {
        try await withService({ _ in }) { service in
            guard case .task(let task) = try await send(service, "hi") else { Issue.record("no task"); return }
            #expect(task.status.state == .completed)
            #expect(task.history.count == 1 && task.history[0].taskId == task.id)
        }
    }

    @Test func handlerThatThrowsFailsTheTaskWithItsMessage() async throws {
        struct Boom: Error, CustomStringConvertible { var description: String { "boom" } }
        try await withService({ _ in throw Boom() }) { service in
            guard case .task(let task) = try await send(service, "hi") else { Issue.record("no task"); return }
            #expect(task.status.state == .failed)
            #expect(task.status.message?.parts.first?.content == .text("boom"))
        }
    }

    @Test func updatesAfterATerminalStateAreRefused() async throws {
        let refused = RefusalBox()
        try await withService({ task in
            try await task.complete("done")
            do {
                try await task.working("again")
            } catch let error as A2AError {
                refused.record(error)
            }
        }) { service in
            guard case .task(let task) = try await send(service, "hi") else { Issue.record("no task"); return }
            #expect(task.status.state == .completed)
            #expect(refused.errors.first?.code == A2AError.invalidAgentResponse("").code)
        }
    }

    @Test func messageToTerminalTaskIsUnsupported() async throws {
        try await withService({ _ in }) { service in
            guard case .task(let task) = try await send(service, "hi") else { Issue.record("no task"); return }
            await #expect(throws: A2AError.self) { _ = try await send(service, "more", taskID: task.id) }
            do {
                _ = try await send(service, "more", taskID: task.id)
            } catch let error as A2AError {
                #expect(error.code == -32004)
            }
        }
    }

    @Test func messageToUnknownTaskIsNotFound() async throws {
        try await withService({ _ in }) { service in
            do {
                _ = try await send(service, "more", taskID: "missing")
                Issue.record("accepted a message for a task that does not exist")
            } catch let error as A2AError {
                #expect(error.code == -32001)
            }
        }
    }

    @Test func mismatchedContextIsRejected() async throws {
        try await withService({ task in
            if !task.isContinuation { try await task.requireInput("more?") }
        }) { service in
            guard case .task(let task) = try await send(service, "hi") else { Issue.record("no task"); return }
            var message = Message.user("follow-up", taskID: task.id)
            message.contextId = "another-context"
            do {
                _ = try await service.sendMessage(
                    SendMessageRequest(tenant: nil, message: message, configuration: nil, metadata: nil),
                    context: A2ACallContext())
                Issue.record("accepted a mismatched context id")
            } catch let error as A2AError {
                #expect(error.code == -32602)
            }
        }
    }

    @Test func aFollowUpRightAfterInputRequiredWaitsForTheRunToEnd() async throws {
        try await withService({ task in
            if task.isContinuation {
                try await task.addArtifact(parts: [.text("got \(task.text)")])
                return
            }
            try await task.requireInput("more?")
            try await Task.sleep(for: .milliseconds(300))  // still returning after asking
        }) { service in
            guard case .task(let task) = try await send(service, "hi") else { Issue.record("no task"); return }
            #expect(task.status.state == .inputRequired)
            guard case .task(let done) = try await send(service, "more", taskID: task.id) else {
                Issue.record("no task"); return
            }
            #expect(done.status.state == .completed)
            #expect(done.artifacts.last?.parts.first?.content == .text("got more"))
        }
    }

    @Test func returnImmediatelyAnswersBeforeTheHandlerFinishes() async throws {
        try await withService({ task in
            try await task.working()
            try await Task.sleep(for: .seconds(30))
        }) { service in
            let started = ContinuousClock.now
            guard case .task(let task) = try await send(service, "slow", returnImmediately: true) else {
                Issue.record("no task"); return
            }
            #expect(ContinuousClock.now - started < .seconds(5))
            #expect(task.status.state == .submitted)
            let canceled = try await service.cancelTask(CancelTaskRequest(tenant: nil, id: task.id, metadata: nil),
                                                        context: A2ACallContext())
            #expect(canceled.status.state == .canceled)
        }
    }

    @Test func chunkedArtifactsAppend() async throws {
        try await withService({ task in
            let first = Artifact(artifactId: "a", name: nil, description: nil, parts: [.text("one ")], metadata: nil,
                                 extensions: [])
            try await task.addArtifact(first)
            var second = first
            second.parts = [.text("two")]
            try await task.addArtifact(second, append: true, lastChunk: true)
        }) { service in
            guard case .task(let task) = try await send(service, "hi") else { Issue.record("no task"); return }
            #expect(task.artifacts.count == 1)
            #expect(task.artifacts[0].parts.map(\.content) == [.text("one "), .text("two")])
        }
    }

    @Test func streamingIsRefusedWhenTheCardDoesNotOfferIt() async throws {
        try await withService({ _ in }, streaming: false) { service in
            do {
                _ = try await service.sendStreamingMessage(
                    SendMessageRequest(tenant: nil, message: .user("hi"), configuration: nil, metadata: nil),
                    context: A2ACallContext())
                Issue.record("streamed without the capability")
            } catch let error as A2AError {
                #expect(error.code == -32004)
            }
        }
    }

    @Test func tasksAreVisibleOnlyToTheirOwner() async throws {
        try await withService({ _ in }) { service in
            let alice = A2ACallContext(caller: "spiffe://hexr.local/agent/acme/alice")
            let bob = A2ACallContext(caller: "spiffe://hexr.local/agent/acme/bob")
            let response = try await service.sendMessage(
                SendMessageRequest(tenant: nil, message: .user("hi"), configuration: nil, metadata: nil), context: alice)
            guard case .task(let task) = response else { Issue.record("no task"); return }
            _ = try await service.getTask(GetTaskRequest(tenant: nil, id: task.id, historyLength: nil), context: alice)
            do {
                _ = try await service.getTask(GetTaskRequest(tenant: nil, id: task.id, historyLength: nil), context: bob)
                Issue.record("another caller saw the task")
            } catch let error as A2AError {
                #expect(error.code == -32001)
            }
            let bobsList = try await service.listTasks(ListTasksRequest(), context: bob)
            #expect(bobsList.tasks.isEmpty)
        }
    }

    @Test(arguments: [0, 101, -1])
    func invalidPageSizesAreRejected(pageSize: Int) async throws {
        try await withService({ _ in }) { service in
            var request = ListTasksRequest()
            request.pageSize = pageSize
            do {
                _ = try await service.listTasks(request, context: A2ACallContext())
                Issue.record("accepted pageSize \(pageSize)")
            } catch let error as A2AError {
                #expect(error.code == -32602)
            }
        }
    }

    @Test func stateMachineRules() {
        for state in TaskState.allCases where state.isTerminal {
            for target in TaskState.allCases {
                #expect(!TaskTransition.isAllowed(from: state, to: target))
            }
        }
        #expect(TaskTransition.isAllowed(from: .submitted, to: .working))
        #expect(TaskTransition.isAllowed(from: .inputRequired, to: .working))
        #expect(TaskTransition.isAllowed(from: .working, to: .completed))
        #expect(!TaskTransition.isAllowed(from: .working, to: .submitted))
        #expect(!TaskTransition.isAllowed(from: .working, to: .unspecified))
    }

    @Test func cursorTokensRoundTripAndRejectGarbage() throws {
        let cursor = TaskCursor(statusMicros: 1_700_000_000_123_000, taskID: "abc:def")
        #expect(try TaskCursor(token: cursor.token) == cursor)
        #expect(throws: A2AError.self) { try TaskCursor(token: "%%%") }
        #expect(throws: A2AError.self) { try TaskCursor(token: "bm90LWEtY3Vyc29y") }
    }
}

/// Collects errors seen inside a handler.
final class RefusalBox: Sendable {
    private let storage = Mutex<[A2AError]>([])
    func record(_ error: A2AError) { storage.withLock { $0.append(error) } }
    var errors: [A2AError] { storage.withLock { $0 } }
}
