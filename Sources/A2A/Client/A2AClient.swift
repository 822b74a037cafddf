import Foundation

/// A client for one A2A agent, speaking JSON-RPC or HTTP+JSON as the agent's card offers.
///
/// Every request carries `A2A-Version: 1.0` and the selected interface's tenant. Agent errors
/// come back as `A2AClientError.remote(A2AError)` with the code the agent sent.
public struct A2AClient: Sendable {
    /// The agent's card.
    public let card: AgentCard
    /// The interface in use.
    public let interface: AgentInterface
    private let transport: any A2AHTTPTransport
    private let extensions: [String]
    private let maxResponseBytes: Int

    /// A client for `card`, using the first interface (in the card's order) whose binding is in
    /// `bindings` and whose protocol version is 1.x.
    public init(card: AgentCard, transport: any A2AHTTPTransport,
                bindings: [String] = [AgentInterface.Binding.jsonRPC, AgentInterface.Binding.httpJSON],
                extensions: [String] = [], maxResponseBytes: Int = 64 * 1024 * 1024) throws(A2AClientError) {
        guard let interface = card.supportedInterfaces.first(where: { candidate in
            bindings.contains(candidate.protocolBinding) && candidate.protocolVersion.hasPrefix("1.")
        }) else {
            let offered = card.supportedInterfaces.map { "\($0.protocolBinding) \($0.protocolVersion)" }
            throw A2AClientError.noUsableInterface(
                "the card offers [\(offered.joined(separator: ", "))]; this client speaks \(bindings.joined(separator: ", ")) 1.x")
        }
        guard URL(string: interface.url)?.host != nil else {
            throw A2AClientError.noUsableInterface("interface URL '\(interface.url)' is not an absolute URL")
        }
        self.card = card
        self.interface = interface
        self.transport = transport
        self.extensions = extensions
        self.maxResponseBytes = maxResponseBytes
    }

    /// Fetches the Agent Card at `baseURL/.well-known/agent-card.json`.
    public static func fetchCard(from baseURL: URL, transport: any A2AHTTPTransport) async throws -> AgentCard {
        let url = baseURL.appendingPathComponent(".well-known/agent-card.json")
        let response = try await transport.execute(
            A2AClientRequest(method: "GET", url: url, headers: [("Accept", "application/json")]))
        let body = try await response.collect(upTo: 4 * 1024 * 1024)
        guard response.status == 200 else {
            throw A2AClientError.httpStatus(response.status, String(decoding: body.prefix(512), as: UTF8.self))
        }
        do {
            return try A2AJSON.decode(AgentCard.self, from: body)
        } catch {
            throw A2AClientError.invalidResponse("the agent card does not decode: \(error)")
        }
    }

    private var tenant: String? { interface.tenant.flatMap { $0.isEmpty ? nil : $0 } }
    private var usesJSONRPC: Bool { interface.protocolBinding == AgentInterface.Binding.jsonRPC }

    // MARK: Operations

    public func sendMessage(_ request: SendMessageRequest) async throws -> SendMessageResponse {
        var request = request
        request.tenant = request.tenant ?? tenant
        if usesJSONRPC { return try await rpc(.sendMessage, request) }
        return try await rest("POST", "message:send", body: request)
    }

    /// Sends a text message (a convenience for `sendMessage(_:)`).
    public func sendMessage(text: String, contextID: String? = nil, taskID: String? = nil,
                            configuration: SendMessageConfiguration? = nil) async throws -> SendMessageResponse {
        try await sendMessage(SendMessageRequest(
            tenant: nil, message: .user(text, contextID: contextID, taskID: taskID),
            configuration: configuration, metadata: nil))
    }

    public func sendStreamingMessage(_ request: SendMessageRequest) async throws -> A2AClientEventStream {
        var request = request
        request.tenant = request.tenant ?? tenant
        if usesJSONRPC { return try await rpcStream(.sendStreamingMessage, request) }
        return try await restStream("POST", "message:stream", body: request)
    }

    public func getTask(id: String, historyLength: Int? = nil) async throws -> A2ATask {
        if usesJSONRPC {
            return try await rpc(.getTask, GetTaskRequest(tenant: tenant, id: id, historyLength: historyLength))
        }
        var query: [URLQueryItem] = []
        if let historyLength { query.append(URLQueryItem(name: "historyLength", value: String(historyLength))) }
        return try await rest("GET", "tasks/\(escape(id))", query: query)
    }

