import Foundation
import Testing

@testable import A2A

@Suite struct ModelTaskTests {
    private func sampleMessage() -> Message {
        Message(
            messageId: "m-1", contextId: "ctx", taskId: "t-1", role: .user, parts: [.text("hello"), .data(["n": 1])],
            metadata: ["https://example.com/ext/v1": ["lat": 1.5]], extensions: ["https://example.com/ext/v1"],
            referenceTaskIds: ["t-0"])
    }

    private func sampleTask() throws -> A2ATask {
        A2ATask(
            id: "t-1", contextId: "ctx",
            status: TaskStatus(
                state: .completed,
                message: Message(messageId: "m-2", role: .agent, parts: [.text("done")]),
                timestamp: try Wire.date("2026-11-25T19:23:34.559Z")),
            artifacts: [
                Artifact(
                    artifactId: "a-1", name: "reply", description: "the reply", parts: [.text("echo")],
                    metadata: ["size": 4], extensions: ["urn:x"])
            ],
            history: [sampleMessage()], metadata: ["origin": "test"])
    }

    @Test func taskStateNamesAndClassification() throws {
        #expect(TaskState.allCases.count == 9)
        #expect(TaskState.inputRequired.rawValue == "TASK_STATE_INPUT_REQUIRED")
        #expect(TaskState.authRequired.rawValue == "TASK_STATE_AUTH_REQUIRED")
        #expect(TaskState.canceled.rawValue == "TASK_STATE_CANCELED")
        #expect(TaskState.allCases.filter(\.isTerminal) == [.completed, .failed, .canceled, .rejected])
        #expect(TaskState.allCases.filter(\.isInterrupted) == [.inputRequired, .authRequired])
        for state in TaskState.allCases {
            #expect(try Wire.roundTrip(state) == state)
            #expect(try Wire.encode(state) == "\"\(state.rawValue)\"")
        }
    }

    @Test func enumsAcceptTheirProtoNumber() throws {
        #expect(try Wire.decode(TaskState.self, "6") == .inputRequired)
        #expect(try Wire.decode(Role.self, "2") == .agent)
        #expect(Wire.failure(Role.self, "3")?.problem == "has unknown Role number 3")
    }

