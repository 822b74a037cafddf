import A2A
import A2AHTTP
import Foundation
import Testing

/// Our client against our server, on both bindings: every operation, end to end over HTTP.
@Suite struct ClientRoundTripTests {
    static let bindings = [AgentInterface.Binding.jsonRPC, AgentInterface.Binding.httpJSON]

    @Test(arguments: bindings)
    func blockingSendCompletesWithArtifact(binding: String) async throws {
        try await withAgentServer { base, _ in
            let client = try await makeClient(base, binding: binding)
            #expect(client.interface.protocolBinding == binding)
            let response = try await client.sendMessage(text: "hello")
            guard case .task(let task) = response else { Issue.record("expected a task, got \(response)"); return }
            #expect(task.status.state == .completed)
            #expect(task.artifacts.first?.parts.first?.content == .text("echo: hello"))
            #expect(task.history.contains { $0.role == .user })
            let fetched = try await client.getTask(id: task.id)
            #expect(fetched.id == task.id && fetched.status.state == .completed)
            let noHistory = try await client.getTask(id: task.id, historyLength: 0)
            #expect(noHistory.history.isEmpty)
        }
    }

    @Test(arguments: bindings)
    func directReplyIsAMessage(binding: String) async throws {
        try await withAgentServer { base, _ in
            let client = try await makeClient(base, binding: binding)
            let response = try await client.sendMessage(text: "reply")
            guard case .message(let message) = response else { Issue.record("expected a message"); return }
            #expect(message.parts.first?.content == .text("direct: reply"))
            #expect(message.role == .agent)
        }
    }

    @Test(arguments: bindings)
    func streamingDeliversTheLifecycleInOrder(binding: String) async throws {
        try await withAgentServer { base, _ in
            let client = try await makeClient(base, binding: binding)
            let stream = try await client.sendStreamingMessage(
                SendMessageRequest(tenant: nil, message: .user("stream me"), configuration: nil, metadata: nil))
            var kinds: [String] = []
            for try await event in stream {
                switch event {
                case .task(let task): kinds.append("task:\(task.status.state.rawValue)")
                case .statusUpdate(let update): kinds.append("status:\(update.status.state.rawValue)")
                case .artifactUpdate(let update):
                    kinds.append("artifact")
                    #expect(update.artifact.parts.first?.content == .text("echo: stream me"))
                case .message: kinds.append("message")
                }
            }
            #expect(kinds == ["task:TASK_STATE_SUBMITTED", "status:TASK_STATE_WORKING", "artifact",
                              "status:TASK_STATE_COMPLETED"])
        }
    }

    @Test(arguments: bindings)
    func multiTurnInputRequiredThenFollowUp(binding: String) async throws {
        try await withAgentServer { base, _ in
            let client = try await makeClient(base, binding: binding)
            guard case .task(let first) = try await client.sendMessage(text: "input") else {
                Issue.record("expected a task"); return
            }
            #expect(first.status.state == .inputRequired)
            guard case .task(let second) = try await client.sendMessage(
                text: "more", contextID: first.contextId, taskID: first.id)
            else { Issue.record("expected a task"); return }
            #expect(second.id == first.id && second.contextId == first.contextId)
            #expect(second.status.state == .completed)
            #expect(second.artifacts.first?.parts.first?.content == .text("echo: more"))
            // The finished task takes no more messages.
            await #expect(throws: A2AClientError.self) {
                _ = try await client.sendMessage(text: "again", taskID: first.id)
            }
        }
    }

    @Test(arguments: bindings)
    func cancelStopsARunningTask(binding: String) async throws {
        try await withAgentServer { base, _ in
            let client = try await makeClient(base, binding: binding)
            let configuration = SendMessageConfiguration(returnImmediately: true)
            guard case .task(let task) = try await client.sendMessage(text: "slow", configuration: configuration) else {
                Issue.record("expected a task"); return
            }
            #expect(!task.status.state.isTerminal)
            let canceled = try await client.cancelTask(id: task.id)
            #expect(canceled.status.state == .canceled)
            do {
                _ = try await client.cancelTask(id: task.id)
                Issue.record("a canceled task was canceled again")
            } catch let error as A2AClientError {
                #expect(error.remoteError?.code == -32002)
            }
        }
    }

    @Test(arguments: bindings)
    func subscribeSeesTheTaskThenItsCancellation(binding: String) async throws {
        try await withAgentServer { base, _ in
            let client = try await makeClient(base, binding: binding)
            guard case .task(let task) = try await client.sendMessage(
                text: "slow", configuration: SendMessageConfiguration(returnImmediately: true))
            else { Issue.record("expected a task"); return }
            let stream = try await client.subscribeToTask(id: task.id)
            var iterator = stream.makeAsyncIterator()
            guard case .task(let snapshot) = try await iterator.next() else { Issue.record("first event not a task"); return }
            #expect(snapshot.id == task.id)
            _ = try await client.cancelTask(id: task.id)
            var sawCanceled = false
            while let event = try await iterator.next() {
                if case .statusUpdate(let update) = event, update.status.state == .canceled { sawCanceled = true }
            }
            #expect(sawCanceled)
        }
    }

    @Test(arguments: bindings)
    func listTasksPagesNewestFirst(binding: String) async throws {
        try await withAgentServer { base, _ in
            let client = try await makeClient(base, binding: binding)
            var ids: [String] = []
            for index in 0..<3 {
                guard case .task(let task) = try await client.sendMessage(text: "n\(index)") else { continue }
                ids.append(task.id)
                try await Task.sleep(for: .milliseconds(5))
            }
            let all = try await client.listTasks()
            #expect(all.totalSize == 3)
            #expect(all.tasks.map(\.id) == ids.reversed())
            #expect(all.tasks.allSatisfy { $0.artifacts.isEmpty }, "artifacts are omitted unless asked for")
            #expect(all.nextPageToken == "")
            var request = ListTasksRequest()
            request.pageSize = 2
            let first = try await client.listTasks(request)
            #expect(first.tasks.count == 2 && !first.nextPageToken.isEmpty)
            request.pageToken = first.nextPageToken
            let second = try await client.listTasks(request)
            #expect(second.tasks.map(\.id) == [ids[0]])
            #expect(second.nextPageToken == "")
            request = ListTasksRequest()
            request.includeArtifacts = true
            request.status = .completed
            let withArtifacts = try await client.listTasks(request)
            #expect(withArtifacts.tasks.allSatisfy { !$0.artifacts.isEmpty })
        }
    }

    @Test(arguments: bindings)
    func unknownTaskIsTaskNotFound(binding: String) async throws {
        try await withAgentServer { base, _ in
            let client = try await makeClient(base, binding: binding)
            do {
                _ = try await client.getTask(id: "nope")
                Issue.record("found a task that does not exist")
            } catch let error as A2AClientError {
                #expect(error.remoteError?.code == -32001)
                #expect(error.remoteError?.reason == "TASK_NOT_FOUND")
            }
        }
    }
}