    public func listTasks(_ request: ListTasksRequest = ListTasksRequest()) async throws -> ListTasksResponse {
        var request = request
        request.tenant = request.tenant ?? tenant
        if usesJSONRPC { return try await rpc(.listTasks, request) }
        var query: [URLQueryItem] = []
        func add(_ name: String, _ value: String?) {
            if let value { query.append(URLQueryItem(name: name, value: value)) }
        }
        add("contextId", request.contextId)
        add("status", request.status?.rawValue)
        add("pageSize", request.pageSize.map(String.init))
        add("pageToken", request.pageToken)
        add("historyLength", request.historyLength.map(String.init))
        add("statusTimestampAfter", request.statusTimestampAfter.map(ProtoTimestamp.format))
        add("includeArtifacts", request.includeArtifacts.map { $0 ? "true" : "false" })
        return try await rest("GET", "tasks", query: query)
    }

    public func cancelTask(id: String) async throws -> A2ATask {
        let request = CancelTaskRequest(tenant: tenant, id: id, metadata: nil)
        if usesJSONRPC { return try await rpc(.cancelTask, request) }
        return try await rest("POST", "tasks/\(escape(id)):cancel", body: request)
    }

    public func subscribeToTask(id: String) async throws -> A2AClientEventStream {
        let request = SubscribeToTaskRequest(tenant: tenant, id: id)
        if usesJSONRPC { return try await rpcStream(.subscribeToTask, request) }
        return try await restStream("POST", "tasks/\(escape(id)):subscribe", body: request)
    }

    public func createPushConfig(_ config: TaskPushNotificationConfig) async throws -> TaskPushNotificationConfig {
        var config = config
        config.tenant = config.tenant ?? tenant
        if usesJSONRPC { return try await rpc(.createTaskPushNotificationConfig, config) }
        return try await rest("POST", "tasks/\(escape(config.taskId ?? ""))/pushNotificationConfigs", body: config)
    }

    public func getPushConfig(taskID: String, id: String) async throws -> TaskPushNotificationConfig {
        if usesJSONRPC {
            return try await rpc(.getTaskPushNotificationConfig,
                                 GetTaskPushNotificationConfigRequest(tenant: tenant, taskId: taskID, id: id))
        }
        return try await rest("GET", "tasks/\(escape(taskID))/pushNotificationConfigs/\(escape(id))")
    }

    public func listPushConfigs(taskID: String) async throws -> ListTaskPushNotificationConfigsResponse {
        if usesJSONRPC {
            return try await rpc(.listTaskPushNotificationConfigs,
                                 ListTaskPushNotificationConfigsRequest(tenant: tenant, taskId: taskID, pageSize: nil,
                                                                        pageToken: nil))
        }
        return try await rest("GET", "tasks/\(escape(taskID))/pushNotificationConfigs")
    }

    public func deletePushConfig(taskID: String, id: String) async throws {
        if usesJSONRPC {
            let _: JSONValue = try await rpc(.deleteTaskPushNotificationConfig,
                                             DeleteTaskPushNotificationConfigRequest(tenant: tenant, taskId: taskID, id: id))
            return
        }
        let _: JSONValue = try await rest("DELETE", "tasks/\(escape(taskID))/pushNotificationConfigs/\(escape(id))")
    }

    public func extendedAgentCard() async throws -> AgentCard {
        if usesJSONRPC { return try await rpc(.getExtendedAgentCard, GetExtendedAgentCardRequest(tenant: tenant)) }
        return try await rest("GET", "extendedAgentCard")
    }

    // MARK: JSON-RPC

    private func rpcRequest(_ method: A2AMethod, _ params: some Encodable, accept: String) throws -> A2AClientRequest {
        let id = JSONRPCID.string(RandomIdentifier.uuid())
        let body = try JSONRPCRequest.encode(id: id, method: method, params: params)
        return A2AClientRequest(method: "POST", url: URL(string: interface.url)!, headers: headers(accept: accept,
                                contentType: "application/json"), body: body)
    }

    private func rpc<Result: Decodable>(_ method: A2AMethod, _ params: some Encodable) async throws -> Result {
        let response = try await transport.execute(try rpcRequest(method, params, accept: "application/json"))
        let body = try await response.collect(upTo: maxResponseBytes)
        guard response.status == 200 else { throw Self.httpFailure(response.status, body) }
        return try Self.rpcResult(Result.self, from: body)
    }

    private func rpcStream(_ method: A2AMethod, _ params: some Encodable) async throws -> A2AClientEventStream {
        let response = try await transport.execute(try rpcRequest(method, params, accept: "text/event-stream"))
        guard response.isEventStream else {
            let body = try await response.collect(upTo: maxResponseBytes)
            guard response.status == 200 else { throw Self.httpFailure(response.status, body) }
            let result: StreamResponse = try Self.rpcResult(StreamResponse.self, from: body)
            return A2AClientEventStream(body: Self.single(result), decode: Self.decodeRESTEvent)
        }
        return A2AClientEventStream(body: response.body) { event in
            try Self.rpcResult(StreamResponse.self, from: Data(event.data.utf8))
        }
    }

