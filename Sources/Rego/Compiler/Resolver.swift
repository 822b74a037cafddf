/// Resolves the names of one rule statement (its body, `else` clauses and nested closures) to
/// frame slots, documents, rules and builtins.
final class Resolver {
    let context: PackageContext
    let slots = SlotAllocator()
    private var parameterScope: LexicalScope?

    init(context: PackageContext) {
        self.context = context
    }

    // MARK: scopes

    /// A scope for `literals` (plus head terms) with its declarations registered.
    func makeScope(
        parent: LexicalScope?, literals: [Literal], headTerms: [Term] = []
    ) throws(RegoError) -> LexicalScope {
        let scope = LexicalScope(parent: parent, slots: slots, occurring: OccurringNames.of(literals, plus: headTerms))
        for (index, literal) in literals.enumerated() {
            var names: [(name: String, location: RegoLocation)] = []
            switch literal.kind {
            case .assign(let lhs, _): names = OccurringNames.patternVariables(lhs)
            case .someDeclaration(let declared): names = declared
            case .someIn(let key, let value, _):
                names = (key.map(OccurringNames.patternVariables) ?? []) + OccurringNames.patternVariables(value)
            default: continue
            }
            for (name, location) in names {
                if name == "input" || name == "data" {
                    throw RegoError(.compile, "variable '\(name)' shadows the \(name) document", at: location)
                }
                guard scope.declare(name, atLiteral: index) else {
                    throw RegoError(.compile, "variable '\(name)' is declared more than once in the same scope", at: location)
                }
            }
        }
        return scope
    }

    /// The scope holding function parameters, shared by a function's clauses.
    func declareParameters(_ parameters: [Term]) throws(RegoError) -> LexicalScope {
        let names = parameters.flatMap(OccurringNames.patternVariables)
        let scope = LexicalScope(parent: nil, slots: slots, occurring: Set(names.map(\.name)))
        for (name, location) in names where !scope.declare(name, atLiteral: -1) {
            throw RegoError(.compile, "parameter '\(name)' is declared more than once", at: location)
        }
        parameterScope = scope
        return scope
    }

    // MARK: names

    private func resolveName(_ name: String, at location: RegoLocation, in scope: LexicalScope) throws(RegoError) -> RTerm {
        if name == "_" {
            return RTerm(kind: .wildcard(scope.freshSlot()), location: location)
        }
        if let declaration = scope.findDeclaration(name) {
            if declaration.scope === scope, declaration.literal > scope.currentLiteral {
                throw RegoError(.compile, "variable '\(name)' is referenced before its declaration", at: location)
            }
            scope.noteUse(of: declaration.slot, ownedBy: declaration.scope)
            return RTerm(kind: .local(declaration.slot), location: location)
        }
        if context.isGlobal(name) {
            return globalTerm(name, at: location)
        }
        let implicit = scope.implicitSlot(name)
        scope.noteUse(of: implicit.slot, ownedBy: implicit.scope)
        return RTerm(kind: .local(implicit.slot), location: location)
    }

    private func globalTerm(_ name: String, at location: RegoLocation) -> RTerm {
        switch name {
        case "input":
            return RTerm(kind: .input, location: location)
        case "data":
            return RTerm(kind: .data([]), location: location)
        default:
            if context.ruleNames.contains(name) {
                return RTerm(kind: .data(context.packagePath + [name]), location: location)
            }
            switch context.imports[name]! {
            case .data(let path):
                return RTerm(kind: .data(path), location: location)
            case .input(let path):
                if path.isEmpty { return RTerm(kind: .input, location: location) }
                let segments = path.map { RTerm(kind: .scalar(.string($0)), location: location) }
                return RTerm(kind: .ref(RTerm(kind: .input, location: location), segments), location: location)
            }
        }
    }

    // MARK: terms

