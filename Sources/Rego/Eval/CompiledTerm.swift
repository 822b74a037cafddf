/// A term compiled for evaluation: names resolved to frame slots, rules or documents.
indirect enum CTerm: Sendable {
    /// A ground value known at compile time.
    case constant(RegoValue)
    /// A local variable that is bound when the term is evaluated.
    case local(Int)
    /// A reference: a base document followed by a path.
    case ref(RefBase, [Segment])
    case array([CTerm])
    case set([CTerm])
    case object([(key: CTerm, value: CTerm)])
    /// An infix operator with two operands (avoids building argument arrays).
    case binary(BinaryOperator, CTerm, CTerm)
    /// A builtin call.
    case builtin(Builtin, [CTerm])
    /// A call of a user function (rule set id).
    case function(Int, [CTerm])
    /// `value in collection` / `key, value in collection`.
    case membership(key: CTerm?, value: CTerm, collection: CTerm)
    case comprehension(Comprehension)

    /// `true` when the term yields at most one value (it binds no variables by iteration).
    var isSingleValued: Bool {
        switch self {
        case .constant, .local, .comprehension: return true
        case .ref(let base, let segments):
            if case .term(let t) = base, !t.isSingleValued { return false }
            return segments.allSatisfy(\.isSingleValued)
        case .array(let elements), .set(let elements): return elements.allSatisfy(\.isSingleValued)
        case .object(let pairs): return pairs.allSatisfy { $0.key.isSingleValued && $0.value.isSingleValued }
        case .binary(_, let a, let b): return a.isSingleValued && b.isSingleValued
        case .builtin(_, let arguments), .function(_, let arguments): return arguments.allSatisfy(\.isSingleValued)
        case .membership(let key, let value, let collection):
            return (key?.isSingleValued ?? true) && value.isSingleValued && collection.isSingleValued
        }
    }
}

/// Where a reference starts.
enum RefBase: Sendable {
    case input
    case local(Int)
    /// A document under `data`: a rule, a subtree of packages and base data, or base data only.
    case data(DataTarget)
    /// Any other term (`f(x)[0]`, `[1, 2][i]`).
    case term(CTerm)
}

/// The compile-time resolution of a `data` path prefix.
enum DataTarget: Sendable {
    /// A rule (complete, partial set or partial object) by id.
    case rule(Int)
    /// A node of the package tree above rules: its value is base data merged with the rules below.
    case tree(Int)
    /// Base data only (no rule at or below this path).
    case base([RegoValue])
}

/// One step of a reference path.
enum Segment: Sendable {
    /// A constant string key (`.name` or `["name"]`): an object member.
    case field(String)
    /// A constant key or index of another type.
    case key(RegoValue)
    /// A key computed from a term (bound variables, calls, nested refs).
    case term(CTerm)
    /// A variable: looked up if bound, otherwise iterated over every key (binding it).
    case iterate(Int)

    var isSingleValued: Bool {
        switch self {
        case .field, .key: true
        case .term(let t): t.isSingleValued
        case .iterate: false
        }
    }
}

/// Infix operators evaluated without an argument array.
enum BinaryOperator: Sendable {
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
    case plus, minus, multiply, divide, remainder, union, intersection
}

/// A comprehension: its body runs in the enclosing frame.
final class Comprehension: Sendable {
    enum Kind: Sendable {
        case array(CTerm)
        case set(CTerm)
        case object(key: CTerm, value: CTerm)
    }

    let kind: Kind
    let body: [CLiteral]

    init(kind: Kind, body: [CLiteral]) {
        self.kind = kind
        self.body = body
    }
}

/// A unification target: variables to bind, structures to destructure, values to compare.
indirect enum CPattern: Sendable {
    /// A variable: bound if free, compared if already bound.
    case variable(Int)
    /// Matches anything.
    case wildcard
    case array([CPattern])
    /// Object destructuring with constant keys (the value must have exactly these keys).
    case object([(key: RegoValue, value: CPattern)])
    /// A term to evaluate and compare.
    case value(CTerm)
}
