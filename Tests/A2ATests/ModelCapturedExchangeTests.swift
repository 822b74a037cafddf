import Foundation
import Testing

@testable import A2A

/// Decodes every captured v1.0 exchange of the reference (§12.6) and checks that re-encoding yields the
/// same JSON structure (timestamps compared at the millisecond precision we emit).
@Suite struct ModelCapturedExchangeTests {
    /// The JSON tree of `json`, with every `timestamp` truncated to milliseconds as we emit it.
    private func expected(_ json: String) throws -> JSONValue {
        try truncatingTimestamps(Wire.decode(JSONValue.self, json))
    }

    private func truncatingTimestamps(_ value: JSONValue) throws -> JSONValue {
        switch value {
        case .object(let members):
            var result = JSONObject()
            for (key, member) in members {
                if key == "timestamp", let text = member.stringValue {
                    result[key] = .string(ProtoTimestamp.format(try Wire.date(text)))
                } else {
                    result[key] = try truncatingTimestamps(member)
                }
            }
            return .object(result)
        case .array(let items):
            return .array(try items.map(truncatingTimestamps))
        default:
            return value
        }
    }

    private func response<T: Decodable>(_ type: T.Type, _ json: String) throws -> (JSONRPCID, T) {
        let envelope = try JSONRPCResponseEnvelope<T>(decoding: Data(json.utf8))
        return (envelope.id, try envelope.result.get())
    }

    private func request(_ json: String) throws -> JSONRPCRequestEnvelope {
        try JSONRPCRequestEnvelope(parsing: Data(json.utf8))
    }

    private func params(_ json: String) throws -> JSONValue {
        try #require(Wire.decode(JSONValue.self, json)["params"])
    }

    @Test func sendMessageRequestAndTaskResult() throws {
        let envelope = try request(Captured.sendMessageRequest)
        #expect(envelope.method == .sendMessage)
        #expect(envelope.id == .number(1))
        let sent = try envelope.decodeParams(SendMessageRequest.self)
        #expect(sent.message.messageId == "9229e770-767c-417b-a0b0-f0741243c589")
        #expect(sent.message.role == .user)
        #expect(sent.message.parts == [.text("hello")])
        #expect(sent.configuration?.acceptedOutputModes == ["text/plain"])
        #expect(sent.configuration?.historyLength == 10)
        #expect(try Wire.tree(sent) == params(Captured.sendMessageRequest))

        let (id, result) = try response(SendMessageResponse.self, Captured.sendMessageResponse)
        #expect(id == .number(1))
        guard case .task(let task) = result else {
            Issue.record("expected a task, got \(result)")
            return
        }
        #expect(task.id == "3d464ebe-7bcd-4f1f-97f6-1a7dd459c97b")
        #expect(task.contextId == "f960982c-a385-4aa1-a8de-0d6fb94d9903")
        #expect(task.status.state == .completed)
        let timestamp = try #require(task.status.timestamp)
        #expect(abs(timestamp.timeIntervalSince1970 - (try Wire.date("2026-11-25T19:23:34.559503Z")).timeIntervalSince1970) < 1e-6)
        #expect(task.artifacts.first?.name == "reply")
        #expect(task.artifacts.first?.parts == [.text("echo: hello")])
        #expect(task.history.map(\.role) == [.user, .agent])
        #expect(try Wire.tree(result) == expected(Captured.sendMessageResponse)["result"])
    }

    @Test func getTaskRequestAndResult() throws {
        let envelope = try request(Captured.getTaskRequest)
        #expect(envelope.method == .getTask)
        let get = try envelope.decodeParams(GetTaskRequest.self)
        #expect(get == GetTaskRequest(id: "3d464ebe-7bcd-4f1f-97f6-1a7dd459c97b", historyLength: 1))
        let (id, task) = try response(A2ATask.self, Captured.getTaskResponse)
        #expect(id == .number(2))
        #expect(task.history.count == 1)
        #expect(task.history.first?.messageId == "8d3b0d52-d34c-4874-93b8-ddf8c8fb9dee")
        #expect(try Wire.tree(task) == expected(Captured.getTaskResponse)["result"])
    }

