import Foundation
import SPIFFE

/// Where a running control plane can be reached: written to `<state>/control-plane.json` once it
/// listens, removed when it stops. The operator commands (`hexr agents`, `hexr send`, …) read it.
public struct ControlPlaneEndpoint: Codable, Sendable, Equatable {
    public static let filename = "control-plane.json"

    public var trustDomain: String
    /// The Workload API socket (`unix://…`).
    public var workloadAPI: String
    public var registryURL: URL
    public var registryID: String
    /// The identity the control plane issues to its operator's `hexr` commands.
    public var operatorID: String
    /// Where agents export spans (OTLP/HTTP base URL; traces go to `/v1/traces`).
    public var traceSinkURL: URL
    /// The process serving it.
    public var pid: Int32

    public init(trustDomain: String, workloadAPI: String, registryURL: URL, registryID: String, operatorID: String,
                traceSinkURL: URL, pid: Int32) {
        self.trustDomain = trustDomain
        self.workloadAPI = workloadAPI
        self.registryURL = registryURL
        self.registryID = registryID
        self.operatorID = operatorID
        self.traceSinkURL = traceSinkURL
        self.pid = pid
    }

    /// Writes the file (0600) atomically.
    public func write(to stateDirectory: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let file = stateDirectory.appending(path: Self.filename)
        try encoder.encode(self).write(to: file, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
    }

    /// Removes the file.
    public static func remove(from stateDirectory: URL) {
        try? FileManager.default.removeItem(at: stateDirectory.appending(path: filename))
    }

    /// Reads the endpoint of the control plane running on `stateDirectory`.
    public static func read(from stateDirectory: URL) throws(ControlPlaneEndpointError) -> ControlPlaneEndpoint {
        let file = stateDirectory.appending(path: filename)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw .notRunning(stateDirectory.path)
        }
        let endpoint: ControlPlaneEndpoint
        do {
            endpoint = try JSONDecoder().decode(ControlPlaneEndpoint.self, from: data)
        } catch {
            throw .unreadable(file.path, "\(error)")
        }
        // A control plane that was killed leaves its file behind.
        guard kill(endpoint.pid, 0) == 0 || errno == EPERM else { throw .notRunning(stateDirectory.path) }
        return endpoint
    }
}

/// Why the running control plane cannot be found.
public enum ControlPlaneEndpointError: Error, Sendable, Equatable, CustomStringConvertible {
    case notRunning(String)
    case unreadable(String, String)

    public var description: String {
        switch self {
        case .notRunning(let directory):
            "no control plane is running on state directory \(directory) (start one with `hexr up`, or pass --state-dir)"
        case .unreadable(let file, let detail): "\(file) is not a control-plane endpoint file: \(detail)"
        }
    }
}
