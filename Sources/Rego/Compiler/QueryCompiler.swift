/// Compiles a query expression (`data.hexr.authz.decision`, `data.p.f(1)`, …) against a program.
enum QueryCompiler {
    static func compile(_ query: String, program: Program) throws(RegoError) -> (term: CTerm, frameSize: Int) {
        let filename = "<query>"
        let tokens: [Token]
        do {
            tokens = try Lexer.tokenize(query, filename: filename)
        } catch {
            throw RegoError(.query, "invalid query: \(error.message)", at: error.location)
        }
        var parser = Parser(tokens: tokens, filename: filename)
        let term: Term
        do {
            term = try parser.parseExpression(stopAtNewline: false)
        } catch {
            throw RegoError(.query, "invalid query: \(error.message)", at: error.location)
        }
        guard parser.current.kind == .end else {
            throw RegoError(.query, "a query is a single expression; unexpected \(parser.current.display)", at: parser.here)
        }
        let context = PackageContext(packagePath: [], ruleNames: [], imports: [:], rules: program.dataResolver.table)
        let resolver = Resolver(context: context)
        let scope = try resolver.makeScope(parent: nil, literals: [])
        let resolved = try resolver.resolve(term, in: scope)
        var safety = Safety(bound: [])
        let compiled = try TermCompiler(dataResolver: program.dataResolver, slotNames: resolver.slots.names).compile(resolved, &safety)
        if let first = safety.missing.first {
            throw RegoError(
                .query, "query variable '\(resolver.slots.names[first.slot])' is not supported; query a rule or document instead",
                at: first.location)
        }
        guard compiled.isSingleValued else {
            throw RegoError(.query, "queries that iterate are not supported; write a rule that collects the values", at: term.location)
        }
        return (compiled, resolver.slots.count)
    }
}