    @Test func jsonRPCStreamingSequence() throws {
        let envelope = try request(Captured.streamRequest)
        #expect(envelope.method == .sendStreamingMessage)
        #expect(envelope.method.isStreaming)
        #expect(envelope.id == .string("s1"))
        #expect(try envelope.decodeParams(SendMessageRequest.self).message.parts == [.text("stream me")])

        let lines = [Captured.streamEvent1, Captured.streamEvent2, Captured.streamEvent3, Captured.streamEvent4]
        var events: [StreamResponse] = []
        for line in lines {
            let (id, event) = try response(StreamResponse.self, line)
            #expect(id == .string("s1"))
            #expect(try Wire.tree(event) == expected(line)["result"])
            events.append(event)
        }
        guard case .task(let task) = events[0], case .statusUpdate(let working) = events[1],
            case .artifactUpdate(let artifact) = events[2], case .statusUpdate(let completed) = events[3]
        else {
            Issue.record("unexpected event sequence \(events)")
            return
        }
        #expect(task.status.state == .submitted)
        #expect(task.status.timestamp == nil)
        #expect(working.status.state == .working)
        #expect(working.status.message?.parts == [.text("working...")])
        #expect(artifact.lastChunk)
        #expect(!artifact.append)
        #expect(artifact.artifact.parts == [.text("echo: stream me")])
        #expect(completed.status.state == .completed)
        #expect(completed.taskId == task.id)
    }

    @Test func taskNotFoundOverJSONRPC() throws {
        let envelope = try request(Captured.getUnknownTaskRequest)
        #expect(try envelope.decodeParams(GetTaskRequest.self).id == "does-not-exist")
        let decoded = try JSONRPCResponseEnvelope<A2ATask>(decoding: Data(Captured.taskNotFoundResponse.utf8))
        #expect(decoded.id == .number(3))
        #expect(throws: A2AError.taskNotFound()) { try decoded.result.get() }
        let ours = JSONRPCResponse.failure(id: 3, error: .taskNotFound())
        #expect(try A2AJSON.decode(JSONValue.self, from: ours) == expected(Captured.taskNotFoundResponse))
    }

    @Test func restSendAndGet() throws {
        let body = try A2AJSON.decodeRequest(SendMessageRequest.self, from: Data(Captured.restSendBody.utf8))
        #expect(body.message.messageId == "m-rest-1")
        #expect(try Wire.tree(body) == expected(Captured.restSendBody))

        let sent = try Wire.decode(SendMessageResponse.self, Captured.restSendResponse)
        guard case .task(let task) = sent else {
            Issue.record("expected a task")
            return
        }
        #expect(task.history.count == 2)
        #expect(try Wire.tree(sent) == expected(Captured.restSendResponse))

        let fetched = try Wire.decode(A2ATask.self, Captured.restGetTaskResponse)
        #expect(fetched.history.isEmpty)
        #expect(fetched.id == task.id)
        #expect(try Wire.tree(fetched) == expected(Captured.restGetTaskResponse))
    }

    @Test func restTaskNotFound() throws {
        let error = A2AError(restStatusBody: Data(Captured.restTaskNotFound.utf8), httpStatus: 404)
        #expect(error == .taskNotFound())
        #expect(try A2AJSON.decode(JSONValue.self, from: A2AError.taskNotFound().restStatusBody) == expected(Captured.restTaskNotFound))
    }

    @Test func restStreamingSequence() throws {
        #expect(try Wire.decode(SendMessageRequest.self, Captured.restStreamBody).message.messageId == "m-rest-2")
        let lines = [Captured.restStreamEvent1, Captured.restStreamEvent2, Captured.restStreamEvent3, Captured.restStreamEvent4]
        var kinds: [String] = []
        for line in lines {
            let event = try Wire.decode(StreamResponse.self, line)
            #expect(try Wire.tree(event) == expected(line))
            kinds.append(contentsOf: try Wire.tree(event).objectValue?.keys.sorted() ?? [])
        }
        #expect(kinds == ["task", "statusUpdate", "artifactUpdate", "statusUpdate"])
    }

    @Test func streamEndingInInputRequiredThenSubscribe() throws {
        let lines = [Captured.inputRequiredEvent1, Captured.inputRequiredEvent2, Captured.inputRequiredEvent3]
        let events = try lines.map { try Wire.decode(StreamResponse.self, $0) }
        for (event, line) in zip(events, lines) {
            #expect(try Wire.tree(event) == expected(line))
        }
        guard case .statusUpdate(let last) = events[2] else {
            Issue.record("expected a status update")
            return
        }
        #expect(last.status.state == .inputRequired)
        #expect(last.status.state.isInterrupted)
        #expect(last.status.message?.parts == [.text("which city?")])

        let first = try Wire.decode(StreamResponse.self, Captured.subscribeFirstEvent)
        guard case .task(let task) = first else {
            Issue.record("expected the task first")
            return
        }
        #expect(task.status.state == .inputRequired)
        #expect(task.history.count == 2)
        #expect(try Wire.tree(first) == expected(Captured.subscribeFirstEvent))
    }

