import A2A
import A2AHTTP
import Foundation
import HexrTestSupport
import HexrTransport
import Logging
import SPIFFE

/// Answers every message with the caller's verified SPIFFE ID as a direct message.
struct WhoAmIAgent: AgentHandler {
    func handle(_ task: TaskContext) async throws {
        try await task.reply("caller=\(task.call.caller ?? "none")")
    }
}

/// Runs a WhoAmI agent over mTLS for the duration of `body`; the server takes its TLS identity from `source`
/// (a `StaticTLSIdentitySource`, or an `X509Source` as in production).
func withMTLSServer<T: Sendable>(
    source: any TLSIdentitySource, refusals: TLSRefusalLog = TLSRefusalLog(logger: quietLogger),
    handler: any AgentHandler = WhoAmIAgent(),
    _ body: @Sendable (_ baseURL: URL, _ refusals: TLSRefusalLog) async throws -> T
) async throws -> T {
    let security = MTLSAgentServer.Security(source: source, refusals: refusals)
    let service = A2AService(configuration: A2AServiceConfiguration(card: .minimal(name: "whoami")), handler: handler,
                             logger: quietLogger)
    let (urls, sink) = AsyncStream.makeStream(of: URL.self)
    let paths = A2AServerPaths()
    let server = MTLSAgentServer.make(
        service: service, security: security,
        makeCard: { base in
            var card = AgentCard.minimal(name: "whoami")
            card.supportedInterfaces = [AgentInterface(url: base.absoluteString + paths.jsonRPC,
                                                       protocolBinding: AgentInterface.Binding.jsonRPC,
                                                       tenant: nil, protocolVersion: "1.0")]
            return card
        },
        onListening: { sink.yield($0) }, logger: quietLogger)
    return try await withRunningServer([server], reporting: urls) { url in try await body(url, refusals) }
}

enum FixtureError: Error {
    case unexpectedResponse(String)
}

/// A JSON-RPC client over mTLS as `source`, expecting the server to satisfy `server`.
func mtlsClient(_ baseURL: URL, source: any TLSIdentitySource, server: SPIFFEIDMatcher,
                refusals: TLSRefusalLog = TLSRefusalLog(logger: quietLogger), maxIdlePerOrigin: Int = 16) throws
    -> (A2AClient, PooledHTTPClient)
{
    let security = SPIFFEClientSecurity(source: source, refusals: refusals) { _, _ in server }
    let transport = PooledHTTPClient(security: security, maxIdlePerOrigin: maxIdlePerOrigin)
    var card = AgentCard.minimal(name: "whoami")
    card.supportedInterfaces = [AgentInterface(url: baseURL.absoluteString + "/a2a/jsonrpc",
                                               protocolBinding: AgentInterface.Binding.jsonRPC, tenant: nil,
                                               protocolVersion: "1.0")]
    return (try A2AClient(card: card, transport: transport), transport)
}

/// Sends one message and returns the agent's text answer.
func whoAmI(_ client: A2AClient) async throws -> String {
    guard case .message(let message) = try await client.sendMessage(text: "who am i"),
          case .text(let text) = message.parts.first?.content
    else { throw FixtureError.unexpectedResponse("not a text message") }
    return text
}
