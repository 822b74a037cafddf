/// One compiled body expression (a class: evaluation passes it around without copying).
final class CLiteral: Sendable {
    enum Kind: Sendable {
        /// Succeeds for every value of the term that is not `false`.
        case truthy(CTerm)
        /// A comparison operator (fast path of `truthy`).
        case compare(BinaryOperator, CTerm, CTerm)
        /// Unify patterns with evaluated terms, pair by pair, left to right.
        case unify([(pattern: CPattern, value: CTerm)])
        /// `some key, value in collection`.
        case someIn(key: CPattern?, value: CPattern, collection: CTerm)
        /// `every key, value in domain { body }`.
        case every(key: Int?, value: Int, domain: CTerm, body: [CLiteral])
        /// `some x` declarations: no runtime effect.
        case declaration
        /// A call that binds its extra last argument: `f(args…, output)`.
        case callOutput(call: CTerm, output: CPattern)
    }

    let kind: Kind
    let negated: Bool
    let modifiers: [CWith]
    let location: RegoLocation
    /// Precomputed: the literal's terms yield at most one value each (no iteration).
    let isSingleValued: Bool

    init(kind: Kind, negated: Bool, modifiers: [CWith], location: RegoLocation) {
        self.kind = kind
        self.negated = negated
        self.modifiers = modifiers
        self.location = location
        switch kind {
        case .truthy(let term): isSingleValued = term.isSingleValued
        case .compare(_, let a, let b): isSingleValued = a.isSingleValued && b.isSingleValued
        default: isSingleValued = false
        }
    }
}

/// A compiled `with` modifier.
struct CWith: Sendable {
    enum Target: Sendable {
        /// `input` or a path under it.
        case input([RegoValue])
        /// A path under `data`.
        case data([RegoValue])
    }

    let target: Target
    let value: CTerm
}