    @Test func followUpWithTaskIdOnly() throws {
        let envelope = try request(Captured.followUpRequest)
        let follow = try envelope.decodeParams(SendMessageRequest.self)
        #expect(follow.message.taskId == "afdac440-7709-442b-a34a-baa7af85dd5e")
        #expect(follow.message.contextId == nil)
        for line in [Captured.followUpEvent1, Captured.followUpEvent2, Captured.followUpEvent3] {
            let (id, event) = try response(StreamResponse.self, line)
            #expect(id == "s2")
            #expect(try Wire.tree(event) == expected(line)["result"])
        }
    }

    @Test func terminalSubscribeIsUnsupported() throws {
        let outcome = JSONRPCResponseEnvelope<StreamResponse>.decodeResult(Data(Captured.terminalSubscribeResponse.utf8))
        guard case .failure(let error) = outcome else {
            Issue.record("expected an error")
            return
        }
        #expect(error.code == A2AError.Code.unsupportedOperation)
        #expect(error.reason == "UNSUPPORTED_OPERATION")
        #expect(error.message == "Task afdac440-7709-442b-a34a-baa7af85dd5e is in terminal state: TASK_STATE_COMPLETED")
    }

    @Test func versionNotSupported() throws {
        let outcome = JSONRPCResponseEnvelope<A2ATask>.decodeResult(Data(Captured.versionNotSupportedResponse.utf8))
        let expectedError = A2AError.versionNotSupported(
            "A2A version '0.3' is not supported by this handler. Expected version '1.0'.")
        #expect(outcome == .failure(expectedError))
        let ours = JSONRPCResponse.failure(id: 9, error: expectedError)
        #expect(try A2AJSON.decode(JSONValue.self, from: ours) == expected(Captured.versionNotSupportedResponse))
    }

    @Test func listTasksWithAlwaysPrintedDefaults() throws {
        let list = try Wire.decode(ListTasksResponse.self, Captured.restListTasksResponse)
        #expect(list.tasks.count == 1)
        #expect(list.pageSize == 1)
        #expect(list.totalSize == 3)
        #expect(list.nextPageToken.hasPrefix("eyJ0cyI6"))
        let first = try #require(list.tasks.first?.history.first)
        #expect(first.parts == [.text("rest hello")])
        #expect(first.extensions.isEmpty)
        // Re-encoded in plain ProtoJSON: the empty defaults are omitted.
        let tree = try Wire.tree(list)
        #expect(tree["tasks"]?[0]?["history"]?[0]?["parts"] == [["text": "rest hello"]])
        #expect(tree["tasks"]?[0]?["history"]?[0]?["extensions"] == nil)
        #expect(tree["nextPageToken"] == .string(list.nextPageToken))
    }

    @Test func directMessageReply() throws {
        let (id, reply) = try response(SendMessageResponse.self, Captured.directMessageResponse)
        #expect(id == 30)
        #expect(reply == .message(Message(
            messageId: "reply-1", contextId: "1a63634e-8236-4ab7-8ff6-eaf32cc64d60", role: .agent,
            parts: [.text("direct answer")])))
        #expect(try Wire.tree(reply) == expected(Captured.directMessageResponse)["result"])
        let (streamID, event) = try response(StreamResponse.self, Captured.directMessageStreamEvent)
        #expect(streamID == 31)
        guard case .message(let message) = event else {
            Issue.record("expected a message event")
            return
        }
        #expect(message.messageId == "reply-1")
    }
}

