/// One expression of a rule or comprehension body.
struct Literal: Sendable {
    enum Kind: Sendable {
        /// An expression that must be defined and not `false`.
        case expression(Term)
        /// `lhs = rhs`.
        case unify(Term, Term)
        /// `lhs := rhs`.
        case assign(Term, Term)
        /// `some a, b` (declarations only).
        case someDeclaration([(name: String, location: RegoLocation)])
        /// `some value in collection` / `some key, value in collection`.
        case someIn(key: Term?, value: Term, collection: Term)
        /// `every value in domain { body }` / `every key, value in domain { body }`.
        case every(key: Term?, value: Term, domain: Term, body: [Literal])
    }

    let kind: Kind
    /// Prefixed with `not`.
    let negated: Bool
    let modifiers: [WithModifier]
    let location: RegoLocation
}

/// `with target as value`.
struct WithModifier: Sendable {
    let target: Term
    let value: Term
    let location: RegoLocation
}
