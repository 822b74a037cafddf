import A2A
import A2AHTTP
import Foundation
import HexrTransport
import SPIFFE

/// Talks to the control plane's registry over mTLS, as the workload's own SVID, and accepts only
/// the registry's SPIFFE ID on the other end.
public struct RegistryClient: Sendable {
    private let baseURL: URL
    private let transport: PooledHTTPClient

    /// - Parameters:
    ///   - baseURL: the registry (`HEXR_REGISTRY_URL`, e.g. `https://127.0.0.1:7443`).
    ///   - registryID: the SPIFFE ID the registry must present.
    public init(baseURL: URL, source: any TLSIdentitySource, registryID: SPIFFEID, refusals: TLSRefusalLog) {
        self.baseURL = baseURL
        transport = PooledHTTPClient(
            security: SPIFFEClientSecurity(source: source, refusals: refusals) { _, _ in .exact(registryID) },
            responseTimeout: .seconds(10))
    }

    /// Registers `card` under the caller's identity.
    public func register(_ card: AgentCard) async throws -> RegistryWire.Registered {
        try await call("POST", RegistryWire.agentsPath, body: try A2AJSON.encode(card))
    }

    /// Renews the caller's lease; throws `RegistryClientError.notRegistered` when the registry has
    /// forgotten the caller (then register again).
    public func heartbeat() async throws {
        let _: EmptyResponse = try await call("POST", RegistryWire.heartbeatPath, body: nil)
    }

    /// Removes the caller's registration.
    public func deregister() async throws {
        let _: EmptyResponse = try await call("DELETE", RegistryWire.selfPath, body: nil)
    }

    /// The agents the caller may invoke (all, or those named `name`).
    public func discover(name: String? = nil) async throws -> [RegistryWire.Agent] {
        var path = RegistryWire.agentsPath
        if let name, let escaped = name.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) {
            path += "?name=" + escaped
        }
        let discovered: RegistryWire.Discovered = try await call("GET", path, body: nil)
        return discovered.agents
    }

    /// Every live registration of every tenant (the caller must be an operator identity).
    public func allAgents() async throws -> [RegistryWire.Agent] {
        let listed: RegistryWire.Discovered = try await call("GET", RegistryWire.allAgentsPath, body: nil)
        return listed.agents
    }

    /// Closes idle connections (on shutdown).
    public func close() async {
        await transport.closeIdleConnections()
    }

    private func call<T: Decodable>(_ method: String, _ path: String, body: Data?) async throws -> T {
        guard let url = URL(string: path, relativeTo: baseURL)?.absoluteURL else {
            throw RegistryClientError.invalidResponse("cannot build a URL for \(path)")
        }
        var headers: [(name: String, value: String)] = [("Accept", "application/json")]
        if body != nil { headers.append(("Content-Type", "application/json")) }
        let response = try await transport.execute(A2AClientRequest(method: method, url: url, headers: headers, body: body))
        let data = try await response.collect(upTo: 16 * 1024 * 1024)
        guard (200..<300).contains(response.status) else {
            let detail = try? JSONDecoder().decode(RegistryWire.ErrorBody.self, from: data)
            if response.status == 404, detail?.error.code == "NOT_REGISTERED" {
                throw RegistryClientError.notRegistered(detail?.error.message ?? "")
            }
            throw RegistryClientError.refused(status: response.status, code: detail?.error.code ?? "HTTP_\(response.status)",
                                              message: detail?.error.message ?? String(decoding: data.prefix(300), as: UTF8.self))
        }
        if T.self == EmptyResponse.self, data.isEmpty { return EmptyResponse() as! T }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw RegistryClientError.invalidResponse("\(T.self) does not decode: \(error)")
        }
    }
}

/// Why a registry call failed.
public enum RegistryClientError: Error, Sendable, CustomStringConvertible {
    case refused(status: Int, code: String, message: String)
    case notRegistered(String)
    case invalidResponse(String)

    public var description: String {
        switch self {
        case .refused(let status, let code, let message): "the registry refused (HTTP \(status), \(code)): \(message)"
        case .notRegistered(let message): "not registered: \(message)"
        case .invalidResponse(let detail): "invalid registry response: \(detail)"
        }
    }
}
