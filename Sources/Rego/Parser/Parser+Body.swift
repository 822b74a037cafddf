extension Parser {
    /// Literals separated by `;` or line breaks, up to (not including) `closer`.
    mutating func parseQuery(closedBy closer: Symbol) throws(RegoError) -> [Literal] {
        var literals: [Literal] = []
        while true {
            while accept(.semicolon) {}
            if current.isSymbol(closer) { return literals }
            if current.kind == .end { throw unexpected(expecting: "'\(closer.rawValue)'") }
            literals.append(try parseLiteral(stopAtNewline: true))
            if current.isSymbol(closer) { return literals }
            guard current.isSymbol(.semicolon) || current.newlineBefore else {
                throw unexpected(expecting: "';', a new line or '\(closer.rawValue)'")
            }
        }
    }

    /// One body expression with its `with` modifiers.
    mutating func parseLiteral(stopAtNewline: Bool) throws(RegoError) -> Literal {
        let location = here
        let kind: Literal.Kind
        var negated = false
        if current.isName("some") {
            advance()
            kind = try parseSome()
        } else if current.isName("every") {
            advance()
            kind = try parseEvery()
        } else {
            negated = acceptKeyword("not")
            kind = try parseExpressionLiteral(stopAtNewline: stopAtNewline)
        }
        var modifiers: [WithModifier] = []
        while current.isName("with"), !(stopAtNewline && current.newlineBefore) {
            let withLocation = here
            advance()
            let target = try parseTerm(level: .primary, stopAtNewline: false)
            guard acceptKeyword("as") else { throw unexpected(expecting: "'as'") }
            let value = try parseExpression(stopAtNewline: stopAtNewline)
            modifiers.append(WithModifier(target: target, value: value, location: withLocation))
        }
        return Literal(kind: kind, negated: negated, modifiers: modifiers, location: location)
    }

    private mutating func parseExpressionLiteral(stopAtNewline: Bool) throws(RegoError) -> Literal.Kind {
        let lhs = try parseExpression(stopAtNewline: stopAtNewline, allowKeyValue: true)
        if stopAtNewline && current.newlineBefore { return .expression(lhs) }
        if accept(.assign) {
            return .assign(lhs, try parseExpression(stopAtNewline: stopAtNewline))
        }
        if accept(.unify) {
            return .unify(lhs, try parseExpression(stopAtNewline: stopAtNewline))
        }
        return .expression(lhs)
    }

    /// After `some`: declarations `a, b` or iteration `x in xs` / `k, v in xs`.
    private mutating func parseSome() throws(RegoError) -> Literal.Kind {
        var terms = [try parseTerm(level: .relation, stopAtNewline: true)]
        while accept(.comma) {
            terms.append(try parseTerm(level: .relation, stopAtNewline: true))
        }
        if current.isName("in") && !current.newlineBefore {
            advance()
            guard terms.count <= 2 else { throw error("'some … in' takes one or two variables") }
            let collection = try parseTerm(level: .relation, stopAtNewline: true)
            return .someIn(key: terms.count == 2 ? terms[0] : nil, value: terms.last!, collection: collection)
        }
        var names: [(name: String, location: RegoLocation)] = []
        for term in terms {
            guard case .variable(let name) = term.kind else {
                throw RegoError(.parse, "'some' declares variables; expected a name", at: term.location)
            }
            names.append((name, term.location))
        }
        return .someDeclaration(names)
    }

    /// After `every`: `v in xs { … }` or `k, v in xs { … }`.
    private mutating func parseEvery() throws(RegoError) -> Literal.Kind {
        var terms = [try parseTerm(level: .relation, stopAtNewline: true)]
        if accept(.comma) {
            terms.append(try parseTerm(level: .relation, stopAtNewline: true))
        }
        for term in terms {
            guard case .variable = term.kind else {
                throw RegoError.unsupported("'every' with a pattern instead of a variable", at: term.location)
            }
        }
        guard acceptKeyword("in") else { throw unexpected(expecting: "'in'") }
        let domain = try parseTerm(level: .relation, stopAtNewline: true)
        guard current.isSymbol(.leftBrace) else { throw unexpected(expecting: "'{' after the 'every' domain") }
        let body = try parseBraceBody()
        return .every(key: terms.count == 2 ? terms[0] : nil, value: terms.last!, domain: domain, body: body)
    }
}
