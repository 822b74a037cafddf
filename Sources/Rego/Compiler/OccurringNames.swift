/// Collects the variable names that occur in a scope's own expressions, not descending into
/// nested closures (comprehension and `every` bodies), which are scopes of their own.
enum OccurringNames {
    static func of(_ literals: [Literal], plus terms: [Term] = []) -> Set<String> {
        var names = Set<String>()
        for literal in literals { collect(literal, into: &names) }
        for term in terms { collect(term, into: &names) }
        return names
    }

    private static func collect(_ literal: Literal, into names: inout Set<String>) {
        switch literal.kind {
        case .expression(let t):
            collect(t, into: &names)
        case .unify(let a, let b), .assign(let a, let b):
            collect(a, into: &names)
            collect(b, into: &names)
        case .someDeclaration(let declared):
            for d in declared { names.insert(d.name) }
        case .someIn(let key, let value, let collection):
            if let key { collect(key, into: &names) }
            collect(value, into: &names)
            collect(collection, into: &names)
        case .every(_, _, let domain, _):
            collect(domain, into: &names)
        }
        for modifier in literal.modifiers { collect(modifier.value, into: &names) }
    }

    static func collect(_ term: Term, into names: inout Set<String>) {
        switch term.kind {
        case .scalar, .arrayComprehension, .setComprehension, .objectComprehension:
            return
        case .variable(let name):
            if name != "_" { names.insert(name) }
        case .ref(let head, let path):
            collect(head, into: &names)
            for segment in path { collect(segment, into: &names) }
        case .array(let elements), .set(let elements):
            for element in elements { collect(element, into: &names) }
        case .object(let pairs):
            for pair in pairs {
                collect(pair.key, into: &names)
                collect(pair.value, into: &names)
            }
        case .call(_, let arguments):
            for argument in arguments { collect(argument, into: &names) }
        case .membership(let key, let value, let collection):
            if let key { collect(key, into: &names) }
            collect(value, into: &names)
            collect(collection, into: &names)
        }
    }

    /// Variables of a pattern (`x`, `[a, b]`, `{"k": v}`), which `:=` and `some … in` declare.
    static func patternVariables(_ term: Term) -> [(name: String, location: RegoLocation)] {
        switch term.kind {
        case .variable(let name):
            return name == "_" ? [] : [(name, term.location)]
        case .array(let elements):
            return elements.flatMap(patternVariables)
        case .object(let pairs):
            return pairs.flatMap { patternVariables($0.value) }
        default:
            return []
        }
    }
}
