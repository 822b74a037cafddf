import Foundation
import SPIFFE
import SPIFFEWorkloadAPI

/// What `hexr up` (or an operator) hands an agent process through its environment.
public struct HexrEnvironment: Sendable {
    /// `SPIFFE_ENDPOINT_SOCKET`: the Workload API.
    public var workloadAPI: WorkloadAPIEndpoint
    /// `HEXR_REGISTRY_URL`: the registry.
    public var registryURL: URL
    /// `HEXR_REGISTRY_ID`: the registry's SPIFFE ID (default `spiffe://<own trust domain>/hexr/registry`).
    public var registryID: SPIFFEID?
    /// `HEXR_POLICY`: a policy directory (default policy when unset); `HEXR_OPA_URL`: an OPA server instead.
    public var policyDirectory: URL?
    public var opaURL: URL?
    /// `HEXR_HOST` / `HEXR_PORT`: where to listen (default 127.0.0.1, a free port).
    public var host: String
    public var port: Int
    /// `HEXR_STATE_DIR`: where the agent keeps its tasks (SQLite), so they survive a restart;
    /// in memory when unset.
    public var stateDirectory: URL?

    /// Reads the environment; every missing or malformed variable is named in the error.
    public init(_ variables: [String: String] = ProcessInfo.processInfo.environment) throws(HexrEnvironmentError) {
        do {
            workloadAPI = try WorkloadAPIEndpoint.fromEnvironment(variables)
        } catch {
            throw .invalid("SPIFFE_ENDPOINT_SOCKET", "\(error) (expected unix:///path/to/socket)")
        }
        guard let registry = variables["HEXR_REGISTRY_URL"], !registry.isEmpty else {
            throw .missing("HEXR_REGISTRY_URL")
        }
        guard let url = URL(string: registry), url.scheme == "https", url.host != nil else {
            throw .invalid("HEXR_REGISTRY_URL", "'\(registry)' is not an https URL")
        }
        registryURL = url
        if let id = variables["HEXR_REGISTRY_ID"], !id.isEmpty {
            do {
                registryID = try SPIFFEID(parsing: id)
            } catch {
                throw .invalid("HEXR_REGISTRY_ID", "\(error)")
            }
        }
        policyDirectory = variables["HEXR_POLICY"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
        if let opa = variables["HEXR_OPA_URL"], !opa.isEmpty {
            guard let url = URL(string: opa), url.host != nil else { throw .invalid("HEXR_OPA_URL", "'\(opa)' is not a URL") }
            opaURL = url
        }
        stateDirectory = variables["HEXR_STATE_DIR"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
        host = variables["HEXR_HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        if let text = variables["HEXR_PORT"], !text.isEmpty {
            guard let port = Int(text), (0...65535).contains(port) else {
                throw .invalid("HEXR_PORT", "'\(text)' is not a port number")
            }
            self.port = port
        } else {
            port = 0
        }
    }
}

/// A missing or malformed environment variable.
public enum HexrEnvironmentError: Error, Sendable, Equatable, CustomStringConvertible {
    case missing(String)
    case invalid(String, String)

    public var description: String {
        switch self {
        case .missing(let name): "\(name) is not set (hexr up sets it for the agents it launches)"
        case .invalid(let name, let detail): "\(name) is invalid: \(detail)"
        }
    }
}
