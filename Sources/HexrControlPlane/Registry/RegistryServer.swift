import A2A
import A2AHTTP
import Foundation
import Hexr
import HexrTransport
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import SPIFFE
import ServiceLifecycle

/// The registry's HTTP API, served only over SPIFFE mTLS: every request's caller is the client's
/// verified SPIFFE ID, which is what registrations are bound to.
public struct RegistryServer: Service {
    private let application: Application<RouterResponder<A2ARequestContext>>

    /// - Parameters:
    ///   - security: the registry's own mTLS identity and peer verification.
    ///   - onListening: called with `https://host:port` once the server accepts connections.
    public init(registry: RegistryService, security: MTLSAgentServer.Security, host: String = "127.0.0.1",
                port: Int = 0, onListening: @escaping @Sendable (URL) async -> Void = { _ in },
                logger: Logger = Logger(label: "hexr.registry.server")) {
        let identities = security.identities
        let router = Router(context: A2ARequestContext.self)
        @Sendable func caller(_ context: A2ARequestContext) throws -> SPIFFEID {
            guard let id = identities.peer(of: context.channel) else {
                throw HTTPError(.unauthorized, message: "no verified client identity on this connection")
            }
            return id
        }
        let leaseSeconds = registry.leaseDuration
        router.post(RouterPath(RegistryWire.agentsPath)) { request, context -> Response in
            let card: AgentCard
            do {
                let body = try await request.body.collect(upTo: 1 << 20)
                card = try A2AJSON.decode(AgentCard.self, from: Data(buffer: body))
            } catch {
                return Self.error(.badRequest, code: "INVALID_CARD", message: "the body is not an Agent Card: \(error)")
            }
            do {
                let registration = try await registry.register(card, caller: try caller(context))
                return try Self.json(.created, RegistryWire.Registered(agent: Self.wire(registration),
                                                                        leaseSeconds: leaseSeconds))
            } catch let error as RegistryError {
                return Self.error(error)
            }
        }
        router.post(RouterPath(RegistryWire.heartbeatPath)) { _, context -> Response in
            do {
                try await registry.heartbeat(caller: try caller(context))
                return Response(status: .noContent)
            } catch let error as RegistryError {
                return Self.error(error)
            }
        }
        router.delete(RouterPath(RegistryWire.selfPath)) { _, context -> Response in
            do {
                try await registry.deregister(caller: try caller(context))
                return Response(status: .noContent)
            } catch let error as RegistryError {
                return Self.error(error)
            }
        }
        router.get(RouterPath(RegistryWire.agentsPath)) { request, context -> Response in
            let name = request.uri.queryParameters["name"].map(String.init)
            do {
                let agents = try await registry.discover(caller: try caller(context), name: name)
                return try Self.json(.ok, RegistryWire.Discovered(agents: agents.map(Self.wire)))
            } catch let error as RegistryError {
                return Self.error(error)
            }
        }
        router.get(RouterPath(RegistryWire.allAgentsPath)) { _, context -> Response in
            do {
                let agents = try await registry.allAgents(caller: try caller(context))
                return try Self.json(.ok, RegistryWire.Discovered(agents: agents.map(Self.wire)))
            } catch let error as RegistryError {
                return Self.error(error)
            }
        }
        application = Application(
            router: router, server: security.serverBuilder,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                await onListening(URL(string: "https://\(host.contains(":") ? "[\(host)]" : host):\(bound)")!)
            },
            logger: logger)
    }

    public func run() async throws {
        try await application.run()
    }

    static func wire(_ registration: AgentRegistration) -> RegistryWire.Agent {
        RegistryWire.Agent(spiffeId: registration.spiffeID.description, name: registration.name,
                           tenant: registration.tenant, card: registration.card,
                           expiresAt: ProtoTimestamp.format(registration.expiresAt),
                           registeredAt: ProtoTimestamp.format(registration.registeredAt))
    }

    static func json(_ status: HTTPResponse.Status, _ value: some Encodable) throws -> Response {
        Response(status: status, headers: [.contentType: "application/json"],
                 body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(value))))
    }

    static func error(_ status: HTTPResponse.Status, code: String, message: String) -> Response {
        let body = (try? JSONEncoder().encode(RegistryWire.ErrorBody(code: code, message: message))) ?? Data()
        return Response(status: status, headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func error(_ error: RegistryError) -> Response {
        switch error {
        case .notAnAgentIdentity: Self.error(.forbidden, code: "NOT_AN_AGENT", message: error.description)
        case .nameMismatch: Self.error(.forbidden, code: "NAME_MISMATCH", message: error.description)
        case .registrationDenied: Self.error(.forbidden, code: "PERMISSION_DENIED", message: error.description)
        case .notRegistered: Self.error(.notFound, code: "NOT_REGISTERED", message: error.description)
        case .storeUnavailable: Self.error(.serviceUnavailable, code: "UNAVAILABLE", message: "the registry store is unavailable")
        case .notAnOperator: Self.error(.forbidden, code: "NOT_AN_OPERATOR", message: error.description)
        }
    }
}
