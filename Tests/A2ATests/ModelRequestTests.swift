import Foundation
import Testing

@testable import A2A

@Suite struct ModelRequestTests {
    private let pushConfig = TaskPushNotificationConfig(
        tenant: "acme", id: "cfg-1", taskId: "t-1", url: "https://client.example.com/hook", token: "tok",
        authentication: AuthenticationInfo(scheme: "Bearer", credentials: "s3cr3t"))

    @Test func sendMessageRequestRoundTripsWithEveryField() throws {
        let request = SendMessageRequest(
            tenant: "acme",
            message: Message(messageId: "m", role: .user, parts: [.text("hi")]),
            configuration: SendMessageConfiguration(
                acceptedOutputModes: ["text/plain"], taskPushNotificationConfig: pushConfig, historyLength: 0,
                returnImmediately: true),
            metadata: ["trace": "abc"])
        #expect(try Wire.roundTrip(request) == request)
        let tree = try Wire.tree(request)
        // An explicitly set historyLength of 0 is emitted (optional int32 has presence).
        #expect(tree["configuration"]?["historyLength"] == 0)
        #expect(tree["configuration"]?["returnImmediately"] == true)
    }

    @Test func sendMessageConfigurationOmitsDefaults() throws {
        #expect(try Wire.encode(SendMessageConfiguration()) == "{}")
        let decoded = try Wire.decode(SendMessageConfiguration.self, "{}")
        #expect(decoded == SendMessageConfiguration())
        #expect(!decoded.returnImmediately)
        #expect(decoded.historyLength == nil)
    }

