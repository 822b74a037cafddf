import A2A
import A2AHTTP
import Foundation
import HexrTestSupport
import Logging
import Tracing

/// Runs an agent server on 127.0.0.1 with a free port for the duration of `body`.
func withAgentServer<T: Sendable>(
    handler: any AgentHandler = EchoAgent(),
    store: any TaskStore = InMemoryTaskStore(),
    card: @escaping @Sendable (URL) -> AgentCard = { EchoAgent.card(baseURL: $0) },
    maxBodyBytes: Int = 8 * 1024 * 1024,
    pushSender: (any PushNotificationSender)? = HTTPPushNotificationSender(),
    tracer: any Tracer = NoOpTracer(),
    _ body: @Sendable (_ baseURL: URL, _ service: A2AService) async throws -> T
) async throws -> T {
    var logger = Logger(label: "test.agent")
    logger.logLevel = .warning
    let service = A2AService(configuration: A2AServiceConfiguration(card: card(URL(string: "http://127.0.0.1:1")!),
                                                                      pushRetryDelays: [.milliseconds(20), .milliseconds(50), .milliseconds(100)],
                                                                      tracer: tracer),
                             handler: handler, store: store, pushSender: pushSender, logger: logger)
    let (urls, urlSink) = AsyncStream.makeStream(of: URL.self)
    let server = A2AAgentServer(service: service, maxBodyBytes: maxBodyBytes, makeCard: card,
                                onListening: { url in urlSink.yield(url) }, logger: logger)
    return try await withRunningServer([server], reporting: urls, logger: logger) { url in try await body(url, service) }
}

/// A client for the agent at `baseURL`, speaking `binding`.
func makeClient(_ baseURL: URL, binding: String, transport: PooledHTTPClient = PooledHTTPClient()) async throws
    -> A2AClient
{
    let card = try await A2AClient.fetchCard(from: baseURL, transport: transport)
    return try A2AClient(card: card, transport: transport, bindings: [binding])
}
