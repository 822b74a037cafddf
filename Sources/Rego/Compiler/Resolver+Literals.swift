/// Resolution of body expressions: declarations, `every`, `with` and `:=` patterns.
extension Resolver {
    func resolveBody(_ body: [Literal], in scope: LexicalScope) throws(RegoError) -> [RLiteral] {
        var resolved: [RLiteral] = []
        for (index, literal) in body.enumerated() {
            scope.currentLiteral = index
            resolved.append(try resolveLiteral(literal, in: scope))
        }
        return resolved
    }

    private func resolveLiteral(_ literal: Literal, in scope: LexicalScope) throws(RegoError) -> RLiteral {
        let kind: RLiteral.Kind
        switch literal.kind {
        case .expression(let term):
            kind = .expression(try resolve(term, in: scope))
        case .unify(let a, let b):
            kind = .unify(try resolve(a, in: scope), try resolve(b, in: scope))
        case .assign(let lhs, let rhs):
            try checkAssignable(lhs)
            kind = .assign(try resolve(lhs, in: scope), try resolve(rhs, in: scope))
        case .someDeclaration:
            kind = .declaration
        case .someIn(let key, let value, let collection):
            let resolvedKey = try key.map { (k) throws(RegoError) in try resolve(k, in: scope) }
            kind = .someIn(key: resolvedKey, value: try resolve(value, in: scope), collection: try resolve(collection, in: scope))
        case .every(let key, let value, let domain, let body):
            kind = try resolveEvery(key: key, value: value, domain: domain, body: body, in: scope)
        }
        var modifiers: [RWith] = []
        for modifier in literal.modifiers {
            modifiers.append(try resolveWith(modifier, in: scope))
        }
        if literal.negated {
            switch kind {
            case .assign, .declaration, .someIn, .every:
                throw RegoError(.compile, "'not' applies to expressions only", at: literal.location)
            default: break
            }
        }
        return RLiteral(kind: kind, negated: literal.negated, modifiers: modifiers, location: literal.location)
    }

    private func checkAssignable(_ term: Term) throws(RegoError) {
        switch term.kind {
        case .variable: return
        case .array(let elements): for element in elements { try checkAssignable(element) }
        case .object(let pairs):
            for pair in pairs {
                guard case .scalar = pair.key.kind else {
                    throw RegoError(.compile, "object keys in ':=' patterns must be constants", at: pair.key.location)
                }
                try checkAssignable(pair.value)
            }
        case .scalar:
            return
        default:
            throw RegoError(.compile, "cannot assign to this expression; ':=' needs a variable or pattern", at: term.location)
        }
    }

    private func resolveEvery(
        key: Term?, value: Term, domain: Term, body: [Literal], in scope: LexicalScope
    ) throws(RegoError) -> RLiteral.Kind {
        let resolvedDomain = try resolve(domain, in: scope)
        let inner = try makeScope(parent: scope, literals: body)
        var keySlot: Int?
        if let key, case .variable(let name) = key.kind {
            keySlot = try declareEveryVariable(name, in: inner, at: key.location)
        }
        guard case .variable(let valueName) = value.kind else {
            throw RegoError.unsupported("'every' with a pattern instead of a variable", at: value.location)
        }
        let valueSlot = try declareEveryVariable(valueName, in: inner, at: value.location)
        let resolvedBody = try resolveBody(body, in: inner)
        return .every(key: keySlot, value: valueSlot, domain: resolvedDomain, body: resolvedBody, outerSlots: inner.outerSlots)
    }

    private func declareEveryVariable(_ name: String, in scope: LexicalScope, at location: RegoLocation) throws(RegoError) -> Int {
        if name == "_" { return scope.freshSlot() }
        guard scope.declare(name, atLiteral: -1) else {
            throw RegoError(.compile, "variable '\(name)' is declared more than once in 'every'", at: location)
        }
        return scope.findDeclaration(name)!.slot
    }

    private func resolveWith(_ modifier: WithModifier, in scope: LexicalScope) throws(RegoError) -> RWith {
        guard let path = modifier.target.staticName else {
            throw RegoError.unsupported("a 'with' target that is not a plain input or data path", at: modifier.target.location)
        }
        let target: CWith.Target
        switch path[0] {
        case "input": target = .input(path.dropFirst().map { .string($0) })
        case "data": target = .data(path.dropFirst().map { .string($0) })
        default:
            throw RegoError.unsupported("'with' replacing a function or builtin ('\(path.joined(separator: "."))')", at: modifier.target.location)
        }
        if case .data(let dataPath) = target, dataPath.isEmpty {
            throw RegoError.unsupported("'with data as …' (replacing all of data)", at: modifier.target.location)
        }
        return RWith(target: target, value: try resolve(modifier.value, in: scope), location: modifier.location)
    }
}
