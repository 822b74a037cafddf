import Foundation
import SPIFFE
import Yams

/// `hexr.yaml`: the agents of a run.
///
/// ```yaml
/// trustDomain: hexr.local      # optional
/// policy: policy/              # optional: .rego files (+ data.json); the default policy otherwise
/// agents:
///   - name: coordinator
///     tenant: acme-corp
///     command: ["swift", "run", "fanout-coordinator"]
///     entry: true              # the run ends when this agent exits; its exit code is the run's
///   - name: research-analyst
///     tenant: acme-corp
///     replicas: 3
///     command: [".build/debug/research-analyst"]
///     restart: on-failure      # optional: relaunch after a crash (default: never)
/// leaseSeconds: 15             # optional: how long a registration lives without heartbeats
/// ```
/// Relative paths (policy, a command's first word when it contains a `/`) are relative to the
/// manifest's directory.
public struct Manifest: Sendable, Equatable {
    public struct Agent: Sendable, Equatable {
        public var name: String
        public var tenant: String
        public var command: [String]
        public var replicas: Int
        public var entry: Bool
        public var restart: RestartPolicy = .never
    }

    /// What `hexr up` does when an agent that is not the entry agent exits.
    public enum RestartPolicy: String, Sendable, Equatable {
        /// It stays down (and the run's status becomes 1 if it failed).
        case never
        /// It is launched again, with the same identity and state directory, when it failed.
        case onFailure = "on-failure"
    }

    public var trustDomain: TrustDomain
    public var policy: URL?
    public var agents: [Agent]
    /// How long a registration lives without heartbeats.
    public var leaseSeconds: Double = 15
    /// The directory the manifest was read from.
    public var directory: URL

    /// The entry agent, if any.
    public var entry: Agent? { agents.first(where: \.entry) }

    /// `hexr.local`, the trust domain when the manifest names none.
    public static let defaultTrustDomain: TrustDomain = {
        guard let domain = try? TrustDomain(parsing: "hexr.local") else { preconditionFailure("hexr.local is valid") }
        return domain
    }()

    /// Reads and validates `path` (a `hexr.yaml`, or a directory containing one).
    public static func load(_ path: URL) throws(ManifestError) -> Manifest {
        var isDirectory: ObjCBool = false
        let file = FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) && isDirectory.boolValue
            ? path.appending(path: "hexr.yaml") : path
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw .unreadable(file.path, error.localizedDescription)
        }
        return try parse(text, directory: file.deletingLastPathComponent())
    }

    /// Parses manifest text; every error names the field.
    public static func parse(_ text: String, directory: URL) throws(ManifestError) -> Manifest {
        let document: Any?
        do {
            document = try Yams.load(yaml: text)
        } catch {
            throw .invalidYAML(String(describing: error))
        }
        guard let root = document as? [String: Any] else { throw .invalid("the manifest must be a mapping") }
        var trustDomain = defaultTrustDomain
        if let value = root["trustDomain"] {
            guard let text = value as? String, let parsed = try? TrustDomain(parsing: text) else {
                throw .invalid("trustDomain '\(value)' is not a valid SPIFFE trust domain")
            }
            trustDomain = parsed
        }
        var policy: URL?
        if let value = root["policy"] {
            guard let text = value as? String, !text.isEmpty else { throw .invalid("policy must be a directory path") }
            policy = (text.hasPrefix("/") ? URL(fileURLWithPath: text) : directory.appending(path: text))
                .standardizedFileURL
        }
        guard let list = root["agents"] as? [Any], !list.isEmpty else {
            throw .invalid("agents must be a non-empty list")
        }
        var agents: [Agent] = []
        for (index, item) in list.enumerated() {
            agents.append(try agent(item, at: index))
        }
        var seen = Set<String>()
        for agent in agents where !seen.insert("\(agent.tenant)/\(agent.name)").inserted {
            throw .invalid("agent '\(agent.name)' of tenant '\(agent.tenant)' is declared twice")
        }
        if agents.filter(\.entry).count > 1 { throw .invalid("only one agent can be the entry agent") }
        var manifest = Manifest(trustDomain: trustDomain, policy: policy, agents: agents, directory: directory)
        if let value = root["leaseSeconds"] {
            guard let seconds = (value as? Double) ?? (value as? Int).map(Double.init), (1...3600).contains(seconds) else {
                throw .invalid("leaseSeconds must be a number of seconds from 1 to 3600")
            }
            manifest.leaseSeconds = seconds
        }
        return manifest
    }

    private static func agent(_ item: Any, at index: Int) throws(ManifestError) -> Agent {
        guard let fields = item as? [String: Any] else { throw .invalid("agents[\(index)] must be a mapping") }
        func name(_ key: String) throws(ManifestError) -> String {
            guard let value = fields[key] as? String, !value.isEmpty,
                  value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }),
                  value.unicodeScalars.allSatisfy(\.isASCII)
            else {
                throw .invalid("agents[\(index)].\(key) must be a non-empty name of letters, digits, '-', '_' or '.'")
            }
            return value
        }
        let agentName = try name("name")
        let tenant = try name("tenant")
        guard let command = fields["command"] as? [Any], !command.isEmpty,
              let words = command as? [String], words.allSatisfy({ !$0.isEmpty }) else {
            throw .invalid("agents[\(index)].command must be a non-empty list of strings (argv form)")
        }
        let replicas = fields["replicas"] ?? 1
        guard let count = replicas as? Int, (1...64).contains(count) else {
            throw .invalid("agents[\(index)].replicas must be a number from 1 to 64")
        }
        let entry = fields["entry"] ?? false
        guard let isEntry = entry as? Bool else { throw .invalid("agents[\(index)].entry must be true or false") }
        let restart = fields["restart"] ?? "never"
        guard let policy = (restart as? String).flatMap(RestartPolicy.init(rawValue:)) else {
            throw .invalid("agents[\(index)].restart must be 'never' or 'on-failure'")
        }
        if isEntry && policy != .never { throw .invalid("agents[\(index)]: the entry agent is never restarted") }
        return Agent(name: agentName, tenant: tenant, command: words, replicas: count, entry: isEntry, restart: policy)
    }
}

/// Why a manifest cannot be used.
public enum ManifestError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(String, String)
    case invalidYAML(String)
    case invalid(String)

    public var description: String {
        switch self {
        case .unreadable(let path, let detail): "cannot read the manifest \(path): \(detail)"
        case .invalidYAML(let detail): "the manifest is not valid YAML: \(detail)"
        case .invalid(let detail): "invalid manifest: \(detail)"
        }
    }
}
