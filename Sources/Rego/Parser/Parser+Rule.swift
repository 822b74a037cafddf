extension Parser {
    /// One rule statement: `[default] head [if body] [else …]*`.
    mutating func parseRule() throws(RegoError) -> Rule {
        let ruleToken = current
        let location = here
        let isDefault = acceptKeyword("default")
        let name = try expectIdentifier("a rule name")
        if name == "input" || name == "data" {
            throw RegoError(.compile, "rules must not be named '\(name)'", at: location)
        }
        if current.isSymbol(.dot) && !current.newlineBefore {
            throw RegoError.unsupported("a rule with a dotted (ref) head like '\(name).…'", at: location)
        }
        var kind = Rule.Kind.complete
        var arguments: [Term] = []
        var key: Term?
        var value: Term?
        if current.isSymbol(.leftParen) && !current.newlineBefore {
            kind = .function
            arguments = try parseArguments()
        } else if current.isSymbol(.leftBracket) && !current.newlineBefore {
            advance()
            key = try parseExpression(stopAtNewline: false)
            try expect(.rightBracket)
            if current.isSymbol(.dot) || current.isSymbol(.leftBracket) {
                throw RegoError.unsupported("a rule with a multi-segment ref head like '\(name)[…]…'", at: location)
            }
            guard current.isSymbol(.assign) || current.isSymbol(.unify) else {
                throw RegoError.unsupported(
                    "a rule '\(name)[key]' without a value (write 'name contains key' or 'name[key] := value')", at: location)
            }
            kind = .partialObject
        } else if current.isName("contains") {
            advance()
            kind = .partialSet
            key = try parseExpression(stopAtNewline: true)
        }
        if kind != .partialSet, current.isSymbol(.assign) || current.isSymbol(.unify) {
            advance()
            value = try parseExpression(stopAtNewline: true)
        }
        if isDefault {
            return try finishDefault(kind: kind, name: name, arguments: arguments, value: value, at: ruleToken)
        }
        let body = try parseRuleBody()
        var elseClauses: [ElseClause] = []
        while current.isName("else") {
            guard kind == .complete || kind == .function else {
                throw error("'else' is only allowed on complete rules and functions")
            }
            guard !body.isEmpty || !elseClauses.isEmpty else {
                throw error("'else' must follow a rule with a body")
            }
            elseClauses.append(try parseElse())
        }
        return Rule(
            kind: kind, name: name, location: location, isDefault: false, arguments: arguments, key: key,
            value: value, body: body, elseClauses: elseClauses)
    }

    private func finishDefault(
        kind: Rule.Kind, name: String, arguments: [Term], value: Term?, at token: Token
    ) throws(RegoError) -> Rule {
        guard kind == .complete || kind == .function, let value else {
            throw error("a default rule must have the form 'default \(name) := value'", at: token)
        }
        return Rule(
            kind: kind, name: name, location: location(of: token), isDefault: true, arguments: arguments, key: nil,
            value: value, body: [], elseClauses: [])
    }

    private mutating func parseArguments() throws(RegoError) -> [Term] {
        try expect(.leftParen)
        var arguments: [Term] = []
        while !current.isSymbol(.rightParen) {
            arguments.append(try parseExpression(stopAtNewline: false))
            if !accept(.comma) { break }
        }
        try expect(.rightParen)
        return arguments
    }

    /// `if { … }`, `if literal`, or nothing (an unconditional rule).
    private mutating func parseRuleBody() throws(RegoError) -> [Literal] {
        if current.isSymbol(.leftBrace) && !current.newlineBefore {
            throw error("'if' is required before a rule body in Rego v1")
        }
        guard current.isName("if") else { return [] }
        advance()
        if current.isSymbol(.leftBrace) {
            return try parseBraceBody()
        }
        return [try parseLiteral(stopAtNewline: true)]
    }

    mutating func parseBraceBody() throws(RegoError) -> [Literal] {
        try expect(.leftBrace)
        let body = try parseQuery(closedBy: .rightBrace)
        try expect(.rightBrace)
        if body.isEmpty {
            throw error("a rule body must not be empty")
        }
        return body
    }

    private mutating func parseElse() throws(RegoError) -> ElseClause {
        let location = here
        advance()
        var value: Term?
        if accept(.assign) || accept(.unify) {
            value = try parseExpression(stopAtNewline: true)
        }
        let body = try parseRuleBody()
        return ElseClause(value: value, body: body, location: location)
    }
}