    func resolve(_ term: Term, in scope: LexicalScope) throws(RegoError) -> RTerm {
        let location = term.location
        switch term.kind {
        case .scalar(let value):
            return RTerm(kind: .scalar(value), location: location)
        case .variable(let name):
            return try resolveName(name, at: location, in: scope)
        case .ref(let head, let path):
            let resolvedHead = try resolve(head, in: scope)
            var segments: [RTerm] = []
            for segment in path { segments.append(try resolve(segment, in: scope)) }
            return RTerm(kind: .ref(resolvedHead, segments), location: location)
        case .array(let elements):
            return RTerm(kind: .array(try resolveAll(elements, in: scope)), location: location)
        case .set(let elements):
            return RTerm(kind: .set(try resolveAll(elements, in: scope)), location: location)
        case .object(let pairs):
            var resolved: [(key: RTerm, value: RTerm)] = []
            for pair in pairs {
                resolved.append((try resolve(pair.key, in: scope), try resolve(pair.value, in: scope)))
            }
            return RTerm(kind: .object(resolved), location: location)
        case .call(let name, let arguments):
            return try resolveCall(name, arguments, at: location, in: scope)
        case .membership(let key, let value, let collection):
            let resolvedKey = try key.map { (k) throws(RegoError) in try resolve(k, in: scope) }
            return RTerm(
                kind: .membership(
                    key: resolvedKey, value: try resolve(value, in: scope), collection: try resolve(collection, in: scope)),
                location: location)
        case .arrayComprehension(let head, let body):
            return try resolveComprehension(heads: [head], body: body, at: location, in: scope) { .array($0[0]) }
        case .setComprehension(let head, let body):
            return try resolveComprehension(heads: [head], body: body, at: location, in: scope) { .set($0[0]) }
        case .objectComprehension(let key, let value, let body):
            return try resolveComprehension(heads: [key, value], body: body, at: location, in: scope) {
                .object(key: $0[0], value: $0[1])
            }
        }
    }

    func resolveAll(_ terms: [Term], in scope: LexicalScope) throws(RegoError) -> [RTerm] {
        var resolved: [RTerm] = []
        resolved.reserveCapacity(terms.count)
        for term in terms { resolved.append(try resolve(term, in: scope)) }
        return resolved
    }

    private func resolveComprehension(
        heads: [Term], body: [Literal], at location: RegoLocation, in scope: LexicalScope,
        make: ([RTerm]) -> RComprehension.Kind
    ) throws(RegoError) -> RTerm {
        let inner = try makeScope(parent: scope, literals: body, headTerms: heads)
        let resolvedBody = try resolveBody(body, in: inner)
        inner.currentLiteral = body.count
        let resolvedHeads = try resolveAll(heads, in: inner)
        let comprehension = RComprehension(kind: make(resolvedHeads), body: resolvedBody, outerSlots: inner.outerSlots)
        return RTerm(kind: .comprehension(comprehension), location: location)
    }

    private func resolveCall(
        _ name: [String], _ arguments: [Term], at location: RegoLocation, in scope: LexicalScope
    ) throws(RegoError) -> RTerm {
        let resolvedArguments = try resolveAll(arguments, in: scope)
        let dotted = name.joined(separator: ".")
        if scope.findDeclaration(name[0]) != nil {
            throw RegoError(.compile, "'\(dotted)' is a variable, not a function", at: location)
        }
        var functionPath: [String]?
        if name[0] == "data" {
            functionPath = Array(name.dropFirst())
        } else if case .data(let path)? = context.imports[name[0]] {
            functionPath = path + name.dropFirst()
        } else if name.count == 1, context.ruleNames.contains(name[0]) {
            functionPath = context.packagePath + name
        }
        if let functionPath {
            guard let entry = context.rules[functionPath] else {
                throw RegoError(.compile, "unknown function '\(dotted)'", at: location)
            }
            guard entry.kind == .function else {
                throw RegoError(.compile, "rule '\(dotted)' is not a function and cannot be called", at: location)
            }
            try checkArity(dotted, expected: entry.arity, actual: arguments.count, at: location)
            return RTerm(kind: .function(entry.id, resolvedArguments), location: location)
        }
        guard let builtin = BuiltinRegistry.lookup(dotted) else {
            throw RegoError.unsupported("function '\(dotted)' (unknown, or a builtin this evaluator lacks)", at: location)
        }
        try checkArity(dotted, expected: builtin.arity, actual: arguments.count, at: location)
        return RTerm(kind: .builtin(builtin, resolvedArguments), location: location)
    }

    private func checkArity(_ name: String, expected: Int, actual: Int, at location: RegoLocation) throws(RegoError) {
        guard actual == expected || actual == expected + 1 else {
            throw RegoError(.compile, "function '\(name)' takes \(expected) arguments, not \(actual)", at: location)
        }
    }
}