    private static func rpcResult<Result: Decodable>(_ type: Result.Type, from body: Data) throws -> Result {
        let envelope: JSONRPCResponseEnvelope<Result>
        do {
            envelope = try JSONRPCResponseEnvelope<Result>(decoding: body)
        } catch {
            throw A2AClientError.invalidResponse(error.message)
        }
        switch envelope.result {
        case .success(let result): return result
        case .failure(let error): throw A2AClientError.remote(error)
        }
    }

    // MARK: HTTP+JSON

    private func restURL(_ path: String, query: [URLQueryItem]) -> URL {
        var base = interface.url
        while base.hasSuffix("/") { base.removeLast() }
        let prefix = tenant.map { "/\(escape($0))" } ?? ""
        var components = URLComponents(string: base + prefix + "/" + path)!
        if !query.isEmpty { components.queryItems = query }
        return components.url!
    }

    private func restRequest(_ method: String, _ path: String, query: [URLQueryItem], body: Data?,
                             accept: String) -> A2AClientRequest {
        A2AClientRequest(method: method, url: restURL(path, query: query),
                         headers: headers(accept: accept, contentType: body == nil ? nil : "application/json"),
                         body: body)
    }

    private func rest<Result: Decodable>(_ method: String, _ path: String, query: [URLQueryItem] = [],
                                         body: (some Encodable)? = Optional<JSONValue>.none) async throws -> Result {
        let data = try body.map { try A2AJSON.encode($0) }
        let response = try await transport.execute(restRequest(method, path, query: query, body: data,
                                                               accept: "application/json"))
        let bytes = try await response.collect(upTo: maxResponseBytes)
        guard (200..<300).contains(response.status) else { throw Self.restFailure(response.status, bytes) }
        if Result.self == JSONValue.self, bytes.isEmpty { return JSONValue.null as! Result }
        do {
            return try A2AJSON.decode(Result.self, from: bytes)
        } catch {
            throw A2AClientError.invalidResponse("\(Result.self) does not decode: \(error)")
        }
    }

    private func restStream(_ method: String, _ path: String, body: some Encodable) async throws -> A2AClientEventStream {
        let data = try A2AJSON.encode(body)
        let response = try await transport.execute(restRequest(method, path, query: [], body: data,
                                                               accept: "text/event-stream"))
        guard response.isEventStream else {
            let bytes = try await response.collect(upTo: maxResponseBytes)
            throw (200..<300).contains(response.status)
                ? A2AClientError.invalidResponse("expected an event stream, got \(response.header("Content-Type") ?? "no content type")")
                : Self.restFailure(response.status, bytes)
        }
        return A2AClientEventStream(body: response.body, decode: Self.decodeRESTEvent)
    }

    @Sendable private static func decodeRESTEvent(_ event: SSEEvent) throws -> StreamResponse {
        let data = Data(event.data.utf8)
        if event.event == "error" {
            throw restFailure(500, data)
        }
        do {
            return try A2AJSON.decode(StreamResponse.self, from: data)
        } catch {
            if let status = try? A2AError(restStatusBody: data) { throw A2AClientError.remote(status) }
            throw A2AClientError.invalidResponse("a stream event does not decode: \(error)")
        }
    }

    private static func restFailure(_ status: Int, _ body: Data) -> A2AClientError {
        if let error = try? A2AError(restStatusBody: body) { return .remote(error) }
        return .httpStatus(status, String(decoding: body.prefix(512), as: UTF8.self))
    }

    private static func httpFailure(_ status: Int, _ body: Data) -> A2AClientError {
        if case .failure(let error) = JSONRPCResponse.decode(JSONValue.self, from: body) { return .remote(error) }
        return .httpStatus(status, String(decoding: body.prefix(512), as: UTF8.self))
    }

    private static func single(_ event: StreamResponse) -> AsyncThrowingStream<[UInt8], any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: [UInt8].self)
        do {
            continuation.yield(SSEEvent.frame(json: try A2AJSON.encode(event)))
            continuation.finish()
        } catch {
            continuation.finish(throwing: A2AClientError.invalidResponse("the agent's event cannot be re-encoded: \(error)"))
        }
        return stream
    }

    // MARK: Common

    private func headers(accept: String, contentType: String?) -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = [("A2A-Version", A2AVersionNegotiation.current), ("Accept", accept)]
        if let contentType { headers.append(("Content-Type", contentType)) }
        if !extensions.isEmpty { headers.append(("A2A-Extensions", extensions.joined(separator: ","))) }
        return headers
    }

    private func escape(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#")))
            ?? segment
    }
}
