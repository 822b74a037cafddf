/// A rule as written: one definition (with its `else` chain) of a complete rule, partial set,
/// partial object or function.
struct Rule: Sendable {
    enum Kind: Sendable {
        case complete
        case partialSet
        case partialObject
        case function
    }

    let kind: Kind
    let name: String
    let location: RegoLocation
    let isDefault: Bool
    /// Function parameters (patterns).
    let arguments: [Term]
    /// Partial set element or partial object key.
    let key: Term?
    /// The value; `nil` means `true`.
    let value: Term?
    /// The body; empty means unconditional.
    let body: [Literal]
    /// `else` clauses, tried in order when the body (and earlier clauses) have no solution.
    let elseClauses: [ElseClause]
}

/// `else [:= value] [if body]`.
struct ElseClause: Sendable {
    let value: Term?
    let body: [Literal]
    let location: RegoLocation
}

/// `import path [as alias]`.
struct Import: Sendable {
    let path: [String]
    let alias: String?
    let location: RegoLocation

    /// The name under which the import is visible in rule bodies.
    var visibleName: String { alias ?? path.last! }
}
