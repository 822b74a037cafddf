/// A term after name resolution: variables are frame slots, globals are documents or rules.
struct RTerm: Sendable {
    indirect enum Kind: Sendable {
        case scalar(RegoValue)
        case local(Int)
        /// `_`: a fresh variable of its own.
        case wildcard(Int)
        case input
        /// A global path under `data` (rule, package or import alias).
        case data([String])
        case ref(RTerm, [RTerm])
        case array([RTerm])
        case set([RTerm])
        case object([(key: RTerm, value: RTerm)])
        case builtin(Builtin, [RTerm])
        case function(Int, [RTerm])
        case membership(key: RTerm?, value: RTerm, collection: RTerm)
        case comprehension(RComprehension)
    }

    let kind: Kind
    let location: RegoLocation
}

/// A comprehension after resolution.
struct RComprehension: Sendable {
    enum Kind: Sendable {
        case array(RTerm)
        case set(RTerm)
        case object(key: RTerm, value: RTerm)
    }

    let kind: Kind
    let body: [RLiteral]
    /// Variables of enclosing scopes used inside (they must be bound before it runs).
    let outerSlots: Set<Int>
}

/// A body expression after resolution.
struct RLiteral: Sendable {
    enum Kind: Sendable {
        case expression(RTerm)
        case unify(RTerm, RTerm)
        case assign(RTerm, RTerm)
        case declaration
        case someIn(key: RTerm?, value: RTerm, collection: RTerm)
        case every(key: Int?, value: Int, domain: RTerm, body: [RLiteral], outerSlots: Set<Int>)
    }

    let kind: Kind
    let negated: Bool
    let modifiers: [RWith]
    let location: RegoLocation
}

/// A `with` modifier after resolution.
struct RWith: Sendable {
    let target: CWith.Target
    let value: RTerm
    let location: RegoLocation
}
