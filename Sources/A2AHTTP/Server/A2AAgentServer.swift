import A2A
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

/// An A2A agent served over HTTP/1.1: the Agent Card, JSON-RPC and HTTP+JSON, with SSE streaming.
///
/// Runs as a `Service`: it runs the agent's task engine and the HTTP server together, and on
/// graceful shutdown stops accepting messages, lets running handlers finish and closes the server.
public struct A2AAgentServer: Service {
    public let service: A2AService
    private let application: Application<A2AResponder>

    /// - Parameters:
    ///   - host, port: where to listen (`port: 0` picks a free port; see `onListening`).
    ///   - makeCard: builds the card once the server's base URL is known (its interfaces must point here).
    ///   - onListening: called with the base URL once the server accepts connections.
    ///   - callContext: derives the caller's facts from the connection (default: unauthenticated).
    ///   - serverBuilder, scheme: the connection layer (plain HTTP/1.1 by default; a TLS layer
    ///     passes its builder and `"https"`).
    ///   - sseKeepAlive: how often an idle event stream gets a `: ping` comment (a client that went
    ///     away is noticed then, and its subscription released).
    public init(
        service: A2AService, host: String = "127.0.0.1", port: Int = 0, paths: A2AServerPaths = A2AServerPaths(),
        maxBodyBytes: Int = 8 * 1024 * 1024,
        serverBuilder: HTTPServerBuilder = .http1(), scheme: String = "http", sseKeepAlive: Duration = .seconds(15),
        makeCard: (@Sendable (URL) -> AgentCard)? = nil,
        onListening: @escaping @Sendable (URL) async -> Void = { _ in },
        callContext: @escaping @Sendable (A2ARequestContext) async throws -> A2ACallContext = { _ in A2ACallContext() },
        logger: Logger = Logger(label: "a2a.server")
    ) {
        self.service = service
        let responder = A2AResponder(service: service, paths: paths, maxBodyBytes: maxBodyBytes,
                                     keepAlive: sseKeepAlive, callContext: callContext)
        var application = Application(
            responder: responder,
            server: serverBuilder,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? port
                let url = URL(string: "\(scheme)://\(Self.urlHost(host)):\(port)")!
                if let makeCard { service.updateCard(makeCard(url)) }
                await onListening(url)
            },
            logger: logger)
        application.addServices(EngineService(service: service))
        self.application = application
    }

    public func run() async throws {
        try await application.run()
    }

    private static func urlHost(_ host: String) -> String {
        host.contains(":") ? "[\(host)]" : host
    }
}

/// Runs an `A2AService`'s engine as a service.
struct EngineService: Service {
    let service: A2AService

    func run() async {
        await withGracefulShutdownHandler {
            await service.run()
        } onGracefulShutdown: {
            service.shutdown()
        }
    }
}
