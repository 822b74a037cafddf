import A2A
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Tracing

/// Delivers push notifications with AsyncHTTPClient: `POST <url>` with the event as JSON, the
/// config's token in `X-A2A-Notification-Token`, its authentication in `Authorization`, and the
/// trace context of the event (`traceparent`), so the receiver can continue the task's trace.
public struct HTTPPushNotificationSender: PushNotificationSender {
    private let client: HTTPClient
    private let timeout: TimeAmount
    private let tracer: any Tracer

    public init(client: HTTPClient = .shared, timeout: Duration = .seconds(10),
                tracer: any Tracer = InstrumentationSystem.tracer) {
        self.client = client
        self.tracer = tracer
        self.timeout = .milliseconds(Int64(timeout.components.seconds) * 1000
            + timeout.components.attoseconds / 1_000_000_000_000_000)
    }

    public func deliver(_ event: StreamResponse, to config: TaskPushNotificationConfig) async throws {
        var request = HTTPClientRequest(url: config.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        if let token = config.token, !token.isEmpty {
            request.headers.add(name: "X-A2A-Notification-Token", value: token)
        }
        if let auth = config.authentication {
            let value = auth.credentials.map { "\(auth.scheme) \($0)" } ?? auth.scheme
            request.headers.add(name: "Authorization", value: value)
        }
        if let trace = ServiceContext.current {
            var headers: [(name: String, value: String)] = []
            tracer.inject(trace, into: &headers, using: HeaderListInjector())
            for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        }
        request.body = .bytes(ByteBuffer(bytes: try A2AJSON.encode(event)))
        let response = try await client.execute(request, timeout: timeout)
        _ = try await response.body.collect(upTo: 64 * 1024)
        guard (200..<300).contains(response.status.code) else {
            throw PushDeliveryError(status: Int(response.status.code), url: config.url)
        }
    }
}

/// A webhook answered with a non-2xx status.
public struct PushDeliveryError: Error, Sendable, CustomStringConvertible {
    public let status: Int
    public let url: String

    public var description: String { "the webhook \(url) answered HTTP \(status)" }
}
