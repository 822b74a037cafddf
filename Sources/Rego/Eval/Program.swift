/// The compiled, immutable form of a set of modules.
final class Program: Sendable {
    let ruleSets: [RuleSet]
    let tree: [TreeNode]
    /// Resolves `data` paths in queries compiled later.
    let dataResolver: DataResolver
    let regexes = RegexCache()
    let globPatterns = GlobCache()

    init(ruleSets: [RuleSet], dataResolver: DataResolver) {
        self.ruleSets = ruleSets
        self.tree = dataResolver.tree
        self.dataResolver = dataResolver
    }
}

/// All definitions of one rule path.
final class RuleSet: Sendable {
    enum Kind: Sendable {
        case complete, partialSet, partialObject, function
    }

    let id: Int
    /// Path under `data`, e.g. `["hexr", "authz", "allow"]`.
    let path: [String]
    let kind: Kind
    let arity: Int
    let definitions: [Definition]
    let defaultValue: RegoValue?
    /// Set when every definition yields this same constant (evaluation can stop at the first success).
    let constantValue: RegoValue?
    /// Definitions selected by an `input.path == constant` expression they all test.
    let index: RuleIndex?
    let location: RegoLocation
    /// `definitions.indices` as an array (used when no index applies).
    let allDefinitions: [Int]

    init(
        id: Int, path: [String], kind: Kind, arity: Int, definitions: [Definition], defaultValue: RegoValue?,
        constantValue: RegoValue?, index: RuleIndex?, location: RegoLocation
    ) {
        self.id = id
        self.path = path
        self.kind = kind
        self.arity = arity
        self.definitions = definitions
        self.defaultValue = defaultValue
        self.constantValue = constantValue
        self.index = index
        self.location = location
        allDefinitions = Array(definitions.indices)
    }

    var dottedName: String { "data." + path.joined(separator: ".") }
}

/// One rule statement: a body with its `else` clauses, sharing one frame.
final class Definition: Sendable {
    let clauses: [Clause]
    let frameSize: Int
    /// Function parameter patterns.
    let parameters: [CPattern]

    init(clauses: [Clause], frameSize: Int, parameters: [CPattern]) {
        self.clauses = clauses
        self.frameSize = frameSize
        self.parameters = parameters
    }
}

/// A body and what it yields per solution.
final class Clause: Sendable {
    let body: [CLiteral]
    /// Partial set element or partial object key.
    let key: CTerm?
    /// The value (`true` when not written).
    let value: CTerm
    /// Key and value yield one value each (no iteration in the head).
    let headIsSingleValued: Bool

    init(body: [CLiteral], key: CTerm?, value: CTerm) {
        self.body = body
        self.key = key
        self.value = value
        headIsSingleValued = (key?.isSingleValued ?? true) && value.isSingleValued
    }
}

/// Maps the value found at an input path to the definitions that can match it.
struct RuleIndex: Sendable {
    let inputPath: [RegoValue]
    let byValue: [RegoValue: [Int]]
    /// Definitions that do not test the path (used when the value is missing or unknown).
    let unconstrained: [Int]
}

/// A node of the package/rule tree under `data`.
struct TreeNode: Sendable {
    let path: [String]
    /// Child name to tree node index.
    let children: [String: Int]
    /// Child name to rule set id (non-function rules and functions alike).
    let rules: [String: Int]
}
