/// The frame slots an expression mentions, including the outer variables of nested closures.
enum ReferencedSlots {
    static func of(_ literal: RLiteral) -> Set<Int> {
        var slots = Set<Int>()
        switch literal.kind {
        case .expression(let t): collect(t, &slots)
        case .unify(let a, let b), .assign(let a, let b):
            collect(a, &slots)
            collect(b, &slots)
        case .declaration: break
        case .someIn(let key, let value, let collection):
            if let key { collect(key, &slots) }
            collect(value, &slots)
            collect(collection, &slots)
        case .every(_, _, let domain, _, let outerSlots):
            collect(domain, &slots)
            slots.formUnion(outerSlots)
        }
        for modifier in literal.modifiers { collect(modifier.value, &slots) }
        return slots
    }

    private static func collect(_ term: RTerm, _ slots: inout Set<Int>) {
        switch term.kind {
        case .scalar, .input, .data, .wildcard: break
        case .local(let slot): slots.insert(slot)
        case .ref(let head, let path):
            collect(head, &slots)
            for segment in path { collect(segment, &slots) }
        case .array(let elements), .set(let elements), .builtin(_, let elements), .function(_, let elements):
            for element in elements { collect(element, &slots) }
        case .object(let pairs):
            for pair in pairs {
                collect(pair.key, &slots)
                collect(pair.value, &slots)
            }
        case .membership(let key, let value, let collection):
            if let key { collect(key, &slots) }
            collect(value, &slots)
            collect(collection, &slots)
        case .comprehension(let comprehension):
            slots.formUnion(comprehension.outerSlots)
        }
    }
}
