/// Binding strength of infix operators, loosest first (as in OPA's parser).
enum PrecedenceLevel: Int, Comparable {
    case membership, relation, union, intersection, additive, multiplicative, primary

    static func < (lhs: PrecedenceLevel, rhs: PrecedenceLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Parser {
    /// A full expression (including `in`).
    mutating func parseExpression(stopAtNewline: Bool, allowKeyValue: Bool = false) throws(RegoError) -> Term {
        try parseTerm(level: .membership, stopAtNewline: stopAtNewline, allowKeyValue: allowKeyValue)
    }

    /// An expression whose loosest operator is at `level` or tighter. With `noBar`, a top-level
    /// `|` is left for the enclosing comprehension.
    mutating func parseTerm(
        level: PrecedenceLevel, stopAtNewline: Bool, allowKeyValue: Bool = false, noBar: Bool = false
    ) throws(RegoError) -> Term {
        if level == .primary { return try parsePrimary() }
        let next = PrecedenceLevel(rawValue: level.rawValue + 1)!
        var lhs = try parseTerm(level: next, stopAtNewline: stopAtNewline, noBar: noBar)
        if level == .membership, allowKeyValue, current.isSymbol(.comma) {
            advance()
            let value = try parseTerm(level: next, stopAtNewline: stopAtNewline, noBar: noBar)
            guard acceptKeyword("in") else { throw unexpected(expecting: "'in' after 'key, value'") }
            let collection = try parseTerm(level: next, stopAtNewline: stopAtNewline, noBar: noBar)
            lhs = Term(kind: .membership(key: lhs, value: value, collection: collection), location: lhs.location)
        }
        while !(stopAtNewline && current.newlineBefore), let op = infixOperator(at: level, noBar: noBar) {
            let opToken = current
            advance()
            let rhs = try parseTerm(level: next, stopAtNewline: stopAtNewline, noBar: noBar)
            let kind: Term.Kind =
                level == .membership
                ? .membership(key: nil, value: lhs, collection: rhs)
                : .call(name: [op], arguments: [lhs, rhs])
            lhs = Term(kind: kind, location: location(of: opToken))
        }
        return lhs
    }

    /// The builtin name of the operator at the current token, if it belongs to `level`.
    private func infixOperator(at level: PrecedenceLevel, noBar: Bool) -> String? {
        switch (level, current.kind) {
        case (.membership, .name("in")): return "in"
        case (.relation, .symbol(let s)):
            switch s {
            case .equal: return "equal"
            case .notEqual: return "neq"
            case .less: return "lt"
            case .lessOrEqual: return "lte"
            case .greater: return "gt"
            case .greaterOrEqual: return "gte"
            default: return nil
            }
        case (.union, .symbol(.bar)): return noBar ? nil : "or"
        case (.intersection, .symbol(.ampersand)): return "and"
        case (.additive, .symbol(.plus)): return "plus"
        case (.additive, .symbol(.minus)): return "minus"
        case (.multiplicative, .symbol(.star)): return "mul"
        case (.multiplicative, .symbol(.slash)): return "div"
        case (.multiplicative, .symbol(.percent)): return "rem"
        default: return nil
        }
    }

    private mutating func parsePrimary() throws(RegoError) -> Term {
        let token = current
        let location = here
        let base: Term
        switch token.kind {
        case .number(let text):
            advance()
            base = Term(kind: .scalar(.number(try number(text, negative: false, at: token))), location: location)
        case .string(let text), .rawString(let text):
            advance()
            base = Term(kind: .scalar(.string(text)), location: location)
        case .templateString:
            throw RegoError.unsupported("a template string ($\"…\")", at: location)
        case .symbol(.minus):
            advance()
            guard case .number(let text) = current.kind, !current.newlineBefore else {
                throw unexpected(expecting: "a number after unary '-'")
            }
            let numberToken = current
            advance()
            base = Term(kind: .scalar(.number(try number(text, negative: true, at: numberToken))), location: location)
        case .symbol(.leftParen):
            advance()
            let inner = try parseExpression(stopAtNewline: false)
            try expect(.rightParen)
            base = inner
        case .symbol(.leftBracket):
            base = try parseArrayOrComprehension()
        case .symbol(.leftBrace):
            base = try parseBraceTerm()
        case .name(let name):
            base = try parseNamePrimary(name, at: location)
        default:
            throw unexpected(expecting: "a term")
        }
        return try parsePostfix(base)
    }

    private func number(_ text: String, negative: Bool, at token: Token) throws(RegoError) -> RegoNumber {
        let signed = negative ? "-" + text : text
        let integral = !text.contains(".") && !text.contains("e")
        guard let number = NumberText.parse(signed, integral: integral) else {
            throw error("number \(signed) is out of range", at: token)
        }
        return number
    }

    private mutating func parseNamePrimary(_ name: String, at location: RegoLocation) throws(RegoError) -> Term {
        switch name {
        case "true", "false":
            advance()
            return Term(kind: .scalar(.bool(name == "true")), location: location)
        case "null":
            advance()
            return Term(kind: .scalar(.null), location: location)
        case "set" where peek().isSymbol(.leftParen) && peek(2).isSymbol(.rightParen):
            advance()
            advance()
            advance()
            return Term(kind: .set([]), location: location)
        default:
            // `contains` is also a builtin function.
            if Keyword.reserved.contains(name) && !(name == "contains" && peek().isSymbol(.leftParen)) {
                throw error("unexpected keyword '\(name)'")
            }
            advance()
            return Term(kind: .variable(name), location: location)
        }
    }

    /// `.name`, `[index]` and `(arguments)` following a term on the same line.
    private mutating func parsePostfix(_ base: Term) throws(RegoError) -> Term {
        var term = base
        while !current.newlineBefore {
            if current.isSymbol(.dot) {
                advance()
                guard let key = current.name, !current.newlineBefore else {
                    throw unexpected(expecting: "a name after '.'")
                }
                let keyTerm = Term(kind: .scalar(.string(key)), location: here)
                advance()
                term = appending(keyTerm, to: term)
            } else if current.isSymbol(.leftBracket) {
                advance()
                let index = try parseExpression(stopAtNewline: false)
                try expect(.rightBracket)
                term = appending(index, to: term)
            } else if current.isSymbol(.leftParen) {
                guard let name = term.staticName else {
                    throw error("only named functions can be called")
                }
                advance()
                var arguments: [Term] = []
                while !current.isSymbol(.rightParen) {
                    arguments.append(try parseExpression(stopAtNewline: false))
                    if !accept(.comma) { break }
                }
                try expect(.rightParen)
                term = Term(kind: .call(name: name, arguments: arguments), location: term.location)
            } else {
                return term
            }
        }
        return term
    }

    private func appending(_ segment: Term, to term: Term) -> Term {
        if case .ref(let head, let path) = term.kind {
            return Term(kind: .ref(head: head, path: path + [segment]), location: term.location)
        }
        return Term(kind: .ref(head: term, path: [segment]), location: term.location)
    }
}
