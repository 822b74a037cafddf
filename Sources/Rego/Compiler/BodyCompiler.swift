/// Orders a body's expressions so every variable is bound before it is read (as OPA's safety
/// reordering does), and compiles them.
struct BodyCompiler {
    let terms: TermCompiler

    /// The compiled body and the slots bound after it.
    func compileBody(_ body: [RLiteral], bound: Set<Int>, at location: RegoLocation) throws(RegoError) -> ([CLiteral], Set<Int>) {
        var remaining = Array(body.enumerated())
        var bound = bound
        var compiled: [CLiteral] = []
        compiled.reserveCapacity(body.count)
        let slotsPerLiteral = body.map(ReferencedSlots.of)
        while !remaining.isEmpty {
            var firstFailure: Safety?
            var progressed = false
            for (position, entry) in remaining.enumerated() {
                let others = slotsPerLiteral.enumerated().filter { $0.offset != entry.offset }
                    .reduce(into: Set<Int>()) { $0.formUnion($1.element) }
                var safety = Safety(bound: bound)
                let literal = try compileLiteral(entry.element, &safety, sharedSlots: others)
                if safety.isSafe, let literal {
                    compiled.append(literal)
                    bound = safety.bound
                    remaining.remove(at: position)
                    progressed = true
                    break
                }
                if firstFailure == nil { firstFailure = safety }
            }
            if !progressed {
                try checkSafe(firstFailure!)
                throw RegoError(.compile, "body cannot be ordered safely", at: location)
            }
        }
        return (compiled, bound)
    }

    /// Throws the "unsafe variable" error for the first missing binding.
    func checkSafe(_ safety: Safety) throws(RegoError) {
        guard let first = safety.missing.first else { return }
        let name = terms.slotNames[first.slot]
        if name == "_" {
            throw RegoError(.compile, "'_' cannot be used here: nothing binds it", at: first.location)
        }
        throw RegoError(.compile, "variable '\(name)' is unsafe: no expression of the body binds it", at: first.location)
    }

    /// Compiles one literal given the bound slots; `nil` or missing slots mean "not yet".
    private func compileLiteral(_ literal: RLiteral, _ safety: inout Safety, sharedSlots: Set<Int>) throws(RegoError) -> CLiteral? {
        var modifiers: [CWith] = []
        for modifier in literal.modifiers {
            let value = try terms.compile(modifier.value, &safety)
            guard value.isSingleValued else {
                throw RegoError.unsupported("a 'with' value that iterates", at: modifier.location)
            }
            modifiers.append(CWith(target: modifier.target, value: value))
        }
        let kind: CLiteral.Kind?
        if literal.negated {
            let needed = ReferencedSlots.of(literal).intersection(sharedSlots)
            for slot in needed.sorted() { safety.require(slot, at: literal.location) }
            var inner = safety
            kind = try compileKind(literal.kind, &inner)
            safety.missing = inner.missing
        } else {
            kind = try compileKind(literal.kind, &safety)
        }
        guard let kind else { return nil }
        return CLiteral(kind: kind, negated: literal.negated, modifiers: modifiers, location: literal.location)
    }

    private func compileKind(_ kind: RLiteral.Kind, _ safety: inout Safety) throws(RegoError) -> CLiteral.Kind? {
        switch kind {
        case .declaration:
            return .declaration
        case .expression(let term):
            return try compileExpression(term, &safety)
        case .assign(let lhs, let rhs):
            let value = try terms.compile(rhs, &safety)
            guard safety.isSafe else { return nil }
            return .unify([(try terms.compilePattern(lhs, &safety), value)])
        case .unify(let a, let b):
            guard let pairs = try compileUnification(a, b, &safety) else { return nil }
            return .unify(pairs)
        case .someIn(let key, let value, let collection):
            let compiledCollection = try terms.compile(collection, &safety)
            guard safety.isSafe else { return nil }
            let keyPattern = try key.map { (k) throws(RegoError) in try terms.compilePattern(k, &safety) }
            return .someIn(key: keyPattern, value: try terms.compilePattern(value, &safety), collection: compiledCollection)
        case .every(let key, let value, let domain, let body, let outerSlots):
            let compiledDomain = try terms.compile(domain, &safety)
            for slot in outerSlots.sorted() { safety.require(slot, at: domain.location) }
            guard safety.isSafe else { return nil }
            var innerBound = safety.bound
            innerBound.insert(value)
            if let key { innerBound.insert(key) }
            let (compiledBody, _) = try compileBody(body, bound: innerBound, at: domain.location)
            return .every(key: key, value: value, domain: compiledDomain, body: compiledBody)
        }
    }

