import Foundation

/// The HTTP+JSON binding (spec §11): resource routes, ProtoJSON bodies, `google.rpc.Status`
/// errors, and SSE events carrying bare `StreamResponse` objects.
public struct RESTBinding: Sendable {
    public let service: A2AService

    public init(service: A2AService) {
        self.service = service
    }

    /// Answers one HTTP request whose path is relative to the REST interface URL.
    public func respond(to request: A2AHTTPRequest, context: A2ACallContext) async -> A2AHTTPResponse {
        // Answer in the media type the client used (the TCK wants application/json, the 1.0.1 spec
        // prefers application/a2a+json).
        let replyType = request.mediaType == "application/a2a+json" ? "application/a2a+json" : "application/json"
        guard let (route, tenant) = RESTRoute.match(method: request.method, path: request.path) else {
            return failure(.methodNotFound("No A2A operation at \(request.method) \(request.path)"), type: replyType)
        }
        var context = context
        context.tenant = tenant
        var headers: [(name: String, value: String)] = []
        do {
            try A2AVersionNegotiation.check(request)
            context.requestedExtensions = A2AExtensionNegotiation.requested(by: request)
            let activated = try A2AExtensionNegotiation.activate(context.requestedExtensions, card: service.card)
            if !activated.isEmpty { headers.append(("A2A-Extensions", activated.joined(separator: ","))) }
            return try await call(route, request: request, context: context, type: replyType, headers: headers)
        } catch {
            context.recordFailure(error)
            return failure(error, type: replyType, headers: headers)
        }
    }

    private func call(_ route: RESTRoute, request: A2AHTTPRequest, context: A2ACallContext, type: String,
                      headers: [(name: String, value: String)]) async throws(A2AError) -> A2AHTTPResponse
    {
        func ok<T: Encodable>(_ value: T) throws(A2AError) -> A2AHTTPResponse {
            do {
                return .body(status: 200, contentType: type, headers: headers, body: try A2AJSON.encode(value))
            } catch {
                throw A2AError.internalError("could not encode the response")
            }
        }
        switch route {
        case .sendMessage:
            return try ok(try await service.sendMessage(try body(request, SendMessageRequest.self), context: context))
        case .sendStreamingMessage:
            let events = try await service.sendStreamingMessage(try body(request, SendMessageRequest.self),
                                                                 context: context)
            return stream(events, headers)
        case .getTask(let id):
            let params = GetTaskRequest(tenant: nil, id: id, historyLength: try intParam(request, "historyLength"))
            return try ok(try await service.getTask(params, context: context))
        case .listTasks:
            return try ok(try await service.listTasks(try listRequest(request), context: context))
        case .cancelTask(let id):
            var params = request.body.isEmpty
                ? CancelTaskRequest(tenant: nil, id: id, metadata: nil) : try body(request, CancelTaskRequest.self, id: id)
            params.id = id
            return try ok(try await service.cancelTask(params, context: context))
        case .subscribeToTask(let id):
            let events = try await service.subscribeToTask(SubscribeToTaskRequest(tenant: nil, id: id), context: context)
            return stream(events, headers)
        case .createPushConfig(let taskID):
            var config = try body(request, TaskPushNotificationConfig.self, taskID: taskID)
            config.taskId = taskID
            return try ok(try await service.createPushConfig(config, context: context))
        case .getPushConfig(let taskID, let id):
            let params = GetTaskPushNotificationConfigRequest(tenant: nil, taskId: taskID, id: id)
            return try ok(try await service.getPushConfig(params, context: context))
        case .listPushConfigs(let taskID):
            let params = ListTaskPushNotificationConfigsRequest(
                tenant: nil, taskId: taskID, pageSize: try intParam(request, "pageSize"),
                pageToken: request.queryValues("pageToken").first)
            return try ok(try await service.listPushConfigs(params, context: context))
        case .deletePushConfig(let taskID, let id):
            let params = DeleteTaskPushNotificationConfigRequest(tenant: nil, taskId: taskID, id: id)
            try await service.deletePushConfig(params, context: context)
            return .body(status: 200, contentType: type, headers: headers, body: Data("{}".utf8))
        case .extendedAgentCard:
            return try ok(try await service.extendedAgentCard(context: context))
        }
    }