    @Test func sendMessageRequestWithoutMessageNamesTheField() {
        let failure = Wire.failure(SendMessageRequest.self, #"{"configuration":{}}"#)
        #expect(failure?.field == "message")
        #expect(failure?.problem == "is required")
    }

    @Test func int32FieldsAcceptNumbersAndNumericStrings() throws {
        #expect(try Wire.decode(GetTaskRequest.self, #"{"id":"t","historyLength":5}"#).historyLength == 5)
        #expect(try Wire.decode(GetTaskRequest.self, #"{"id":"t","historyLength":"7"}"#).historyLength == 7)
        #expect(try Wire.decode(GetTaskRequest.self, #"{"id":"t","historyLength":"-3"}"#).historyLength == -3)
        #expect(try Wire.decode(GetTaskRequest.self, #"{"id":"t","historyLength":2.0}"#).historyLength == 2)
        #expect(try Wire.decode(GetTaskRequest.self, #"{"id":"t","historyLength":null}"#).historyLength == nil)
    }

    @Test(arguments: [#""abc""#, "1.5", "true", "2147483648", #""99999999999""#, "[1]"])
    func int32FieldsRejectOtherValues(value: String) {
        let failure = Wire.failure(GetTaskRequest.self, #"{"id":"t","historyLength":\#(value)}"#)
        #expect(failure?.field == "historyLength")
    }

    @Test func getTaskRequestRoundTrips() throws {
        let request = GetTaskRequest(tenant: "x", id: "t", historyLength: 3)
        #expect(try Wire.roundTrip(request) == request)
        #expect(try Wire.encode(GetTaskRequest(id: "t")) == #"{"id":"t"}"#)
    }

    @Test func listTasksRequestRoundTripsWithEveryField() throws {
        let request = ListTasksRequest(
            tenant: "x", contextId: "c", status: .working, pageSize: 10, pageToken: "p", historyLength: 2,
            statusTimestampAfter: try Wire.date("2026-11-25T19:00:00.000Z"), includeArtifacts: false)
        #expect(try Wire.roundTrip(request) == request)
        let tree = try Wire.tree(request)
        #expect(tree["status"] == "TASK_STATE_WORKING")
        #expect(tree["statusTimestampAfter"] == "2026-11-25T19:00:00.000Z")
        #expect(tree["includeArtifacts"] == false)
        #expect(try Wire.encode(ListTasksRequest()) == "{}")
    }

    @Test func listTasksRequestRejectsUnknownStatus() {
        let failure = Wire.failure(ListTasksRequest.self, #"{"status":"TASK_STATE_PAUSED"}"#)
        #expect(failure?.field == "status")
    }

    @Test func listTasksResponseAlwaysEmitsPagingFields() throws {
        let last = ListTasksResponse(tasks: [], nextPageToken: "", pageSize: 50, totalSize: 0)
        #expect(try Wire.encode(last) == #"{"nextPageToken":"","pageSize":50,"tasks":[],"totalSize":0}"#)
        #expect(try Wire.roundTrip(last) == last)
        let page = ListTasksResponse(
            tasks: [A2ATask(id: "t", contextId: "c", status: TaskStatus(state: .completed))], nextPageToken: "n",
            pageSize: 1, totalSize: 3)
        #expect(try Wire.roundTrip(page) == page)
        #expect(try Wire.decode(ListTasksResponse.self, "{}") == last.with(pageSize: 0))
    }

    @Test func cancelAndSubscribeRequestsRoundTrip() throws {
        let cancel = CancelTaskRequest(tenant: "x", id: "t", metadata: ["why": "user"])
        #expect(try Wire.roundTrip(cancel) == cancel)
        #expect(Wire.failure(CancelTaskRequest.self, "{}")?.field == "id")
        let subscribe = SubscribeToTaskRequest(tenant: "x", id: "t")
        #expect(try Wire.roundTrip(subscribe) == subscribe)
        #expect(Wire.failure(SubscribeToTaskRequest.self, #"{"tenant":"x"}"#)?.field == "id")
    }

    @Test func pushNotificationConfigRoundTripsAndRequiresURL() throws {
        #expect(try Wire.roundTrip(pushConfig) == pushConfig)
        #expect(Wire.failure(TaskPushNotificationConfig.self, #"{"id":"c"}"#)?.field == "url")
        #expect(
            Wire.failure(TaskPushNotificationConfig.self, #"{"url":"u","authentication":{}}"#)?.field
                == "authentication.scheme")
        let minimal = TaskPushNotificationConfig(url: "https://h")
        #expect(try Wire.encode(minimal) == #"{"url":"https://h"}"#)
    }

    @Test func pushNotificationConfigRequestsRoundTrip() throws {
        let get = GetTaskPushNotificationConfigRequest(tenant: "x", taskId: "t", id: "c")
        #expect(try Wire.roundTrip(get) == get)
        #expect(Wire.failure(GetTaskPushNotificationConfigRequest.self, #"{"taskId":"t"}"#)?.field == "id")
        let delete = DeleteTaskPushNotificationConfigRequest(taskId: "t", id: "c")
        #expect(try Wire.roundTrip(delete) == delete)
        #expect(Wire.failure(DeleteTaskPushNotificationConfigRequest.self, #"{"id":"c"}"#)?.field == "taskId")
        let list = ListTaskPushNotificationConfigsRequest(tenant: "x", taskId: "t", pageSize: 5, pageToken: "p")
        #expect(try Wire.roundTrip(list) == list)
        // The main-branch TCK sends snake_case here.
        #expect(try Wire.decode(ListTaskPushNotificationConfigsRequest.self, #"{"task_id":"t"}"#).taskId == "t")
        let response = ListTaskPushNotificationConfigsResponse(configs: [pushConfig], nextPageToken: "n")
        #expect(try Wire.roundTrip(response) == response)
        #expect(try Wire.encode(ListTaskPushNotificationConfigsResponse(configs: [])) == "{}")
    }

    @Test func extendedAgentCardRequestAndEmptyResponse() throws {
        #expect(try Wire.roundTrip(GetExtendedAgentCardRequest(tenant: "t")) == GetExtendedAgentCardRequest(tenant: "t"))
        #expect(try Wire.decode(GetExtendedAgentCardRequest.self, "{}").tenant == nil)
        #expect(try Wire.encode(EmptyResponse()) == "{}")
        #expect(try Wire.decode(EmptyResponse.self, "null") == EmptyResponse())
        #expect(try Wire.decode(EmptyResponse.self, "{}") == EmptyResponse())
        #expect(Wire.failure(EmptyResponse.self, "[]")?.problem == "must be an empty object or null")
    }
}

extension ListTasksResponse {
    fileprivate func with(pageSize: Int) -> ListTasksResponse {
        var copy = self
        copy.pageSize = pageSize
        return copy
    }
}