    @Test func v03EnumSpellingsAreRejectedWithTheAcceptedValues() {
        let failure = Wire.failure(Message.self, #"{"messageId":"m","role":"user","parts":[{"text":"x"}]}"#)
        #expect(failure?.field == "role")
        #expect(
            failure?.problem == "has unknown Role value 'user' (expected one of ROLE_UNSPECIFIED, ROLE_USER, ROLE_AGENT)")
        let state = Wire.failure(TaskStatus.self, #"{"state":"completed"}"#)
        #expect(state?.field == "state")
        #expect(state?.problem.hasPrefix("has unknown TaskState value 'completed'") == true)
    }

    @Test func roleRoundTrips() throws {
        for role in Role.allCases {
            #expect(try Wire.roundTrip(role) == role)
        }
        #expect(try Wire.encode(Role.user) == #""ROLE_USER""#)
    }

    @Test func messageRoundTripsWithEveryField() throws {
        let message = sampleMessage()
        #expect(try Wire.roundTrip(message) == message)
        let tree = try Wire.tree(message)
        #expect(tree["role"] == "ROLE_USER")
        #expect(tree["referenceTaskIds"] == ["t-0"])
    }

    @Test func emptyRepeatedAndAbsentOptionalFieldsAreOmitted() throws {
        let message = Message(messageId: "m", role: .agent, parts: [.text("x")])
        #expect(try Wire.encode(message) == #"{"messageId":"m","parts":[{"text":"x"}],"role":"ROLE_AGENT"}"#)
        let task = A2ATask(id: "t", contextId: "c", status: TaskStatus(state: .submitted))
        #expect(try Wire.encode(task) == #"{"contextId":"c","id":"t","status":{"state":"TASK_STATE_SUBMITTED"}}"#)
    }

    @Test func absentRepeatedFieldsDecodeAsEmpty() throws {
        let task = try Wire.decode(A2ATask.self, #"{"id":"t","contextId":"c","status":{"state":"TASK_STATE_WORKING"}}"#)
        #expect(task.artifacts.isEmpty)
        #expect(task.history.isEmpty)
        #expect(task.metadata == nil)
        #expect(task.status.timestamp == nil)
    }

    @Test func taskRoundTripsWithEveryField() throws {
        let task = try sampleTask()
        #expect(try Wire.roundTrip(task) == task)
        #expect(try Wire.tree(task)["status"]?["timestamp"] == "2026-11-25T19:23:34.559Z")
    }

    @Test(arguments: [
        (#"{"contextId":"c","status":{"state":"TASK_STATE_WORKING"}}"#, "id"),
        (#"{"id":"t","status":{"state":"TASK_STATE_WORKING"}}"#, "contextId"),
        (#"{"id":"t","contextId":"c"}"#, "status"),
        (#"{"id":"t","contextId":"c","status":{}}"#, "status.state"),
        (#"{"id":"t","contextId":"c","status":{"state":"TASK_STATE_WORKING"},"history":[{"role":"ROLE_USER","parts":[]}]}"#,
            "history[0].messageId"),
        (#"{"id":"t","contextId":"c","status":{"state":"TASK_STATE_WORKING"},"artifacts":[{"artifactId":"a"}]}"#,
            "artifacts[0].parts"),
        (#"{"id":null,"contextId":"c","status":{"state":"TASK_STATE_WORKING"}}"#, "id"),
    ])
    func missingRequiredFieldsAreNamed(json: String, field: String) {
        let failure = Wire.failure(A2ATask.self, json)
        #expect(failure?.field == field)
        #expect(failure?.problem == "is required")
    }

    @Test func snakeCaseFieldNamesAreAccepted() throws {
        let event = try Wire.decode(
            TaskArtifactUpdateEvent.self,
            #"{"task_id":"t","context_id":"c","artifact":{"artifact_id":"a","parts":[{"text":"x","media_type":"text/plain"}]},"last_chunk":true}"#
        )
        #expect(event.taskId == "t")
        #expect(event.contextId == "c")
        #expect(event.artifact.artifactId == "a")
        #expect(event.artifact.parts.first?.mediaType == "text/plain")
        #expect(event.lastChunk)
        #expect(!event.append)
    }

    @Test func unknownFieldsAreIgnoredEverywhere() throws {
        let json = #"""
            {"id":"t","kind":"task","contextId":"c","extra":[1,2],
             "status":{"state":"TASK_STATE_WORKING","final":false,
                       "message":{"messageId":"m","role":"ROLE_AGENT","kind":"message","parts":[{"text":"x","z":1}]}},
             "artifacts":[{"artifactId":"a","index":3,"parts":[{"url":"u"}]}]}
            """#
        let task = try Wire.decode(A2ATask.self, json)
        #expect(task.status.message?.parts == [.text("x")])
        #expect(task.artifacts.first?.parts == [.url("u")])
    }

    @Test func statusUpdateEventRoundTrips() throws {
        let event = TaskStatusUpdateEvent(
            taskId: "t", contextId: "c",
            status: TaskStatus(state: .inputRequired, timestamp: try Wire.date("2026-11-25T19:17:31.260Z")),
            metadata: ["k": true])
        #expect(try Wire.roundTrip(event) == event)
    }

    @Test func artifactUpdateEmitsAppendAndLastChunkOnlyWhenTrue() throws {
        let artifact = Artifact(artifactId: "a", parts: [.text("x")])
        let plain = TaskArtifactUpdateEvent(taskId: "t", contextId: "c", artifact: artifact)
        #expect(try Wire.tree(plain)["append"] == nil)
        #expect(try Wire.tree(plain)["lastChunk"] == nil)
        let flagged = TaskArtifactUpdateEvent(
            taskId: "t", contextId: "c", artifact: artifact, append: true, lastChunk: true, metadata: ["i": 1])
        #expect(try Wire.tree(flagged)["append"] == true)
        #expect(try Wire.tree(flagged)["lastChunk"] == true)
        #expect(try Wire.roundTrip(flagged) == flagged)
        #expect(try Wire.roundTrip(plain) == plain)
    }

    @Test func streamResponseIsAOneKeyObject() throws {
        let task = try sampleTask()
        let events: [(StreamResponse, String)] = [
            (.task(task), "task"),
            (.message(sampleMessage()), "message"),
            (.statusUpdate(TaskStatusUpdateEvent(taskId: "t", contextId: "c", status: TaskStatus(state: .working))),
                "statusUpdate"),
            (.artifactUpdate(
                TaskArtifactUpdateEvent(taskId: "t", contextId: "c", artifact: Artifact(artifactId: "a", parts: []))),
                "artifactUpdate"),
        ]
        for (event, key) in events {
            let tree = try Wire.tree(event)
            #expect(tree.objectValue?.keys.sorted() == [key])
            #expect(try Wire.roundTrip(event) == event)
        }
    }

    @Test func streamResponseRejectsZeroOrTwoMembers() {
        #expect(
            Wire.failure(StreamResponse.self, #"{"kind":"status-update"}"#)?.problem
                == "must have exactly one of task, message, statusUpdate or artifactUpdate (found none)")
        let two = #"{"message":{"messageId":"m","role":"ROLE_AGENT","parts":[]},"task":{"id":"t","contextId":"c","status":{"state":"TASK_STATE_WORKING"}}}"#
        #expect(Wire.failure(StreamResponse.self, two)?.problem.hasSuffix("(found task and message)") == true)
    }

    @Test func sendMessageResponseRoundTrips() throws {
        let task = SendMessageResponse.task(try sampleTask())
        let message = SendMessageResponse.message(sampleMessage())
        #expect(try Wire.roundTrip(task) == task)
        #expect(try Wire.roundTrip(message) == message)
        #expect(try Wire.tree(message).objectValue?.keys.sorted() == ["message"])
        #expect(Wire.failure(SendMessageResponse.self, "{}")?.problem.contains("found none") == true)
    }
}
