import Foundation
import Rego

/// A compiled policy with its data and revision, loaded from a directory of `.rego` files and an
/// optional `data.json` (or the default policy).
public struct PolicyBundle: Sendable {
    public let policy: RegoPolicy
    public let query: PreparedQuery
    public let data: RegoValue
    /// A hash of every file's name and content: changes whenever the policy or data changes.
    public let revision: String

    /// The query every Hexr policy answers.
    public static let decisionQuery = "data.hexr.authz.decision"

    /// Compiles `sources` (file name → Rego text) with `data`.
    public init(sources: [(filename: String, text: String)], data: RegoValue = .object(RegoObject()),
                query: String = PolicyBundle.decisionQuery) throws(PolicyLoadError) {
        policy = try PolicyDirectory.compile(sources)
        do {
            self.query = try policy.prepare(query: query)
        } catch {
            throw PolicyLoadError.invalidQuery(query, error.description)
        }
        self.data = data
        var hasher = FNV1a()
        for source in sources.sorted(by: { $0.filename < $1.filename }) {
            hasher.add(source.filename)
            hasher.add(source.text)
        }
        hasher.add(String(decoding: data.jsonData(), as: UTF8.self))
        revision = hasher.hex
    }

    /// The default policy with `data`.
    public static func defaultPolicy(data: RegoValue = .object(RegoObject())) throws(PolicyLoadError) -> PolicyBundle {
        try PolicyBundle(sources: [(DefaultPolicy.filename, DefaultPolicy.source)], data: data)
    }

    /// Loads every `*.rego` file of `directory` (not recursive) and `data.json` if present (a JSON
    /// object).
    public static func load(directory: URL, query: String = PolicyBundle.decisionQuery) throws(PolicyLoadError)
        -> PolicyBundle
    {
        let files = try PolicyDirectory.read(directory)
        return try PolicyBundle(sources: files.sources, data: files.data, query: query)
    }

    /// Evaluates the decision query for `input`.
    public func decide(_ input: AuthorizationInput) -> AuthorizationDecision {
        decide(input: input.regoValue)
    }

    /// Evaluates the decision query for a raw input document (e.g. one read back from a decision log).
    public func decide(input: RegoValue) -> AuthorizationDecision {
        do {
            let value = try query.evaluate(input: input, data: data)
            return AuthorizationDecision.interpret(value, revision: revision)
        } catch {
            return .failClosed("policy evaluation failed: \(error.description)", revision: revision)
        }
    }
}

/// Why a policy could not be loaded.
public enum PolicyLoadError: Error, Sendable, CustomStringConvertible {
    /// A file or directory (path) could not be read (detail).
    case unreadable(String, String)
    /// The directory (path) holds no `.rego` file.
    case noPolicyFiles(String)
    /// The Rego does not parse or compile; the detail names file, line and column.
    case invalidPolicy(String)
    /// The policy compiles but the query (first) cannot be prepared against it (detail).
    case invalidQuery(String, String)
    /// A data document (path) is not a JSON object (detail).
    case invalidData(String, String)

    public var description: String {
        switch self {
        case .unreadable(let path, let detail): "cannot read \(path): \(detail)"
        case .noPolicyFiles(let path): "no .rego files in \(path)"
        case .invalidPolicy(let detail): "invalid policy: \(detail)"
        case .invalidQuery(let query, let detail): "the policy cannot answer the query \(query): \(detail)"
        case .invalidData(let path, let detail): "invalid policy data in \(path): \(detail)"
        }
    }
}

/// 64-bit FNV-1a, for revision ids.
struct FNV1a {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        hash ^= 0xff
        hash &*= 0x0000_0100_0000_01b3
    }

    var hex: String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
