extension Parser {
    /// `[a, b]` or `[head | body]`.
    mutating func parseArrayOrComprehension() throws(RegoError) -> Term {
        let location = here
        try expect(.leftBracket)
        if accept(.rightBracket) { return Term(kind: .array([]), location: location) }
        let first = try parseTerm(level: .membership, stopAtNewline: false, noBar: true)
        if accept(.bar) {
            let body = try parseComprehensionBody(closedBy: .rightBracket)
            return Term(kind: .arrayComprehension(head: first, body: body), location: location)
        }
        let elements = try parseElements(after: first, closedBy: .rightBracket)
        return Term(kind: .array(elements), location: location)
    }

    /// `{}`, `{k: v, …}`, `{a, b}`, `{x | body}` or `{k: v | body}`.
    mutating func parseBraceTerm() throws(RegoError) -> Term {
        let location = here
        try expect(.leftBrace)
        if accept(.rightBrace) { return Term(kind: .object([]), location: location) }
        let first = try parseTerm(level: .membership, stopAtNewline: false, noBar: true)
        if accept(.colon) {
            let firstValue = try parseTerm(level: .membership, stopAtNewline: false, noBar: true)
            if accept(.bar) {
                let body = try parseComprehensionBody(closedBy: .rightBrace)
                return Term(kind: .objectComprehension(key: first, value: firstValue, body: body), location: location)
            }
            var pairs = [(key: first, value: firstValue)]
            while accept(.comma) {
                if current.isSymbol(.rightBrace) { break }
                let key = try parseExpression(stopAtNewline: false)
                try expect(.colon)
                pairs.append((key, try parseExpression(stopAtNewline: false)))
            }
            try expect(.rightBrace)
            return Term(kind: .object(pairs), location: location)
        }
        if accept(.bar) {
            let body = try parseComprehensionBody(closedBy: .rightBrace)
            return Term(kind: .setComprehension(head: first, body: body), location: location)
        }
        let elements = try parseElements(after: first, closedBy: .rightBrace)
        return Term(kind: .set(elements), location: location)
    }

    private mutating func parseElements(after first: Term, closedBy closer: Symbol) throws(RegoError) -> [Term] {
        var elements = [first]
        while accept(.comma) {
            if current.isSymbol(closer) { break }
            elements.append(try parseExpression(stopAtNewline: false))
        }
        try expect(closer)
        return elements
    }

    private mutating func parseComprehensionBody(closedBy closer: Symbol) throws(RegoError) -> [Literal] {
        let body = try parseQuery(closedBy: closer)
        guard !body.isEmpty else { throw error("a comprehension body must not be empty") }
        try expect(closer)
        return body
    }
}
