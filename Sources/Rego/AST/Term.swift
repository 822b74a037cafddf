/// A Rego term as written in the source.
struct Term: Sendable {
    indirect enum Kind: Sendable {
        /// `null`, `true`, `false`, a number or a string.
        case scalar(RegoValue)
        /// A variable, rule name, `input`, `data` or `_`.
        case variable(String)
        /// `head.key[index]…`; `.key` segments are string scalars.
        case ref(head: Term, path: [Term])
        case array([Term])
        case object([(key: Term, value: Term)])
        case set([Term])
        case arrayComprehension(head: Term, body: [Literal])
        case setComprehension(head: Term, body: [Literal])
        case objectComprehension(key: Term, value: Term, body: [Literal])
        /// A call of a builtin, function rule or infix operator (named as OPA names it, e.g. `plus`).
        case call(name: [String], arguments: [Term])
        /// `value in collection` or `key, value in collection`.
        case membership(key: Term?, value: Term, collection: Term)
    }

    let kind: Kind
    let location: RegoLocation

    /// The dotted name if this term is a variable or a ref with only `.name` segments (`a.b.c`).
    var staticName: [String]? {
        switch kind {
        case .variable(let name):
            return [name]
        case .ref(let head, let path):
            guard case .variable(let first) = head.kind else { return nil }
            var names = [first]
            for segment in path {
                guard case .scalar(.string(let key)) = segment.kind else { return nil }
                names.append(key)
            }
            return names
        default:
            return nil
        }
    }
}