    private func compileExpression(_ term: RTerm, _ safety: inout Safety) throws(RegoError) -> CLiteral.Kind? {
        switch term.kind {
        case .builtin(let builtin, let arguments) where arguments.count == builtin.arity + 1:
            let call = try terms.compile(RTerm(kind: .builtin(builtin, Array(arguments.dropLast())), location: term.location), &safety)
            guard safety.isSafe else { return nil }
            return .callOutput(call: call, output: try terms.compilePattern(arguments.last!, &safety))
        case .function(let id, let arguments) where arguments.count == terms.dataResolver.arity(of: id) + 1:
            let call = try terms.compile(RTerm(kind: .function(id, Array(arguments.dropLast())), location: term.location), &safety)
            guard safety.isSafe else { return nil }
            return .callOutput(call: call, output: try terms.compilePattern(arguments.last!, &safety))
        default:
            let compiled = try terms.compile(term, &safety)
            if case .binary(let op, let a, let b) = compiled, op.isComparison {
                return .compare(op, a, b)
            }
            return .truthy(compiled)
        }
    }

    /// Chooses which side of `a = b` is evaluated and which is a pattern; splits array and
    /// object literals pairwise when neither side can be evaluated whole.
    private func compileUnification(_ a: RTerm, _ b: RTerm, _ safety: inout Safety) throws(RegoError) -> [(pattern: CPattern, value: CTerm)]? {
        for (pattern, value) in [(a, b), (b, a)] {
            var attempt = safety
            let compiledValue = try terms.compile(value, &attempt)
            guard attempt.isSafe else { continue }
            let compiledPattern = try terms.compilePattern(pattern, &attempt)
            guard attempt.isSafe else { continue }
            safety = attempt
            return [(compiledPattern, compiledValue)]
        }
        if let pairs = Self.pairwise(a, b) {
            var remaining = pairs
            var result: [(pattern: CPattern, value: CTerm)] = []
            var attempt = safety
            while !remaining.isEmpty {
                var progressed = false
                for (index, pair) in remaining.enumerated() {
                    var inner = attempt
                    if let compiled = try compileUnification(pair.0, pair.1, &inner), inner.isSafe {
                        result += compiled
                        attempt = inner
                        remaining.remove(at: index)
                        progressed = true
                        break
                    }
                }
                if !progressed { break }
            }
            if remaining.isEmpty {
                safety = attempt
                return result
            }
        }
        _ = try terms.compile(b, &safety)
        _ = try terms.compile(a, &safety)
        return nil
    }

    /// Element pairs of two array literals of equal length, or two object literals with the same constant keys.
    private static func pairwise(_ a: RTerm, _ b: RTerm) -> [(RTerm, RTerm)]? {
        switch (a.kind, b.kind) {
        case (.array(let x), .array(let y)) where x.count == y.count:
            return Array(zip(x, y))
        case (.object(let x), .object(let y)) where x.count == y.count:
            var pairs: [(RTerm, RTerm)] = []
            for pair in x {
                guard case .scalar(let key) = pair.key.kind,
                    let match = y.first(where: { if case .scalar(let k) = $0.key.kind { k == key } else { false } })
                else { return nil }
                pairs.append((pair.value, match.value))
            }
            return pairs
        default:
            return nil
        }
    }
}
