import A2A
import A2AHTTP
import Foundation
import HexrTestSupport
import Testing

/// `hexr conformance-agent` (the A2A TCK's system under test, `Sources/hexr/Conformance/ConformanceAgent.swift`)
/// as the TCK drives it: the built `hexr` binary runs as a child process on a free loopback port (stopped
/// by its PID afterwards, also on failure) and our client sends every `messageId` prefix the agent
/// implements, on JSON-RPC and on HTTP+JSON.
@Suite(.serialized) struct ConformanceAgentTests {
    static let bindings = [AgentInterface.Binding.jsonRPC, AgentInterface.Binding.httpJSON]

    /// The `hexr` executable built next to the test bundle (as `IdentityCommandTests.hexr`).
    static var hexr: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "hexr").path
    }

    /// The inline file part the agent attaches (`ConformanceAgent.filePart`).
    static let filePart = Part.raw(Data("tck".utf8), filename: "output.txt", mediaType: "text/plain")

    // MARK: Harness

    /// Runs `call`, which the agent must refuse with the A2A error `code`; `refusal` says what must not happen.
    static func expectRefusal(_ code: Int, _ refusal: String, _ call: () async throws -> Void) async {
        do {
            try await call()
            Issue.record(Comment(rawValue: refusal))
        } catch let error as A2AClientError {
            #expect(error.remoteError?.code == code, "\(error)")
        } catch {
            Issue.record("\(refusal): failed otherwise: \(error)")
        }
    }

    /// Runs `hexr conformance-agent --host 127.0.0.1 --port 0` for the duration of `body`, passing a client
    /// on `binding` (every response head bounded to 30 s) and the base URL the agent printed.
    private func withConformanceAgent(
        binding: String, options: [String] = [], extensions: [String] = [],
        _ body: (_ client: A2AClient, _ base: URL) async throws -> Void
    ) async throws {
        let executable = Self.hexr
        try #require(FileManager.default.isExecutableFile(atPath: executable),
                     "no hexr binary at \(executable): build with `swift build --build-tests`")
        let agent = try ExternalProcess(executable, ["conformance-agent", "--host", "127.0.0.1", "--port", "0"] + options)
        defer { agent.stop() }
        // "conformance agent listening on http://127.0.0.1:<port> (card: …)"
        let line = try await agent.waitForLine(prefix: "conformance agent listening on ", timeout: .seconds(60))
        let base = try #require(line.split(separator: " ").first.flatMap { URL(string: String($0)) }, "\(line)")
        let transport = PooledHTTPClient(responseTimeout: .seconds(30))
        let card = try await A2AClient.fetchCard(from: base, transport: transport)
        let client = try A2AClient(card: card, transport: transport, bindings: [binding], extensions: extensions)
        do {
            try await body(client, base)
        } catch {
            // A failed #require is already recorded; anything else (a transport error, a crashed
            // agent) gets the agent's output alongside.
            if !(error is ExpectationFailedError) {
                Issue.record("conformance agent stdout:\n\(agent.stdout)\nstderr:\n\(agent.stderr)")
            }
            throw error
        }
    }

    /// A user message whose `messageId` starts with `prefix` (the agent's only input).
    static func message(_ prefix: String, contextID: String? = nil, taskID: String? = nil) -> Message {
        Message(messageId: "\(prefix)-\(UUID().uuidString.lowercased())", contextId: contextID, taskId: taskID,
                role: .user, parts: [.text("conformance probe")])
    }

    /// Blocking `SendMessage`; fails the test unless the agent answers with a task.
    private func sendForTask(_ client: A2AClient, _ message: Message) async throws -> A2ATask {
        let response = try await client.sendMessage(SendMessageRequest(message: message))
        return try #require(response.taskValue, "\(message.messageId): expected a task, got \(response)")
    }

    /// `SendStreamingMessage`, read to its end (bounded).
    private func stream(_ client: A2AClient, _ message: Message) async throws -> [StreamResponse] {
        try await Self.collect(try await client.sendStreamingMessage(SendMessageRequest(message: message)))
    }

    /// Every event of `stream` until the agent closes it; throws if that takes longer than `limit`.
    static func collect(_ stream: A2AClientEventStream, within limit: Duration = .seconds(30)) async throws
        -> [StreamResponse]
    {
        try await withThrowingTaskGroup(of: [StreamResponse]?.self, returning: [StreamResponse].self) { group in
            group.addTask {
                var events: [StreamResponse] = []
                for try await event in stream { events.append(event) }
                return events
            }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let events = first else { throw StreamDidNotEnd(limit: limit) }
            return events
        }
    }

    /// The shape of an event sequence: `task:<state>`, `status:<state>`, `artifact`, `message`.
    static func kinds(_ events: [StreamResponse]) -> [String] {
        events.map { event -> String in
            switch event {
            case .task(let task): return "task:\(task.status.state.rawValue)"
            case .statusUpdate(let update): return "status:\(update.status.state.rawValue)"
            case .artifactUpdate: return "artifact"
            case .message: return "message"
            }
        }
    }

    /// The artifact updates among `events`, in order.
    static func artifactUpdates(_ events: [StreamResponse]) -> [TaskArtifactUpdateEvent] {
        events.compactMap { event -> TaskArtifactUpdateEvent? in
            guard case .artifactUpdate(let update) = event else { return nil }
            return update
        }
    }

    // MARK: Card

    /// A2A Agent Card discovery: `--port 0` picks a free port, and the served card names the agent and
    /// points both its interfaces (JSON-RPC, HTTP+JSON, protocol 1.0) at that port; streaming and push on.
    @Test(arguments: bindings)
    func cardOffersBothBindingsAtTheChosenPort(binding: String) async throws {
        try await withConformanceAgent(binding: binding) { client, base in
            #expect(base.host == "127.0.0.1")
            #expect((base.port ?? 0) > 0)
            #expect(client.card.name == "Hexr conformance agent")
            #expect(client.card.capabilities.streaming == true)
            #expect(client.card.capabilities.pushNotifications == true)
            #expect(client.card.skills.map(\.id) == ["tck"])
            #expect(client.card.supportedInterfaces.map(\.protocolBinding)
                == [AgentInterface.Binding.jsonRPC, AgentInterface.Binding.httpJSON])
            #expect(client.card.supportedInterfaces.allSatisfy { $0.protocolVersion == "1.0" })
            let path = binding == AgentInterface.Binding.jsonRPC ? "/a2a/jsonrpc" : "/a2a/rest"
            #expect(client.interface.url == base.absoluteString + path)
        }
    }

    // MARK: Blocking SendMessage

    /// `tck-complete-task`: a blocking send returns the task COMPLETED, with the agent's status message
    /// "Hello from TCK", no artifacts, and the user's message in its history; GetTask returns the same.
    @Test(arguments: bindings)
    func completeTaskCompletesWithAStatusMessage(binding: String) async throws {
        try await withConformanceAgent(binding: binding) { client, _ in
            let message = Self.message("tck-complete-task")
            let task = try await sendForTask(client, message)
            #expect(task.status.state == .completed)
            #expect(task.status.message?.role == .agent)
            #expect(task.status.message?.text == "Hello from TCK")
            #expect(task.artifacts.isEmpty)
            #expect(task.history.contains { $0.messageId == message.messageId && $0.role == .user })
            let fetched = try await client.getTask(id: task.id)
            #expect(fetched.status.state == .completed && fetched.contextId == task.contextId)
            #expect(fetched.status.message?.text == "Hello from TCK")
        }
    }

    /// `tck-artifact-text|file|file-url|data`: the task completes with exactly one artifact holding the
    /// one part of that kind (text; inline bytes; a URL; JSON data), each with its filename and media
    /// type; the longer prefix `tck-artifact-file-url` wins over `tck-artifact-file`. GetTask agrees.
    @Test(arguments: bindings)
    func artifactPrefixesCompleteWithTheirArtifact(binding: String) async throws {
        let cases: [(prefix: String, part: Part)] = [
            ("tck-artifact-text", .text("Generated text content")),
            ("tck-artifact-file", Self.filePart),
            ("tck-artifact-file-url", .url("https://example.com/output.txt", filename: "output.txt",
                                           mediaType: "text/plain")),
            ("tck-artifact-data", .data(["key": "value", "count": 42])),
        ]
        try await withConformanceAgent(binding: binding) { client, _ in
            for (prefix, part) in cases {
                let task = try await sendForTask(client, Self.message(prefix))
                #expect(task.status.state == .completed, "\(prefix)")
                #expect(task.artifacts.count == 1, "\(prefix)")
                #expect(task.artifacts.first?.parts == [part], "\(prefix)")
                #expect(try await client.getTask(id: task.id).artifacts.map(\.parts) == [[part]], "\(prefix)")
            }
        }
    }

    /// `tck-message-response`: the agent answers with a direct Message (role agent, "Direct message
    /// response", no task): as the SendMessage result and as the only event of SendStreamingMessage.
    @Test(arguments: bindings)
    func messageResponseIsADirectMessage(binding: String) async throws {
        try await withConformanceAgent(binding: binding) { client, _ in
            let response = try await client.sendMessage(SendMessageRequest(message: Self.message("tck-message-response")))
            let reply = try #require(response.messageValue, "expected a message, got \(response)")
            #expect(reply.role == .agent)
            #expect(reply.parts == [.text("Direct message response")])
            #expect(reply.taskId == nil)

            let events = try await stream(client, Self.message("tck-message-response"))
            #expect(Self.kinds(events) == ["message"])
            guard case .message(let streamed) = events.first else { Issue.record("no message event: \(events)"); return }
            #expect(streamed.text == "Direct message response")
        }
    }

    /// `tck-input-required`: the task stops in INPUT_REQUIRED (a blocking send returns then); a
    /// follow-up message on the same task and context (here `tck-complete-task-…`) resumes it, and it
    /// completes under the same id with both user messages in its history.
    @Test(arguments: bindings)
    func inputRequiredThenFollowUpCompletes(binding: String) async throws {
        try await withConformanceAgent(binding: binding) { client, _ in
            let first = Self.message("tck-input-required")
            let asking = try await sendForTask(client, first)
            #expect(asking.status.state == .inputRequired)
            #expect(try await client.getTask(id: asking.id).status.state == .inputRequired)

            let followUp = Self.message("tck-complete-task-followup", contextID: asking.contextId, taskID: asking.id)
            let answered = try await sendForTask(client, followUp)
            #expect(answered.id == asking.id && answered.contextId == asking.contextId)
            #expect(answered.status.state == .completed)
            #expect(answered.status.message?.text == "Hello from TCK")
            let ids = answered.history.filter { $0.role == .user }.map(\.messageId)
            #expect(ids == [first.messageId, followUp.messageId])
            // Completed is terminal: no further turn.
            await Self.expectRefusal(A2AError.Code.unsupportedOperation, "a completed task accepted another message") {
                _ = try await client.sendMessage(SendMessageRequest(
                    message: Self.message("tck-complete-task", contextID: asking.contextId, taskID: asking.id)))
            }
        }
    }

    /// `tck-reject-task`: the task ends REJECTED with the agent's reason "rejected" and no artifacts;
    /// being terminal, it cannot be canceled (TaskNotCancelableError, -32002).
    @Test(arguments: bindings)
    func rejectTaskIsRejected(binding: String) async throws {
        try await withConformanceAgent(binding: binding) { client, _ in
            let task = try await sendForTask(client, Self.message("tck-reject-task"))
            #expect(task.status.state == .rejected)
            #expect(task.status.message?.role == .agent)
            #expect(task.status.message?.text == "rejected")
            #expect(task.artifacts.isEmpty)
            #expect(try await client.getTask(id: task.id).status.state == .rejected)
            await Self.expectRefusal(A2AError.Code.taskNotCancelable, "a rejected task was canceled") {
                _ = try await client.cancelTask(id: task.id)
            }
        }
    }

    /// Any other `messageId`: the task completes, its status message naming the unhandled id.
    @Test(arguments: bindings)
    func unknownPrefixCompletesNamingTheMessageID(binding: String) async throws {
        try await withConformanceAgent(binding: binding) { client, _ in
            let message = Self.message("hexr-not-a-tck-prefix")
            let task = try await sendForTask(client, message)
            #expect(task.status.state == .completed)
            #expect(task.status.message?.text == "Unhandled messageId prefix: \(message.messageId)")
            #expect(task.artifacts.isEmpty)
        }
    }

    // MARK: SendStreamingMessage

    /// `tck-stream-001|003`, `tck-stream-ordering-001`, `tck-stream-artifact-text|file`: the stream is, in
    /// order, the task (SUBMITTED), WORKING, one artifact update (a whole artifact: not appended, last
    /// chunk) with that prefix's part, then COMPLETED, and ends; every event names the same task and context.
    @Test(arguments: bindings)
    func streamingPrefixesDeliverTheLifecycleInOrder(binding: String) async throws {
        let cases: [(prefix: String, part: Part)] = [
            ("tck-stream-001", .text("Stream hello from TCK")),
            ("tck-stream-003", .text("Stream task lifecycle")),
            ("tck-stream-ordering-001", .text("Ordered output")),
            ("tck-stream-artifact-text", .text("Streamed text content")),
            ("tck-stream-artifact-file", Self.filePart),
        ]
        try await withConformanceAgent(binding: binding) { client, _ in
            for (prefix, part) in cases {
                let events = try await stream(client, Self.message(prefix))
                #expect(Self.kinds(events) == ["task:TASK_STATE_SUBMITTED", "status:TASK_STATE_WORKING", "artifact",
                                               "status:TASK_STATE_COMPLETED"], "\(prefix)")
                guard case .task(let task) = events.first else { Issue.record("\(prefix): no task first"); continue }
                let updates = Self.artifactUpdates(events)
                #expect(updates.map(\.artifact.parts) == [[part]], "\(prefix)")
                #expect(updates.allSatisfy { !$0.append && $0.lastChunk }, "\(prefix)")
                for event in events.dropFirst() {
                    switch event {
                    case .statusUpdate(let update): #expect(update.taskId == task.id && update.contextId == task.contextId)
                    case .artifactUpdate(let update): #expect(update.taskId == task.id && update.contextId == task.contextId)
                    case .task, .message: Issue.record("\(prefix): unexpected \(event)")
                    }
                }
                let stored = try await client.getTask(id: task.id)
                #expect(stored.status.state == .completed, "\(prefix)")
                #expect(stored.artifacts.map(\.parts) == [[part]], "\(prefix)")
            }
        }
    }

    /// `tck-stream-002`: the agent completes at once: the stream is the task (SUBMITTED) then COMPLETED,
    /// with no WORKING and no artifact.
    @Test(arguments: bindings)
    func stream002CompletesWithoutWorking(binding: String) async throws {
        try await withConformanceAgent(binding: binding) { client, _ in
            let events = try await stream(client, Self.message("tck-stream-002"))
            #expect(Self.kinds(events) == ["task:TASK_STATE_SUBMITTED", "status:TASK_STATE_COMPLETED"])
        }
    }

    /// `tck-stream-artifact-chunked`: one artifact streamed in two chunks: two artifact updates with the
    /// same `artifactId`, both `append`, only the second `lastChunk` ("chunk-1 ", then "chunk-2"), between
    /// WORKING and COMPLETED; the stored task holds one artifact with both parts in order.
    @Test(arguments: bindings)
    func chunkedArtifactStreamsTwoAppendedChunks(binding: String) async throws {
        try await withConformanceAgent(binding: binding) { client, _ in
            let events = try await stream(client, Self.message("tck-stream-artifact-chunked"))
            #expect(Self.kinds(events) == ["task:TASK_STATE_SUBMITTED", "status:TASK_STATE_WORKING", "artifact",
                                           "artifact", "status:TASK_STATE_COMPLETED"])
            let chunks = Self.artifactUpdates(events)
            try #require(chunks.count == 2, "\(events)")
            #expect(chunks[0].artifact.artifactId == chunks[1].artifact.artifactId)
            #expect(chunks[0].artifact.parts == [.text("chunk-1 ")])
            #expect(chunks[1].artifact.parts == [.text("chunk-2")])
            #expect(chunks[0].append && chunks[1].append)
            #expect(!chunks[0].lastChunk && chunks[1].lastChunk)

            let stored = try await client.getTask(id: chunks[0].taskId)
            #expect(stored.status.state == .completed)
            #expect(stored.artifacts.count == 1)
            #expect(stored.artifacts.first?.artifactId == chunks[0].artifact.artifactId)
            #expect(stored.artifacts.first?.parts == [.text("chunk-1 "), .text("chunk-2")])
        }
    }

    /// `test-resubscribe-message-id`: the task keeps working for 4 s, so a client that sent it without
    /// waiting can SubscribeToTask: the stream starts with the (unfinished) task snapshot, ends with
    /// COMPLETED no earlier than the agent's delay, and GetTask then shows it completed.
    @Test(arguments: bindings)
    func resubscribeTaskWorksThenCompletesOnTheSubscription(binding: String) async throws {
        try await withConformanceAgent(binding: binding) { client, _ in
            let started = ContinuousClock.now
            let response = try await client.sendMessage(SendMessageRequest(
                message: Self.message("test-resubscribe-message-id"),
                configuration: SendMessageConfiguration(returnImmediately: true)))
            let task = try #require(response.taskValue, "expected a task, got \(response)")
            #expect(!task.status.state.isTerminal)

            let events = try await Self.collect(try await client.subscribeToTask(id: task.id))
            guard case .task(let snapshot) = events.first else { Issue.record("no snapshot first: \(events)"); return }
            #expect(snapshot.id == task.id)
            #expect(!snapshot.status.state.isTerminal, "subscribed while the task was still working")
            let states = events.compactMap { event -> TaskState? in
                guard case .statusUpdate(let update) = event else { return nil }
                return update.status.state
            }
            #expect(states.last == .completed, "\(Self.kinds(events))")
            #expect(ContinuousClock.now - started >= .seconds(3), "the agent works ~4 s before completing")
            #expect(try await client.getTask(id: task.id).status.state == .completed)
        }
    }

    // MARK: Profiles (what the TCK needs to provoke the errors of switched-off capabilities)

    /// `--no-streaming --no-push-notifications`: the card says so, streaming fails with -32004 and push
    /// configuration with -32003 (TCK: the capability-off MUST tests).
    @Test(arguments: bindings)
    func capabilitiesOffRefuseTheirMethods(binding: String) async throws {
        try await withConformanceAgent(binding: binding, options: ["--no-streaming", "--no-push-notifications"]) { client, base in
            let card = try await A2AClient.fetchCard(from: base, transport: PooledHTTPClient())
            #expect(card.capabilities.streaming == false)
            #expect(card.capabilities.pushNotifications == false)
            await Self.expectRefusal(A2AError.Code.unsupportedOperation, "streaming must be refused") {
                _ = try await Self.collect(try await client.sendStreamingMessage(SendMessageRequest(message: Self.message("tck-stream-001"))))
            }
            let task = try await sendForTask(client, Self.message("tck-complete-task"))
            await Self.expectRefusal(A2AError.Code.pushNotificationNotSupported, "push configuration must be refused") {
                _ = try await client.createPushConfig(TaskPushNotificationConfig(
                    tenant: nil, id: "c1", taskId: task.id, url: "http://127.0.0.1:9/hook", token: nil, authentication: nil))
            }
        }
    }

    /// `--required-extension URI`: a request without the extension in `A2A-Extensions` fails with -32008;
    /// with it, the request is served.
    @Test(arguments: bindings)
    func aRequiredExtensionMustBeRequested(binding: String) async throws {
        let uri = "urn:a2a:tck:required-extension"
        try await withConformanceAgent(binding: binding, options: ["--required-extension", uri]) { client, _ in
            await Self.expectRefusal(A2AError.Code.extensionSupportRequired, "a request without the required extension must be refused") {
                _ = try await client.sendMessage(SendMessageRequest(message: Self.message("tck-complete-task")))
            }
        }
        try await withConformanceAgent(binding: binding, options: ["--required-extension", uri], extensions: [uri]) { client, _ in
            let task = try await sendForTask(client, Self.message("tck-complete-task"))
            #expect(task.status.state == .completed)
        }
    }

    /// `--extended-card`: the card declares an extended card and GetExtendedAgentCard returns it.
    @Test(arguments: bindings)
    func extendedCardIsDeclaredAndServed(binding: String) async throws {
        try await withConformanceAgent(binding: binding, options: ["--extended-card"]) { client, base in
            let card = try await A2AClient.fetchCard(from: base, transport: PooledHTTPClient())
            #expect(card.capabilities.extendedAgentCard == true)
            let extended = try await client.extendedAgentCard()
            #expect(extended.description.hasSuffix("(extended card)"), "\(extended.description)")
        }
    }

}

/// A stream that the agent did not close in time.
struct StreamDidNotEnd: Error, CustomStringConvertible {
    var limit: Duration
    var description: String { "the event stream did not end within \(limit)" }
}

extension SendMessageResponse {
    /// The task, when the agent answered with one.
    fileprivate var taskValue: A2ATask? {
        guard case .task(let task) = self else { return nil }
        return task
    }

    /// The message, when the agent answered with one directly.
    fileprivate var messageValue: Message? {
        guard case .message(let message) = self else { return nil }
        return message
    }
}