    /// Decodes the JSON body. For routes whose path carries ids, the body may omit them.
    private func body<T: Decodable>(_ request: A2AHTTPRequest, _ type: T.Type, id: String? = nil,
                                    taskID: String? = nil) throws(A2AError) -> T {
        guard let mediaType = request.mediaType,
              mediaType == "application/json" || mediaType == "application/a2a+json" else {
            throw A2AError.contentTypeNotSupported(
                "Content-Type must be application/json or application/a2a+json, got '\(request.header("Content-Type") ?? "none")'")
        }
        var data = request.body
        if id != nil || taskID != nil {
            data = try Self.injectingPathIDs(into: data, id: id, taskID: taskID)
        }
        return try A2AJSON.decodeRequest(T.self, from: data)
    }

    /// Adds `id`/`taskId` from the path to a JSON object body that lacks them.
    private static func injectingPathIDs(into data: Data, id: String?, taskID: String?) throws(A2AError) -> Data {
        let value: JSONValue
        do {
            value = data.isEmpty ? .object([:]) : try A2AJSON.decode(JSONValue.self, from: data)
        } catch {
            throw A2AError.parseError("The request body is not valid JSON")
        }
        guard case .object(var object) = value else {
            throw A2AError.invalidParams("The request body must be a JSON object")
        }
        if let id, object["id"] == nil { object["id"] = .string(id) }
        if let taskID, object["taskId"] == nil { object["taskId"] = .string(taskID) }
        do {
            return try A2AJSON.encode(JSONValue.object(object))
        } catch {
            throw A2AError.internalError("could not re-encode the request body")
        }
    }

    private func listRequest(_ request: A2AHTTPRequest) throws(A2AError) -> ListTasksRequest {
        var status: TaskState?
        if let raw = request.queryValues("status").first {
            guard let state = TaskState(rawValue: raw) else {
                throw A2AError.invalidParams("status '\(raw)' is not a TaskState (e.g. TASK_STATE_WORKING)")
            }
            status = state
        }
        var after: Date?
        if let raw = request.queryValues("statusTimestampAfter").first {
            guard let date = ProtoTimestamp.parse(raw) else {
                throw A2AError.invalidParams("statusTimestampAfter '\(raw)' is not an RFC 3339 timestamp")
            }
            after = date
        }
        var includeArtifacts: Bool?
        if let raw = request.queryValues("includeArtifacts").first {
            guard let flag = Bool(raw.lowercased()) else {
                throw A2AError.invalidParams("includeArtifacts must be true or false, got '\(raw)'")
            }
            includeArtifacts = flag
        }
        return ListTasksRequest(
            tenant: nil, contextId: request.queryValues("contextId").first, status: status,
            pageSize: try intParam(request, "pageSize"), pageToken: request.queryValues("pageToken").first,
            historyLength: try intParam(request, "historyLength"), statusTimestampAfter: after,
            includeArtifacts: includeArtifacts)
    }

    private func intParam(_ request: A2AHTTPRequest, _ name: String) throws(A2AError) -> Int? {
        guard let raw = request.queryValues(name).first else { return nil }
        guard let value = Int(raw) else { throw A2AError.invalidParams("\(name) must be an integer, got '\(raw)'") }
        return value
    }

    private func stream(_ events: TaskEventStream, _ headers: [(name: String, value: String)]) -> A2AHTTPResponse {
        .eventStream(headers: headers, events: A2ASSEPayloads(events: events) { event in
            // Only a non-finite number inside `data`/`metadata` cannot be encoded: report it in the
            // stream as a `google.rpc.Status` error (which clients raise) instead of dropping it.
            (try? A2AJSON.encode(event))
                ?? A2AError.internalError("a stream event could not be encoded as JSON").restStatusBody
        })
    }

    private func failure(_ error: A2AError, type: String, headers: [(name: String, value: String)] = [])
        -> A2AHTTPResponse
    {
        .body(status: error.httpStatus, contentType: type, headers: headers, body: error.restStatusBody)
    }
}
