import A2A
import A2AHTTP
import Foundation
import HexrTestSupport
import Testing

/// Interop with the official Python SDK (`a2a-sdk==1.3.0`), both directions, both bindings.
@Suite(.serialized)
struct PythonInteropTests {
    static let bindings = ["jsonrpc", "rest"]

    /// The SDK's client runs its whole check suite against our server.
    @Test(arguments: bindings)
    func pythonClientAgainstSwiftServer(binding: String) async throws {
        try await withAgentServer { base, _ in
            let suite = try ExternalProcess(
                try Interop.requirePython(), [Interop.directory.appending(path: "a2a/client_suite.py").path,
                                  "--url", base.absoluteString, "--binding", binding])
            let status = try await suite.waitForExit(timeout: .seconds(90))
            #expect(status == 0, "\(suite.stdout)\n\(suite.stderr)")
            #expect(suite.stdout.contains("13 passed, 0 failed"), "\(suite.stdout)")
        }
    }

    /// Our client against the SDK's server: every operation.
    @Test(arguments: [AgentInterface.Binding.jsonRPC, AgentInterface.Binding.httpJSON])
    func swiftClientAgainstPythonServer(binding: String) async throws {
        let server = try ExternalProcess(
            try Interop.requirePython(), [Interop.directory.appending(path: "a2a/echo_server.py").path,
                              "--host", "127.0.0.1", "--port", "0"])
        defer { server.stop() }
        let base = try #require(URL(string: try await server.waitForLine(prefix: "READY ")))
        let client = try await makeClient(base, binding: binding)
        #expect(client.card.name == "Interop Echo")

        // Blocking send, get, history length.
        guard case .task(let task) = try await client.sendMessage(text: "hello") else {
            Issue.record("expected a task"); return
        }
        #expect(task.status.state == .completed)
        #expect(task.artifacts.first?.parts.first?.content == .text("echo: hello"))
        #expect(try await client.getTask(id: task.id).status.state == .completed)
        #expect(try await client.getTask(id: task.id, historyLength: 0).history.isEmpty)

        // Direct message.
        guard case .message(let message) = try await client.sendMessage(text: "reply") else {
            Issue.record("expected a message"); return
        }
        #expect(message.parts.first?.content == .text("direct: reply"))

        // Streaming.
        var kinds: [String] = []
        for try await event in try await client.sendStreamingMessage(
            SendMessageRequest(tenant: nil, message: .user("stream me"), configuration: nil, metadata: nil)) {
            switch event {
            case .task: kinds.append("task")
            case .statusUpdate(let update): kinds.append(update.status.state.rawValue)
            case .artifactUpdate: kinds.append("artifact")
            case .message: kinds.append("message")
            }
        }
        #expect(kinds == ["task", "TASK_STATE_WORKING", "artifact", "TASK_STATE_COMPLETED"])

        // Multi-turn.
        let askingResponse = try await client.sendMessage(text: "input")
        guard case .task(let asking) = askingResponse else {
            Issue.record("expected an input-required task, got \(askingResponse)"); return
        }
        #expect(asking.status.state == .inputRequired)
        let answeredResponse = try await client.sendMessage(text: "more", contextID: asking.contextId, taskID: asking.id)
        guard case .task(let answered) = answeredResponse else {
            Issue.record("expected the follow-up to answer with a task, got \(answeredResponse)"); return
        }
        #expect(answered.status.state == .completed)

        // Cancel, subscribe, not-cancelable, not-found.
        let slowResponse = try await client.sendMessage(
            text: "slow", configuration: SendMessageConfiguration(returnImmediately: true))
        guard case .task(let slow) = slowResponse else {
            Issue.record("expected a task, got \(slowResponse)"); return
        }
        let subscription = try await client.subscribeToTask(id: slow.id)
        var iterator = subscription.makeAsyncIterator()
        guard case .task(let snapshot) = try await iterator.next() else { Issue.record("no snapshot"); return }
        #expect(snapshot.id == slow.id)
        #expect(try await client.cancelTask(id: slow.id).status.state == .canceled)
        var sawCanceled = false
        while let event = try await iterator.next() {
            if case .statusUpdate(let update) = event, update.status.state == .canceled { sawCanceled = true }
        }
        #expect(sawCanceled)
        do {
            _ = try await client.cancelTask(id: slow.id)
            Issue.record("canceled twice")
        } catch let error as A2AClientError {
            #expect(error.remoteError?.code == -32002)
        }
        do {
            _ = try await client.getTask(id: "no-such-task")
            Issue.record("found a missing task")
        } catch let error as A2AClientError {
            #expect(error.remoteError?.code == -32001)
        }

        // List.
        let listed = try await client.listTasks()
        #expect(listed.tasks.contains { $0.id == task.id })

        // Push config CRUD.
        let config = TaskPushNotificationConfig(tenant: nil, id: "cfg-2", taskId: asking.id,
                                                url: "https://client.example.com/hook", token: "t2", authentication: nil)
        let created = try await client.createPushConfig(config)
        #expect(created.id == "cfg-2")
        #expect(try await client.getPushConfig(taskID: asking.id, id: "cfg-2").url == config.url)
        #expect(try await client.listPushConfigs(taskID: asking.id).configs.contains { $0.id == "cfg-2" })
        try await client.deletePushConfig(taskID: asking.id, id: "cfg-2")
        #expect(!(try await client.listPushConfigs(taskID: asking.id).configs.contains { $0.id == "cfg-2" }))
    }
}
