import A2A
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Tracing

/// Routes HTTP requests to the Agent Card and the two A2A bindings.
struct A2AResponder: HTTPResponder {
    typealias Context = A2ARequestContext

    let service: A2AService
    let paths: A2AServerPaths
    let maxBodyBytes: Int
    /// How often an idle event stream gets a `: ping` comment.
    let keepAlive: Duration
    /// Builds the call context from the connection (e.g. the TLS peer identity).
    let callContext: @Sendable (A2ARequestContext) async throws -> A2ACallContext

    private var jsonRPC: JSONRPCBinding { JSONRPCBinding(service: service) }
    private var rest: RESTBinding { RESTBinding(service: service) }

    func respond(to request: Request, context: A2ARequestContext) async throws -> Response {
        var path = request.uri.path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }  // `/a2a/jsonrpc/` is the same endpoint
        if path == A2AServerPaths.agentCard {
            return try cardResponse(request)
        }
        let binding: Binding
        let relativePath: String
        if path == paths.jsonRPC {
            binding = .jsonRPC
            relativePath = "/"
        } else if path.hasPrefix(paths.rest + "/") {
            binding = .rest
            relativePath = String(path.dropFirst(paths.rest.count))
        } else {
            return Response(status: .notFound, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(bytes: A2AError.methodNotFound(
                                "No A2A interface at \(path)").restStatusBody)))
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maxBodyBytes)
        } catch {
            return tooLarge(binding)
        }
        let a2aRequest = A2AHTTPRequest(
            method: request.method.rawValue, path: relativePath,
            query: request.uri.queryParameters.map { (name: String($0.key), value: String($0.value)) },
            headers: request.headers.map { (name: $0.name.rawName, value: $0.value) },
            body: Data(buffer: body, byteTransferStrategy: .noCopy))
        var call = try await callContext(context)
        // Continue the caller's trace (`traceparent`); the service names the span after the method.
        let tracer = service.tracer
        var parent = ServiceContext.current ?? .topLevel
        tracer.extract(a2aRequest.headers, into: &parent, using: HeaderListExtractor())
        let span = tracer.startSpan("A2A \(request.method.rawValue) \(path)", context: parent, ofKind: .server)
        defer { span.end() }
        if span.isRecording {
            span.updateAttributes { attributes in
                attributes["http.request.method"] = request.method.rawValue
                attributes["url.path"] = path
                attributes["a2a.binding"] = binding == .jsonRPC ? "JSONRPC" : "HTTP+JSON"
            }
        }
        call.span = span
        let answer: A2AHTTPResponse = await ServiceContext.withValue(span.context) { [call] in
            switch binding {
            case .jsonRPC: await jsonRPC.respond(to: a2aRequest, context: call)
            case .rest: await rest.respond(to: a2aRequest, context: call)
            }
        }
        return Self.response(answer, keepAlive: keepAlive)
    }

    private enum Binding { case jsonRPC, rest }

    private func tooLarge(_ binding: Binding) -> Response {
        let error = A2AError.invalidRequest("The request body is larger than the limit of \(maxBodyBytes) bytes")
        let body = binding == .jsonRPC ? JSONRPCResponse.failure(id: .null, error: error) : error.restStatusBody
        return Response(status: .contentTooLarge, headers: [.contentType: "application/json", .connection: "close"],
                        body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    private func cardResponse(_ request: Request) throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let configuration = service.configuration
        let data = try A2AJSON.encode(configuration.card)
        let etag = AgentCardETag.make(for: data)
        let modified = HTTPDate.format(configuration.cardModified)
        let notModified: Bool
        if let match = request.headers[.ifNoneMatch] {
            notModified = match.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == etag }
        } else if let since = request.headers[.ifModifiedSince].flatMap(HTTPDate.parse) {
            notModified = configuration.cardModified <= since
        } else {
            notModified = false
        }
        if notModified {
            return Response(status: .notModified, headers: [.eTag: etag, .lastModified: modified])
        }
        return Response(status: .ok, headers: [.contentType: "application/json", .eTag: etag,
                                               .lastModified: modified, .cacheControl: "max-age=60"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func response(_ answer: A2AHTTPResponse, keepAlive: Duration) -> Response {
        switch answer {
        case .body(let status, let contentType, let headers, let body):
            var fields: HTTPFields = [.contentType: contentType]
            for (name, value) in headers {
                if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
            }
            return Response(status: .init(code: status), headers: fields,
                            body: .init(byteBuffer: ByteBuffer(bytes: body)))
        case .eventStream(let headers, let events):
            var fields: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-store"]
            for (name, value) in headers {
                if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
            }
            return Response(status: .ok, headers: fields, body: SSEResponseBody.make(events, keepAlive: keepAlive))
        }
    }
}
