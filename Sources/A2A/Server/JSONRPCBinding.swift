import Foundation

/// The JSON-RPC 2.0 binding (spec §9): one POST per call at the interface URL; streaming methods
/// answer with SSE events that each carry a full JSON-RPC response.
public struct JSONRPCBinding: Sendable {
    public let service: A2AService

    public init(service: A2AService) {
        self.service = service
    }

    /// Answers one HTTP request made to the JSON-RPC interface URL.
    /// `context` carries what the transport proved (caller identity); the tenant comes from `params.tenant`.
    public func respond(to request: A2AHTTPRequest, context: A2ACallContext) async -> A2AHTTPResponse {
        guard request.method == "POST" else {
            return failure(id: .null, A2AError.invalidRequest("JSON-RPC requests must be sent with POST"),
                           status: 405, extra: [("Allow", "POST")])
        }
        guard let type = request.mediaType, type == "application/json" || type == "application/a2a+json" else {
            return failure(id: .null, A2AError.contentTypeNotSupported(
                "Content-Type must be application/json, got '\(request.header("Content-Type") ?? "none")'"))
        }
        let envelope: JSONRPCRequestEnvelope
        do {
            envelope = try JSONRPCRequestEnvelope(parsing: request.body)
        } catch {
            return failure(id: error.id, error.error)
        }
        var context = context
        let activated: [String]
        do {
            try A2AVersionNegotiation.check(request)
            context.requestedExtensions = A2AExtensionNegotiation.requested(by: request)
            activated = try A2AExtensionNegotiation.activate(context.requestedExtensions, card: service.card)
        } catch {
            return failure(id: envelope.id, error)
        }
        let headers = activated.isEmpty ? [] : [(name: "A2A-Extensions", value: activated.joined(separator: ","))]
        do {
            return try await call(envelope, context: context, headers: headers)
        } catch {
            context.recordFailure(error)
            return failure(id: envelope.id, error, extra: headers)
        }
    }

    private func call(_ envelope: JSONRPCRequestEnvelope, context: A2ACallContext,
                      headers: [(name: String, value: String)]) async throws(A2AError) -> A2AHTTPResponse
    {
        var context = context
        let id = envelope.id
        func tenant(_ value: String?) { context.tenant = value ?? "" }
        switch envelope.method {
        case .sendMessage:
            let params = try envelope.decodeParams(SendMessageRequest.self)
            tenant(params.tenant)
            return success(id, try await service.sendMessage(params, context: context), headers)
        case .sendStreamingMessage:
            let params = try envelope.decodeParams(SendMessageRequest.self)
            tenant(params.tenant)
            return stream(id, try await service.sendStreamingMessage(params, context: context), headers)
        case .getTask:
            let params = try envelope.decodeParams(GetTaskRequest.self)
            tenant(params.tenant)
            return success(id, try await service.getTask(params, context: context), headers)
        case .listTasks:
            let params = try envelope.decodeParams(ListTasksRequest.self, allowingMissing: true)
            tenant(params.tenant)
            return success(id, try await service.listTasks(params, context: context), headers)
        case .cancelTask:
            let params = try envelope.decodeParams(CancelTaskRequest.self)
            tenant(params.tenant)
            return success(id, try await service.cancelTask(params, context: context), headers)
        case .subscribeToTask:
            let params = try envelope.decodeParams(SubscribeToTaskRequest.self)
            tenant(params.tenant)
            return stream(id, try await service.subscribeToTask(params, context: context), headers)
        case .createTaskPushNotificationConfig:
            let params = try envelope.decodeParams(TaskPushNotificationConfig.self)
            tenant(params.tenant)
            return success(id, try await service.createPushConfig(params, context: context), headers)
        case .getTaskPushNotificationConfig:
            let params = try envelope.decodeParams(GetTaskPushNotificationConfigRequest.self)
            tenant(params.tenant)
            return success(id, try await service.getPushConfig(params, context: context), headers)
        case .listTaskPushNotificationConfigs:
            let params = try envelope.decodeParams(ListTaskPushNotificationConfigsRequest.self)
            tenant(params.tenant)
            return success(id, try await service.listPushConfigs(params, context: context), headers)
        case .deleteTaskPushNotificationConfig:
            let params = try envelope.decodeParams(DeleteTaskPushNotificationConfigRequest.self)
            tenant(params.tenant)
            try await service.deletePushConfig(params, context: context)
            return success(id, JSONValue.null, headers)
        case .getExtendedAgentCard:
            let params = try envelope.decodeParams(GetExtendedAgentCardRequest.self, allowingMissing: true)
            tenant(params.tenant)
            return success(id, try await service.extendedAgentCard(context: context), headers)
        }
    }

    private func success<Result: Encodable>(_ id: JSONRPCID, _ result: Result,
                                            _ headers: [(name: String, value: String)]) -> A2AHTTPResponse {
        .body(status: 200, contentType: "application/json", headers: headers,
              body: JSONRPCResponse.success(id: id, result: result))
    }

    private func stream(_ id: JSONRPCID, _ events: TaskEventStream,
                        _ headers: [(name: String, value: String)]) -> A2AHTTPResponse {
        .eventStream(headers: headers, events: A2ASSEPayloads(events: events) { event in
            JSONRPCResponse.success(id: id, result: event)
        })
    }

    private func failure(id: JSONRPCID, _ error: A2AError, status: Int = 200,
                         extra: [(name: String, value: String)] = []) -> A2AHTTPResponse {
        .body(status: status, contentType: "application/json", headers: extra,
              body: JSONRPCResponse.failure(id: id, error: error))
    }
}