/// Verbatim wire captures from a2a-sdk 1.3.0 (reference §12.6). SSE events are the `data:` payloads.
enum Captured {
    static let sendMessageRequest = #"{"jsonrpc":"2.0","id":1,"method":"SendMessage","params":{"message":{"messageId":"9229e770-767c-417b-a0b0-f0741243c589","role":"ROLE_USER","parts":[{"text":"hello"}]},"configuration":{"acceptedOutputModes":["text/plain"],"historyLength":10}}}"#
    static let sendMessageResponse = #"{"result":{"task":{"id":"3d464ebe-7bcd-4f1f-97f6-1a7dd459c97b","contextId":"f960982c-a385-4aa1-a8de-0d6fb94d9903","status":{"state":"TASK_STATE_COMPLETED","timestamp":"2026-11-25T19:23:34.559503Z"},"artifacts":[{"artifactId":"1989e303-a0e9-4f11-b9af-4add3b74a69b","name":"reply","parts":[{"text":"echo: hello"}]}],"history":[{"messageId":"9229e770-767c-417b-a0b0-f0741243c589","contextId":"f960982c-a385-4aa1-a8de-0d6fb94d9903","taskId":"3d464ebe-7bcd-4f1f-97f6-1a7dd459c97b","role":"ROLE_USER","parts":[{"text":"hello"}]},{"messageId":"8d3b0d52-d34c-4874-93b8-ddf8c8fb9dee","contextId":"f960982c-a385-4aa1-a8de-0d6fb94d9903","taskId":"3d464ebe-7bcd-4f1f-97f6-1a7dd459c97b","role":"ROLE_AGENT","parts":[{"text":"working..."}]}]}},"id":1,"jsonrpc":"2.0"}"#
    static let getTaskRequest = #"{"jsonrpc":"2.0","id":2,"method":"GetTask","params":{"id":"3d464ebe-7bcd-4f1f-97f6-1a7dd459c97b","historyLength":1}}"#
    static let getTaskResponse = #"{"result":{"id":"3d464ebe-7bcd-4f1f-97f6-1a7dd459c97b","contextId":"f960982c-a385-4aa1-a8de-0d6fb94d9903","status":{"state":"TASK_STATE_COMPLETED","timestamp":"2026-11-25T19:23:34.559503Z"},"artifacts":[{"artifactId":"1989e303-a0e9-4f11-b9af-4add3b74a69b","name":"reply","parts":[{"text":"echo: hello"}]}],"history":[{"messageId":"8d3b0d52-d34c-4874-93b8-ddf8c8fb9dee","contextId":"f960982c-a385-4aa1-a8de-0d6fb94d9903","taskId":"3d464ebe-7bcd-4f1f-97f6-1a7dd459c97b","role":"ROLE_AGENT","parts":[{"text":"working..."}]}]},"id":2,"jsonrpc":"2.0"}"#
    static let streamRequest = #"{"jsonrpc":"2.0","id":"s1","method":"SendStreamingMessage","params":{"message":{"messageId":"3f2a1c9e-0d7b-4e51-9a43-5b8f0c6d2e11","role":"ROLE_USER","parts":[{"text":"stream me"}]}}}"#
    static let streamEvent1 = #"{"result": {"task": {"id": "6eae7865-c70b-468d-b25b-209caf61f4cc", "contextId": "da35f26a-9c9f-4dac-89d8-26422a43ce9e", "status": {"state": "TASK_STATE_SUBMITTED"}, "history": [{"messageId": "3f2a1c9e-0d7b-4e51-9a43-5b8f0c6d2e11", "contextId": "da35f26a-9c9f-4dac-89d8-26422a43ce9e", "taskId": "6eae7865-c70b-468d-b25b-209caf61f4cc", "role": "ROLE_USER", "parts": [{"text": "stream me"}]}]}}, "id": "s1", "jsonrpc": "2.0"}"#
    static let streamEvent2 = #"{"result": {"statusUpdate": {"taskId": "6eae7865-c70b-468d-b25b-209caf61f4cc", "contextId": "da35f26a-9c9f-4dac-89d8-26422a43ce9e", "status": {"state": "TASK_STATE_WORKING", "message": {"messageId": "dc1c1aab-04a3-47c5-86ba-ccb14cf725b5", "contextId": "da35f26a-9c9f-4dac-89d8-26422a43ce9e", "taskId": "6eae7865-c70b-468d-b25b-209caf61f4cc", "role": "ROLE_AGENT", "parts": [{"text": "working..."}]}, "timestamp": "2026-11-25T19:23:35.079194Z"}}}, "id": "s1", "jsonrpc": "2.0"}"#
    static let streamEvent3 = #"{"result": {"artifactUpdate": {"taskId": "6eae7865-c70b-468d-b25b-209caf61f4cc", "contextId": "da35f26a-9c9f-4dac-89d8-26422a43ce9e", "artifact": {"artifactId": "8ef5102a-e540-4dba-b462-d7a5f99b1c5d", "name": "reply", "parts": [{"text": "echo: stream me"}]}, "lastChunk": true}}, "id": "s1", "jsonrpc": "2.0"}"#
    static let streamEvent4 = #"{"result": {"statusUpdate": {"taskId": "6eae7865-c70b-468d-b25b-209caf61f4cc", "contextId": "da35f26a-9c9f-4dac-89d8-26422a43ce9e", "status": {"state": "TASK_STATE_COMPLETED", "timestamp": "2026-11-25T19:23:35.133076Z"}}}, "id": "s1", "jsonrpc": "2.0"}"#
    static let getUnknownTaskRequest = #"{"jsonrpc":"2.0","id":3,"method":"GetTask","params":{"id":"does-not-exist"}}"#
    static let taskNotFoundResponse = #"{"error":{"code":-32001,"message":"Task not found","data":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"TASK_NOT_FOUND","domain":"a2a-protocol.org","metadata":{}}]},"id":3,"jsonrpc":"2.0"}"#
    static let restSendBody = #"{"message":{"messageId":"m-rest-1","role":"ROLE_USER","parts":[{"text":"rest hello"}]}}"#
    static let restSendResponse = #"{"task":{"id":"ee148847-6774-4933-b661-0ea05dc531d9","contextId":"bb124c2d-41c6-42bd-8d1a-baece739a55b","status":{"state":"TASK_STATE_COMPLETED","timestamp":"2026-11-25T19:23:35.253285Z"},"artifacts":[{"artifactId":"23539015-d98e-429a-89d0-4dcc04a2ea4d","name":"reply","parts":[{"text":"echo: rest hello"}]}],"history":[{"messageId":"m-rest-1","contextId":"bb124c2d-41c6-42bd-8d1a-baece739a55b","taskId":"ee148847-6774-4933-b661-0ea05dc531d9","role":"ROLE_USER","parts":[{"text":"rest hello"}]},{"messageId":"ddce8135-440a-48ca-8245-66b5aa66891c","contextId":"bb124c2d-41c6-42bd-8d1a-baece739a55b","taskId":"ee148847-6774-4933-b661-0ea05dc531d9","role":"ROLE_AGENT","parts":[{"text":"working..."}]}]}}"#
    static let restGetTaskResponse = #"{"id":"ee148847-6774-4933-b661-0ea05dc531d9","contextId":"bb124c2d-41c6-42bd-8d1a-baece739a55b","status":{"state":"TASK_STATE_COMPLETED","timestamp":"2026-11-25T19:23:35.253285Z"},"artifacts":[{"artifactId":"23539015-d98e-429a-89d0-4dcc04a2ea4d","name":"reply","parts":[{"text":"echo: rest hello"}]}]}"#
    static let restTaskNotFound = #"{"error":{"code":404,"status":"NOT_FOUND","message":"Task not found","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"TASK_NOT_FOUND","domain":"a2a-protocol.org","metadata":{}}]}}"#
    static let restStreamBody = #"{"message":{"messageId":"m-rest-2","role":"ROLE_USER","parts":[{"text":"rest stream"}]}}"#
    static let restStreamEvent1 = #"{"task": {"id": "1c021ea5-077c-46a6-87d0-392019e3e9e8", "contextId": "b62b7b37-4957-4f55-b450-b39339bec6f6", "status": {"state": "TASK_STATE_SUBMITTED"}, "history": [{"messageId": "m-rest-2", "contextId": "b62b7b37-4957-4f55-b450-b39339bec6f6", "taskId": "1c021ea5-077c-46a6-87d0-392019e3e9e8", "role": "ROLE_USER", "parts": [{"text": "rest stream"}]}]}}"#
    static let restStreamEvent2 = #"{"statusUpdate": {"taskId": "1c021ea5-077c-46a6-87d0-392019e3e9e8", "contextId": "b62b7b37-4957-4f55-b450-b39339bec6f6", "status": {"state": "TASK_STATE_WORKING", "message": {"messageId": "f9582468-7d93-42ee-8d29-59b7338a21ca", "contextId": "b62b7b37-4957-4f55-b450-b39339bec6f6", "taskId": "1c021ea5-077c-46a6-87d0-392019e3e9e8", "role": "ROLE_AGENT", "parts": [{"text": "working..."}]}, "timestamp": "2026-11-25T19:23:35.671014Z"}}}"#
    static let restStreamEvent3 = #"{"artifactUpdate": {"taskId": "1c021ea5-077c-46a6-87d0-392019e3e9e8", "contextId": "b62b7b37-4957-4f55-b450-b39339bec6f6", "artifact": {"artifactId": "1700e491-3ce9-4000-9245-3c9727ab4d6c", "name": "reply", "parts": [{"text": "echo: rest stream"}]}, "lastChunk": true}}"#
    static let restStreamEvent4 = #"{"statusUpdate": {"taskId": "1c021ea5-077c-46a6-87d0-392019e3e9e8", "contextId": "b62b7b37-4957-4f55-b450-b39339bec6f6", "status": {"state": "TASK_STATE_COMPLETED", "timestamp": "2026-11-25T19:23:35.721669Z"}}}"#
    static let versionNotSupportedResponse = #"{"error":{"code":-32009,"message":"A2A version '0.3' is not supported by this handler. Expected version '1.0'.","data":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"VERSION_NOT_SUPPORTED","domain":"a2a-protocol.org","metadata":{}}]},"id":9,"jsonrpc":"2.0"}"#
    static let restListTasksResponse = #"{"tasks":[{"id":"874dbe13-6386-4c0a-b1d0-b4c8567b26e3","contextId":"9bb8bf8e-b188-4526-98b0-be8c2e017877","status":{"state":"TASK_STATE_COMPLETED","timestamp":"2026-11-25T19:17:23.563706Z"},"history":[{"messageId":"m-rest-1","contextId":"9bb8bf8e-b188-4526-98b0-be8c2e017877","taskId":"874dbe13-6386-4c0a-b1d0-b4c8567b26e3","role":"ROLE_USER","parts":[{"text":"rest hello","filename":"","mediaType":""}],"extensions":[],"referenceTaskIds":[]},{"messageId":"a3d3ff8d-4dd7-4595-8781-de7220715c45","contextId":"9bb8bf8e-b188-4526-98b0-be8c2e017877","taskId":"874dbe13-6386-4c0a-b1d0-b4c8567b26e3","role":"ROLE_AGENT","parts":[{"text":"working...","filename":"","mediaType":""}],"extensions":[],"referenceTaskIds":[]}]}],"nextPageToken":"eyJ0cyI6MTc5NTYzNDI0MzU2MzcwNjAwMCwiaWQiOiI4NzRkYmUxMy02Mzg2LTRjMGEtYjFkMC1iNGM4NTY3YjI2ZTMifQ","pageSize":1,"totalSize":3}"#
    static let directMessageResponse = #"{"result":{"message":{"messageId":"reply-1","contextId":"1a63634e-8236-4ab7-8ff6-eaf32cc64d60","role":"ROLE_AGENT","parts":[{"text":"direct answer"}]}},"id":30,"jsonrpc":"2.0"}"#
    static let directMessageStreamEvent = #"{"result": {"message": {"messageId": "reply-1", "contextId": "5a30726c-8081-424e-8d40-de394fa92c17", "role": "ROLE_AGENT", "parts": [{"text": "direct answer"}]}}, "id": 31, "jsonrpc": "2.0"}"#
    static let inputRequiredEvent1 = #"{"task": {"id": "afdac440-7709-442b-a34a-baa7af85dd5e", "contextId": "6ad3f152-0350-461b-b7a6-17d26735ecc4", "status": {"state": "TASK_STATE_SUBMITTED"}, "history": [{"messageId": "m-rest-2", "contextId": "6ad3f152-0350-461b-b7a6-17d26735ecc4", "taskId": "afdac440-7709-442b-a34a-baa7af85dd5e", "role": "ROLE_USER", "parts": [{"text": "need input"}]}]}}"#
    static let inputRequiredEvent2 = #"{"statusUpdate": {"taskId": "afdac440-7709-442b-a34a-baa7af85dd5e", "contextId": "6ad3f152-0350-461b-b7a6-17d26735ecc4", "status": {"state": "TASK_STATE_WORKING", "message": {"messageId": "cce1badf-12c4-48b5-a260-01ddfb7f73a5", "contextId": "6ad3f152-0350-461b-b7a6-17d26735ecc4", "taskId": "afdac440-7709-442b-a34a-baa7af85dd5e", "role": "ROLE_AGENT", "parts": [{"text": "working..."}]}, "timestamp": "2026-11-25T19:17:31.260026Z"}}}"#
    static let inputRequiredEvent3 = #"{"statusUpdate": {"taskId": "afdac440-7709-442b-a34a-baa7af85dd5e", "contextId": "6ad3f152-0350-461b-b7a6-17d26735ecc4", "status": {"state": "TASK_STATE_INPUT_REQUIRED", "message": {"messageId": "1502d068-7595-42e7-8b57-f03a110a74d2", "contextId": "6ad3f152-0350-461b-b7a6-17d26735ecc4", "taskId": "afdac440-7709-442b-a34a-baa7af85dd5e", "role": "ROLE_AGENT", "parts": [{"text": "which city?"}]}, "timestamp": "2026-11-25T19:17:31.260153Z"}}}"#
    static let subscribeFirstEvent = #"{"task": {"id": "afdac440-7709-442b-a34a-baa7af85dd5e", "contextId": "6ad3f152-0350-461b-b7a6-17d26735ecc4", "status": {"state": "TASK_STATE_INPUT_REQUIRED", "message": {"messageId": "1502d068-7595-42e7-8b57-f03a110a74d2", "contextId": "6ad3f152-0350-461b-b7a6-17d26735ecc4", "taskId": "afdac440-7709-442b-a34a-baa7af85dd5e", "role": "ROLE_AGENT", "parts": [{"text": "which city?"}]}, "timestamp": "2026-11-25T19:17:31.260153Z"}, "history": [{"messageId": "m-rest-2", "contextId": "6ad3f152-0350-461b-b7a6-17d26735ecc4", "taskId": "afdac440-7709-442b-a34a-baa7af85dd5e", "role": "ROLE_USER", "parts": [{"text": "need input"}]}, {"messageId": "cce1badf-12c4-48b5-a260-01ddfb7f73a5", "contextId": "6ad3f152-0350-461b-b7a6-17d26735ecc4", "taskId": "afdac440-7709-442b-a34a-baa7af85dd5e", "role": "ROLE_AGENT", "parts": [{"text": "working..."}]}]}}"#
    static let followUpRequest = #"{"jsonrpc":"2.0","id":"s2","method":"SendStreamingMessage","params":{"message":{"messageId":"m-3","taskId":"afdac440-7709-442b-a34a-baa7af85dd5e","role":"ROLE_USER","parts":[{"text":"Paris"}]}}}"#
    static let followUpEvent1 = #"{"result": {"statusUpdate": {"taskId": "afdac440-7709-442b-a34a-baa7af85dd5e", "contextId": "452903a0-ce87-4d15-b4ad-bc31a9d56566", "status": {"state": "TASK_STATE_WORKING", "message": {"messageId": "4bc6ae90-5627-428b-a836-8928e856fdf0", "contextId": "452903a0-ce87-4d15-b4ad-bc31a9d56566", "taskId": "afdac440-7709-442b-a34a-baa7af85dd5e", "role": "ROLE_AGENT", "parts": [{"text": "working..."}]}, "timestamp": "2026-11-25T19:17:34.306078Z"}}}, "id": "s2", "jsonrpc": "2.0"}"#
    static let followUpEvent2 = #"{"result": {"artifactUpdate": {"taskId": "afdac440-7709-442b-a34a-baa7af85dd5e", "contextId": "452903a0-ce87-4d15-b4ad-bc31a9d56566", "artifact": {"artifactId": "fd474659-e8fd-4b34-a248-f11626432a92", "name": "reply", "parts": [{"text": "echo: Paris"}]}, "lastChunk": true}}, "id": "s2", "jsonrpc": "2.0"}"#
    static let followUpEvent3 = #"{"result": {"statusUpdate": {"taskId": "afdac440-7709-442b-a34a-baa7af85dd5e", "contextId": "452903a0-ce87-4d15-b4ad-bc31a9d56566", "status": {"state": "TASK_STATE_COMPLETED", "timestamp": "2026-11-25T19:17:34.361504Z"}}}, "id": "s2", "jsonrpc": "2.0"}"#
    static let terminalSubscribeResponse = #"{"error":{"code":-32004,"message":"Task afdac440-7709-442b-a34a-baa7af85dd5e is in terminal state: TASK_STATE_COMPLETED","data":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"UNSUPPORTED_OPERATION","domain":"a2a-protocol.org","metadata":{}}]},"id":"s3","jsonrpc":"2.0"}"#
}
