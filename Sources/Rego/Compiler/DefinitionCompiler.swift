/// Compiles one rule statement (body, head, `else` clauses, parameters) into a ``Definition``.
struct DefinitionCompiler {
    let context: PackageContext
    let dataResolver: DataResolver

    func compile(_ rule: Rule) throws(RegoError) -> Definition {
        let resolver = Resolver(context: context)
        var parameterScope: LexicalScope?
        var parameters: [CPattern] = []
        var parameterSafety = Safety(bound: [])
        if rule.kind == .function {
            let scope = try resolver.declareParameters(rule.arguments)
            parameterScope = scope
            let terms = TermCompiler(dataResolver: dataResolver, slotNames: resolver.slots.names)
            for argument in rule.arguments {
                let resolved = try resolver.resolve(argument, in: scope)
                parameters.append(try terms.compilePattern(resolved, &parameterSafety))
            }
            try BodyCompiler(terms: terms).checkSafe(parameterSafety)
        }
        var heads: [(body: [Literal], key: Term?, value: Term?, location: RegoLocation)] = [
            (rule.body, rule.key, rule.kind == .partialSet ? nil : rule.value, rule.location)
        ]
        heads += rule.elseClauses.map { ($0.body, nil, $0.value, $0.location) }
        var resolvedClauses: [(body: [RLiteral], key: RTerm?, value: RTerm?, location: RegoLocation)] = []
        for head in heads {
            let headTerms = [head.key, head.value].compactMap { $0 }
            let scope = try resolver.makeScope(parent: parameterScope, literals: head.body, headTerms: headTerms)
            let body = try resolver.resolveBody(head.body, in: scope)
            scope.currentLiteral = head.body.count
            let key = try head.key.map { (k) throws(RegoError) in try resolver.resolve(k, in: scope) }
            let value = try head.value.map { (v) throws(RegoError) in try resolver.resolve(v, in: scope) }
            resolvedClauses.append((body, key, value, head.location))
        }
        let terms = TermCompiler(dataResolver: dataResolver, slotNames: resolver.slots.names)
        let bodies = BodyCompiler(terms: terms)
        var clauses: [Clause] = []
        for resolved in resolvedClauses {
            let (body, bound) = try bodies.compileBody(resolved.body, bound: parameterSafety.bound, at: resolved.location)
            var safety = Safety(bound: bound)
            let key = try resolved.key.map { (k) throws(RegoError) in try terms.compile(k, &safety) }
            let value = try resolved.value.map { (v) throws(RegoError) in try terms.compile(v, &safety) } ?? .constant(true)
            try bodies.checkSafe(safety)
            clauses.append(Clause(body: body, key: key, value: value))
        }
        return Definition(clauses: clauses, frameSize: resolver.slots.count, parameters: parameters)
    }

    /// The constant of `default name := value`.
    func defaultValue(of rule: Rule) throws(RegoError) -> RegoValue {
        let resolver = Resolver(context: context)
        let scope = try resolver.makeScope(parent: nil, literals: [])
        let resolved = try resolver.resolve(rule.value!, in: scope)
        var safety = Safety(bound: [])
        let terms = TermCompiler(dataResolver: dataResolver, slotNames: resolver.slots.names)
        guard case .constant(let value) = try terms.compile(resolved, &safety), safety.isSafe else {
            throw RegoError(.compile, "the value of a default rule must be a constant", at: rule.value!.location)
        }
        return value
    }
}
